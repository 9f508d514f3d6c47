"""Who may download a Wagtail document (`/documents/<id>/<name>`): documents are internal, so
anonymous visitors are sent to the login page; a document in an agency's collection (org.documents)
or filed as evidence of a target or of a self-assessment score is HR's, so only HR of that agency may
read it (others get a 404, as for any object outside their scope). Lesson attachments and the
shared library stay open to every logged-in user."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from wagtail import hooks

from org.documents import agency_collection_id
from org.selectors.access import is_hr, visible_agencies
from reports.models import CampaignTargetEvidence, SelfScoreEvidence


def document_agencies(document) -> set[int]:
    """The agency whose collection holds this document, else the agencies whose HR evidence files
    it (documents filed before the collections); empty for content documents."""
    collection = agency_collection_id(document)
    if collection is not None:
        return {collection}
    scores = SelfScoreEvidence.objects.filter(document=document).values_list("score__criterion__agency_id", flat=True)
    targets = CampaignTargetEvidence.objects.filter(document=document).values_list("target__campaign__agency_id",
                                                                                  flat=True)
    return set(scores) | set(targets)


def may_read_document(user, document) -> bool:
    agencies = document_agencies(document)
    if not agencies:
        return True
    return is_hr(user) and visible_agencies(user).filter(pk__in=agencies).exists()


@hooks.register("before_serve_document")
def documents_need_login_and_scope(document, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not may_read_document(request.user, document):
        raise Http404
    return None
