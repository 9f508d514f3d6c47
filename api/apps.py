from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The REST API (/api/v1/): token authentication, read campaigns and compliance, write the
    roster and evidence from an outside learning system (docs/api.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = _("Giao diện lập trình (API)")
