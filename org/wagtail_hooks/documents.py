"""Wagtail documents per agency (org.documents): the admin API's document listing, which Wagtail
filters by view restrictions only, lists only the documents the permission policy lets the user
choose or change (the policy itself is registered by OrgConfig.ready)."""

from __future__ import annotations

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.permissions import policy_registry


class PermittedDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    """`/admin/api/main/documents/`: only the documents the user may choose or change."""

    def get_queryset(self):
        policy = policy_registry.get_by_type(get_document_model())
        permitted = policy.instances_user_has_any_permission_for(self.request.user, ["choose", "change"])
        return super().get_queryset().filter(pk__in=permitted.values("pk"))


@hooks.register("construct_admin_api", order=100)  # after wagtail.documents' own endpoint
def documents_endpoint_of_permitted_documents(router):
    router.register_endpoint("documents", PermittedDocumentsAPIViewSet)
