from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    """The organisation every app scopes by: units, staff, roles, access scopes, the audit log."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "org"
    # The audit log's names of this app's actions (org.selectors.audit).
    audit_actions = {
        "account.rename": _("Đổi tên đăng nhập"),
        "roster.import": _("Nạp danh sách cán bộ"),
        "employee.update": _("Sửa hồ sơ cán bộ"),
        "employee.deactivate": _("Cho nghỉ việc"),
        "province.create": _("Tạo tỉnh"),
        "province.grant": _("Cấp quyền xem dữ liệu cá nhân cho tỉnh"),
        "province.officer": _("Gán cán bộ cấp tỉnh"),
        "province.person_data_read": _("Tỉnh xem dữ liệu cá nhân"),
        "province.revoke": _("Thu hồi quyền của tỉnh"),
    }
    verbose_name = _("Tổ chức, cán bộ")

    def ready(self):
        from org.documents import register_document_policy

        register_document_policy()  # HR of an agency: its own collection's documents only
