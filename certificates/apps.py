from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "certificates"
    verbose_name = _("Giấy chứng nhận")

    def ready(self):
        # The register exporter must be in the shared registry for the evidence pack.
        from certificates import exporters  # noqa: F401
