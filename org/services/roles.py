"""Creating the role groups with their permissions (idempotent)."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from org.roles import EDITOR, role_permissions
from org.services.documents import document_collections_ensure


def _permissions(names: list[str]) -> list[Permission]:
    wanted = {tuple(name.split(".", 1)) for name in names}
    perms = Permission.objects.select_related("content_type").filter(codename__in=[c for _, c in wanted])
    return [p for p in perms if (p.content_type.app_label, p.codename) in wanted]


@transaction.atomic
def roles_ensure() -> dict[str, Group]:
    """Create or refresh every role group; extra permissions added by hand are kept."""
    groups = {}
    for name, perms in role_permissions().items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(perms))
        groups[name] = group
    _grant_editor_pages(groups[EDITOR])
    document_collections_ensure()
    return groups


def _grant_editor_pages(group: Group) -> None:
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    if root is None:
        return
    for codename in ("add_page", "change_page", "publish_page"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
