"""The Wagtail document collections of agencies and of the shared library, with the role groups'
collection permissions (org.documents has the rule; docs/security.md "Documents per agency")."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission

from org.documents import LIBRARY_COLLECTION
from org.models import OrgUnit
from org.roles import EDITOR, HR

HR_ACTIONS = ("add_document", "change_document", "choose_document")
EDITOR_ACTIONS = HR_ACTIONS


def _root() -> Collection:
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def _grant(group_name: str, collection: Collection, codenames: tuple[str, ...]) -> None:
    group = Group.objects.filter(name=group_name).first()
    if group is None:  # roles_ensure creates the groups and grants again
        return
    for permission in Permission.objects.filter(content_type__app_label="wagtaildocs", codename__in=codenames):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


@transaction.atomic
def agency_collection_ensure(*, agency: OrgUnit) -> Collection:
    """The agency's document collection (created under the root, named as the agency), on which
    the HR role holds add/change/choose — for that agency's HR only (org.documents)."""
    agency = OrgUnit.objects.select_for_update(no_key=True).get(pk=agency.pk)
    collection = agency.document_collection
    if collection is None:
        collection = _root().add_child(name=agency.name)
        agency.document_collection = collection
        agency.save(update_fields=["document_collection"])
    _grant(HR, collection, HR_ACTIONS)
    return collection


@transaction.atomic
def library_collection_ensure() -> Collection:
    """The shared collection of the library's originals, managed by editors."""
    root = _root()
    collection = root.get_children().filter(name=LIBRARY_COLLECTION, agency__isnull=True).first()
    if collection is None:
        collection = root.add_child(name=LIBRARY_COLLECTION)
    _grant(EDITOR, collection, EDITOR_ACTIONS)
    return collection


def document_collections_ensure() -> None:
    """Every agency's collection and the shared one, with their grants (idempotent)."""
    library_collection_ensure()
    for agency in OrgUnit.objects.all_agencies().filter(depth=1):
        agency_collection_ensure(agency=agency)
