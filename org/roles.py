"""Roles are Django groups. Scope: learners see themselves, unit heads their unit subtree,
HR (văn phòng / tổ chức cán bộ) their whole agency, province officers their province's agencies in
aggregate, superusers everything."""

from django.utils.translation import gettext_lazy as _

LEARNER = "Học viên"
UNIT_HEAD = "Trưởng đơn vị"
HR = "Văn phòng - Tổ chức cán bộ"
EDITOR = "Biên tập nội dung"
# Sở Nội vụ / Ban Dân vận Tỉnh ủy: every agency's aggregate figures of its province; person-level
# data only through a grant of the agency (org.models.ProvinceAccessGrant); never writes.
PROVINCE = "Cán bộ cấp tỉnh (Sở Nội vụ, Ban Dân vận)"

ROLE_LABELS = {
    LEARNER: _("Học viên"),
    UNIT_HEAD: _("Trưởng đơn vị"),
    HR: _("Văn phòng - Tổ chức cán bộ (quản lý đào tạo)"),
    EDITOR: _("Biên tập nội dung"),
    PROVINCE: _("Cán bộ cấp tỉnh (Sở Nội vụ, Ban Dân vận)"),
}

# Model permissions per role, as "app_label.codename": the organisation's and Wagtail's here; each
# app declares its own models' in its AppConfig's `role_permissions` (`role_permissions()` merges
# them). Wagtail page permissions for editors are granted on the page tree by `roles_ensure`.
# Documents are granted per collection, never as model permissions (a model permission would show
# every agency's documents in Wagtail's site history): HR on its agency's collection, editors on
# the shared library's (org.documents, org.services.documents).
ROLE_PERMISSIONS: dict[str, list[str]] = {
    LEARNER: [],
    UNIT_HEAD: [
        "wagtailadmin.access_admin",
        "org.view_orgunit",
        "org.view_employee",
    ],
    HR: [
        "wagtailadmin.access_admin",
        "org.view_orgunit", "org.add_orgunit", "org.change_orgunit", "org.delete_orgunit",
        "org.view_employee", "org.add_employee", "org.change_employee",
        "org.view_auditlog",
    ],
    PROVINCE: [
        "wagtailadmin.access_admin",
    ],
    EDITOR: [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
    ],
}


def role_permissions() -> dict[str, list[str]]:
    """Every role's permissions: the organisation's and those each app declares."""
    from django.apps import apps

    merged = {role: list(perms) for role, perms in ROLE_PERMISSIONS.items()}
    for config in apps.get_app_configs():
        for role, perms in getattr(config, "role_permissions", {}).items():
            merged.setdefault(role, []).extend(p for p in perms if p not in merged[role])
    return merged
