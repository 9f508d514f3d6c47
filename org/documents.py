"""Wagtail documents per agency (issue 13, L1/L2).

Each agency has its own collection of Wagtail documents (`OrgUnit.document_collection`: HR's
evidence of targets and self-scores); the library's originals are in the shared collection
`LIBRARY_COLLECTION`, which editors manage. Permissions are Wagtail's own: the HR role group holds
add/change/choose on every agency's collection, the editors' group on the shared one
(`GroupCollectionPermission`, granted by `org.services.documents`). A role group is shared by the
agencies, so `AgencyDocumentPermissionPolicy` — registered as the documents' permission policy —
drops what lies in *another* agency's collection: a user acting for agency A keeps only A's (and
the collections of no agency); a user of no agency keeps none of the agencies'. Superusers keep
everything. Every Wagtail screen and the admin API ask this policy (listing, search, chooser, upload
form, edit, usage, the home page's count), so another agency's documents are not listed, chosen,
counted or opened.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import Collection
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from org.scoping import acting_agency_id, acts_for_all_agencies

LIBRARY_COLLECTION = "Thư viện chung"  # the shared collection's name (library originals, editors)


def foreign_collection_ids(user) -> list[int] | None:
    """The collections of agencies other than `user`'s, with the collections below them; None for
    those who act for every agency."""
    if acts_for_all_agencies(user):
        return None
    foreign = Collection.objects.filter(agency__isnull=False)
    own = acting_agency_id(user)
    if own is not None:
        foreign = foreign.exclude(agency__pk=own)
    subtrees = Q(pk__in=[])
    for path in foreign.values_list("path", flat=True):
        subtrees |= Q(path__startswith=path)
    return list(Collection.objects.filter(subtrees).values_list("pk", flat=True))


def agency_collection_id(document) -> int | None:
    """The agency whose collection holds `document` (or a collection below it), else None."""
    path, step = document.collection.path, Collection.steplen
    ancestors = [path[:end] for end in range(step, len(path) + 1, step)]
    return (Collection.objects.filter(path__in=ancestors, agency__isnull=False)
            .values_list("agency__pk", flat=True).first())


class AgencyDocumentPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's collection permissions, minus another agency's collections."""

    def get_all_permissions_for_user(self, user):
        permissions = super().get_all_permissions_for_user(user)
        foreign = foreign_collection_ids(user)
        return permissions if foreign is None else permissions.exclude(collection__in=foreign)

    def collections_user_has_any_permission_for(self, user, actions):
        collections = super().collections_user_has_any_permission_for(user, actions)
        foreign = foreign_collection_ids(user)
        return collections if foreign is None else collections.exclude(pk__in=foreign)

    def instances_user_has_any_permission_for(self, user, actions):
        documents = super().instances_user_has_any_permission_for(user, actions)
        foreign = foreign_collection_ids(user)
        return documents if foreign is None else documents.exclude(collection__in=foreign)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        foreign = foreign_collection_ids(user)
        if foreign is not None and instance.collection_id in foreign:
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


def register_document_policy() -> None:
    """Make `AgencyDocumentPermissionPolicy` the documents' policy (OrgConfig.ready). Registered for
    the exact class, which Wagtail's registry prefers to the policy wagtail.documents registers for
    the class and its subclasses, whichever app is ready first; Wagtail's views and forms look the
    policy up at each use."""
    from wagtail.documents import get_document_model
    from wagtail.permissions import register_permission_policy

    policy = AgencyDocumentPermissionPolicy(get_document_model(), auth_model="wagtaildocs.Document",
                                            owner_field_name="uploaded_by_user")
    register_permission_policy(get_document_model(), policy, exact_class=True)


def choosable_documents(user):
    """The documents `user` may pick in a form (Wagtail's chooser shows the same): a forged id of
    another agency's document in a form body is "not one of the available choices"."""
    from wagtail.documents import get_document_model
    from wagtail.permissions import policy_registry

    return policy_registry.get_by_type(get_document_model()).instances_user_has_any_permission_for(user, ["choose"])
