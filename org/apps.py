from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    """The organisation every app scopes by: units, staff, roles, access scopes, the audit log."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "org"
    verbose_name = _("Tổ chức, cán bộ")
