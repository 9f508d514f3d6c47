from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "certificates"
    verbose_name = _("Giấy chứng nhận")

    def ready(self):
        from certificates import receivers  # noqa: F401  (issuing follows evidence_recorded)
