"""Wagtail documents per agency (issue 13, L1 and L2; org.documents).

L1: HR's evidence documents of agency A were listed to agency B by the admin API
(`/admin/api/main/documents/`), the chooser and the site history. L2: HR and editors could not
upload a Wagtail document at all (no collection permissions). Now each agency has a collection
its HR alone adds to, chooses and changes in; editors manage the shared library's."""

from __future__ import annotations

import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.log_actions import log
from wagtail.models import Collection, GroupCollectionPermission

from org.documents import LIBRARY_COLLECTION
from org.services.agencies import agency_ensure
from org.services.documents import agency_collection_ensure, library_collection_ensure
from tests.factories import EmployeeFactory, give_role, make_agency, roles

pytestmark = pytest.mark.django_db
TITLE = "Minh chứng mật của cơ quan A"


@pytest.fixture
def two():
    a, b = make_agency("SCA", "Sở A"), make_agency("SCB", "Sở B")
    hr_a = EmployeeFactory(agency=a, unit=a, employee_code="HRA").user
    hr_b = EmployeeFactory(agency=b, unit=b, employee_code="HRB").user
    learner_a = EmployeeFactory(agency=a, unit=a, employee_code="LA").user
    editor = EmployeeFactory(agency=a, unit=a, employee_code="EDA").user
    for user, role in ((hr_a, roles.HR), (hr_b, roles.HR), (learner_a, roles.LEARNER), (editor, roles.EDITOR)):
        give_role(user, role)
    collection_a, collection_b = agency_collection_ensure(agency=a), agency_collection_ensure(agency=b)
    document = Document.objects.create(title=TITLE, file=ContentFile(b"%PDF-1.4 secret", name="mat-a.pdf"),
                                       collection=collection_a, uploaded_by_user=hr_a)
    log(instance=document, action="wagtail.create", user=hr_a)
    return dict(a=a, b=b, hr_a=hr_a, hr_b=hr_b, learner_a=learner_a, editor=editor, document=document,
                collection_a=collection_a, collection_b=collection_b)


def _pages(client, user, document):
    """What a user gets from every screen that lists, finds or opens documents."""
    client.force_login(user)
    pages = {
        "listing": client.get(reverse("wagtaildocs:index")),
        "search": client.get(reverse("wagtaildocs:index"), {"q": "Minh chứng"}),
        "listing results": client.get(reverse("wagtaildocs:index_results"), {"q": "mật"}),
        "chooser": client.get(reverse("wagtaildocs_chooser:choose")),
        "chooser search": client.get(reverse("wagtaildocs_chooser:choose_results"), {"q": "Minh chứng"}),
        "api": client.get("/admin/api/main/documents/"),
        "api search": client.get("/admin/api/main/documents/", {"search": "Minh"}),
        "api detail": client.get(f"/admin/api/main/documents/{document.pk}/"),
        "site history": client.get(reverse("wagtailadmin_reports:site_history")),
        "edit": client.get(reverse("wagtaildocs:edit", args=[document.pk])),
        "usage": client.get(reverse("wagtaildocs:document_usage", args=[document.pk])),
        "chosen": client.get(reverse("wagtaildocs_chooser:chosen", args=[document.pk])),
        "file": client.get(reverse("wagtaildocs_serve", args=[document.pk, document.filename])),
    }
    client.logout()
    return pages


def _shows(response, document) -> bool:
    body = response.content.decode(errors="replace") if response.status_code == 200 else ""
    return document.title in body or document.filename in body or f'"id": {document.pk},' in body


def test_l1_hr_of_another_agency_lists_chooses_finds_and_opens_none_of_its_documents(client, two):
    document = two["document"]
    seen = {name: response.status_code for name, response in _pages(client, two["hr_b"], document).items()
            if _shows(response, document)}
    assert not seen, f"HR of agency B sees agency A's document in {seen}"
    pages = _pages(client, two["hr_b"], document)
    assert pages["api detail"].status_code == 404
    assert pages["file"].status_code == 404
    assert pages["edit"].status_code in (302, 403)


def test_l1_hr_of_the_agency_sees_its_documents(client, two):
    """The positive control: the same screens show the document to HR of its agency."""
    document = two["document"]
    pages = _pages(client, two["hr_a"], document)
    for name in ("listing", "search", "chooser", "chooser search", "api", "api search", "api detail", "edit",
                 "chosen"):
        assert pages[name].status_code == 200 and _shows(pages[name], document), name
    assert pages["file"].status_code == 200
    assert json.loads(pages["api"].content)["meta"]["total_count"] == 1


def test_l1_a_learner_of_the_agency_does_not_get_hrs_document(client, two):
    client.force_login(two["learner_a"])
    document = two["document"]
    assert client.get(reverse("wagtaildocs_serve", args=[document.pk, document.filename])).status_code == 404


def test_l2_hr_uploads_into_its_agencys_collection_whatever_collection_is_posted(client, two):
    client.force_login(two["hr_b"])
    response = client.post(reverse("wagtaildocs:add"), {
        "title": "Kế hoạch của B", "file": SimpleUploadedFile("ke-hoach-b.pdf", b"%PDF-1.4 b"),
        "collection": two["collection_a"].pk})  # a forged collection: A's
    assert response.status_code == 302, response.content.decode()[:2000]
    uploaded = Document.objects.get(title="Kế hoạch của B")
    assert uploaded.collection == two["collection_b"]
    assert uploaded.uploaded_by_user == two["hr_b"]
    client.force_login(two["hr_a"])
    listing = client.get("/admin/api/main/documents/")
    assert not _shows(listing, uploaded), listing.content.decode()


def test_l2_hr_uploads_from_the_chooser_into_its_agencys_collection(client, two):
    client.force_login(two["hr_a"])
    response = client.post(reverse("wagtaildocs_chooser:create"), {
        "document-chooser-upload-title": "Báo cáo chỉ tiêu",
        "document-chooser-upload-file": SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 a")})
    assert response.status_code == 200
    assert json.loads(response.content)["step"] == "chosen"
    assert Document.objects.get(title="Báo cáo chỉ tiêu").collection == two["collection_a"]


def test_l2_editors_upload_into_the_shared_library_and_see_no_agencys_documents(client, two):
    library = library_collection_ensure()
    assert library.name == LIBRARY_COLLECTION
    client.force_login(two["editor"])
    response = client.post(reverse("wagtaildocs:add"), {
        "title": "Bản gốc Chỉ thị 33", "file": SimpleUploadedFile("ct-33.pdf", b"%PDF-1.4 ct")})
    assert response.status_code == 302
    assert Document.objects.get(title="Bản gốc Chỉ thị 33").collection == library
    assert not _shows(client.get(reverse("wagtaildocs_chooser:choose")), two["document"])
    # HR of an agency does not manage the library (a new client: the flash message names the title)
    hr = Client()
    hr.force_login(two["hr_a"])
    assert "Bản gốc Chỉ thị 33" not in hr.get(reverse("wagtaildocs:index")).content.decode()


def test_create_agency_gives_the_agency_its_collection_and_hr_its_permissions():
    agency, created = agency_ensure(code="SXD", name="Sở Xây dựng")
    assert created and agency.document_collection is not None
    assert agency.document_collection.name == "Sở Xây dựng"
    granted = set(GroupCollectionPermission.objects.filter(collection=agency.document_collection)
                  .values_list("group__name", "permission__codename"))
    assert granted == {(roles.HR, "add_document"), (roles.HR, "change_document"), (roles.HR, "choose_document")}
    assert agency_ensure(code="SXD", name="Sở Xây dựng")[0].document_collection == agency.document_collection
    assert Collection.objects.filter(name=LIBRARY_COLLECTION).count() == 1


def test_the_roles_hold_no_model_wide_document_permission():
    """A model permission would show every agency's documents in Wagtail's site history."""
    from org.services.roles import roles_ensure

    for group in roles_ensure().values():
        assert not group.permissions.filter(content_type__app_label="wagtaildocs").exists(), group.name


def test_a_forged_document_id_in_the_evidence_forms_is_refused(two):
    """A document of agency A cannot be filed as evidence of agency B (and so become readable by
    B's HR through the serving rule)."""
    from org.documents import choosable_documents
    from reports.wagtail_hooks.scoring import _evidence_querysets

    assert two["document"] not in _evidence_querysets(two["hr_b"])["document"]
    assert two["document"] in _evidence_querysets(two["hr_a"])["document"]
    assert two["document"] not in choosable_documents(two["hr_b"])  # the targets' evidence form's choices
