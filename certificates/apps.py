from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from org.roles import HR


class CertificatesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "certificates"
    # The audit log's names of this app's actions (org.selectors.audit).
    audit_actions = {
        "certificate.issue": _("Cấp giấy chứng nhận"),
        "certificate.issue_bulk": _("Cấp giấy chứng nhận hàng loạt"),
        "certificate.revoke": _("Thu hồi giấy chứng nhận"),
        "certificate.zip": _("Tải tệp giấy chứng nhận"),
    }
    verbose_name = _("Giấy chứng nhận")
    role_permissions = {
        HR: [
            "certificates.view_certificate", "certificates.revoke_certificate", "certificates.view_certificatejob",
            "certificates.add_certificatejob", "certificates.change_certificatetemplatesettings",
            "certificates.view_quizcertificate", "certificates.add_quizcertificate",
            "certificates.change_quizcertificate",
        ],
    }

    def ready(self):
        from certificates import receivers  # noqa: F401  (issuing follows evidence_recorded)
