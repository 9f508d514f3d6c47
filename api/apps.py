from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The REST API (/api/v1/): token authentication, read campaigns and compliance, write the
    roster and evidence from an outside learning system (docs/api.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    # The audit log's names of this app's actions (org.selectors.audit).
    audit_actions = {
        "api.call": _("Gọi API"),
        "api_token.create": _("Tạo khóa API"),
        "api_token.revoke": _("Thu hồi khóa API"),
        "external_evidence.receive": _("Nhận minh chứng từ hệ thống khác"),
    }
    verbose_name = _("Giao diện lập trình (API)")
