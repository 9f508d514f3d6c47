"""Manual-evidence proofs (issue 8, item 3): stored in the private storage under a path nobody can
guess, without any URL; served only by `manual_evidence_proof` to those who may see the person
(HR of the agency, the head of the person's unit, the person themself), as a download that shared
caches must not keep; everyone else gets a 404, anonymous visitors the login page."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import resolve_url
from django.test import override_settings
from django.urls import reverse

from core.storage import PrivateFileError
from learning.models import ManualEvidence
from learning.services.evidence import manual_evidence_record
from tests.factories import EmployeeFactory, UserFactory, give_role, make_agency, make_unit, roles
from tests.learning.campaign_fixtures import make_directive

pytestmark = pytest.mark.django_db
CONTENT = b"%PDF-1.4 bien ban hoc tap"


@pytest.fixture
def org():
    a, b = make_agency("SCA", "Sở A"), make_agency("SCB", "Sở B")
    x, y = make_unit(a, "PX"), make_unit(a, "PY")
    people = dict(
        hr_a=EmployeeFactory(agency=a, unit=a, employee_code="HRA"),
        hr_b=EmployeeFactory(agency=b, unit=b, employee_code="HRB"),
        head_x=EmployeeFactory(agency=a, unit=x, employee_code="HEADX"),
        head_y=EmployeeFactory(agency=a, unit=y, employee_code="HEADY"),
        owner=EmployeeFactory(agency=a, unit=y, employee_code="OWNER"),
        peer=EmployeeFactory(agency=a, unit=y, employee_code="PEER"),
    )
    for name, role in (("hr_a", roles.HR), ("hr_b", roles.HR), ("head_x", roles.UNIT_HEAD),
                       ("head_y", roles.UNIT_HEAD), ("owner", roles.LEARNER), ("peer", roles.LEARNER)):
        give_role(people[name].user, role)
    evidence = manual_evidence_record(
        employee=people["owner"], directive=make_directive("33/CT-TTg"), date=dt.date(2024, 5, 2),
        proof=SimpleUploadedFile("Biên bản học tập.pdf", CONTENT, content_type="application/pdf"),
        actor=people["hr_a"].user)
    return people, evidence


def _get(client, user, evidence):
    if user is not None:
        client.force_login(user)
    return client.get(reverse("manual_evidence_proof", args=[evidence.pk]))


def test_the_proof_is_private_and_its_path_cannot_be_guessed(org):
    _, evidence = org
    name = evidence.proof.name
    assert name.startswith("evidence/manual/") and name.endswith("/Biên_bản_học_tập.pdf")
    assert len(name.split("/")[3]) >= 20  # a random folder (token_urlsafe(16))
    assert evidence.proof.storage is storages["private"]
    assert (settings.MEDIA_ROOT / "private" / name).read_bytes() == CONTENT
    assert not default_storage.exists(name)
    with pytest.raises(PrivateFileError):
        evidence.proof.url  # noqa: B018 - no template can link the file around the check


@pytest.mark.parametrize("who", ["hr_a", "owner", "head_y"])
def test_those_who_may_see_the_person_download_it(client, org, who):
    people, evidence = org
    response = _get(client, people[who].user, evidence)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
    assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{quote('Biên_bản_học_tập.pdf')}"
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("who", ["peer", "head_x", "hr_b"])
def test_everyone_else_gets_a_404(client, org, who):
    people, evidence = org
    assert _get(client, people[who].user, evidence).status_code == 404


def test_anonymous_is_sent_to_the_login_page(client, org):
    _, evidence = org
    response = _get(client, None, evidence)
    assert response.status_code == 302 and response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_superuser_downloads_and_missing_files_or_records_are_404(client, org):
    people, evidence = org
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    assert _get(client, root, evidence).status_code == 200
    storages["private"].delete(evidence.proof.name)
    assert _get(client, root, evidence).status_code == 404
    without = ManualEvidence.objects.create(employee=people["owner"], directive=evidence.directive,
                                            date=dt.date(2024, 5, 3))
    assert _get(client, people["hr_a"].user, without).status_code == 404
    assert client.get(reverse("manual_evidence_proof", args=[999999])).status_code == 404


def test_the_admin_links_to_the_view_not_to_the_file(client, org):
    people, evidence = org
    client.force_login(people["hr_a"].user)
    url = reverse("manual_evidence_proof", args=[evidence.pk])
    edit = client.get(reverse("learning_manualevidence:edit", args=[evidence.pk])).content.decode()
    listing = client.get(reverse("learning_manualevidence:index")).content.decode()
    for html in (edit, listing):
        assert f'href="{url}"' in html and "/media/" not in html
    exported = b"".join(client.get(reverse("learning_manualevidence:index") + "?export=csv").streaming_content)
    assert evidence.proof.name.encode() in exported
    # replacing the proof through the edit form keeps it private and behind the view
    response = client.post(reverse("learning_manualevidence:edit", args=[evidence.pk]), {
        "employee_code": "OWNER", "directive": evidence.directive.pk, "date": "02/05/2024", "note": "",
        "proof": SimpleUploadedFile("moi.pdf", b"%PDF-1.4 moi", content_type="application/pdf")})
    assert response.status_code == 302
    evidence.refresh_from_db()
    assert evidence.proof.name.endswith("/moi.pdf") and storages["private"].exists(evidence.proof.name)


@override_settings(DEBUG=True)
def test_the_development_media_server_refuses_the_private_folder(client, org):
    from config.media import public_media

    _, evidence = org
    default_storage.save("images/a.txt", SimpleUploadedFile("a.txt", b"public"))
    request = client.get("/").wsgi_request
    assert public_media(request, "images/a.txt", document_root=settings.MEDIA_ROOT).status_code == 200
    from django.http import Http404

    for path in (f"private/{evidence.proof.name}", f"images/../private/{evidence.proof.name}"):
        with pytest.raises(Http404):
            public_media(request, path, document_root=settings.MEDIA_ROOT)


def test_migration_moves_existing_proofs_out_of_the_public_media(org, django_capture_on_commit_callbacks):
    import importlib

    from django.apps import apps

    people, evidence = org
    old = default_storage.save("evidence/manual/2024/bien-ban.pdf", SimpleUploadedFile("x", b"%PDF-1.4 cu"))
    lost = ManualEvidence.objects.create(employee=people["owner"], directive=evidence.directive,
                                         date=dt.date(2024, 5, 3))
    ManualEvidence.objects.filter(pk=lost.pk).update(proof="evidence/manual/2023/lost.pdf")
    before = ManualEvidence.objects.get(pk=evidence.pk).proof.name
    moved = ManualEvidence.objects.create(employee=people["peer"], directive=evidence.directive,
                                          date=dt.date(2024, 5, 4))
    ManualEvidence.objects.filter(pk=moved.pk).update(proof=old)
    migration = importlib.import_module("learning.migrations.0007_manualevidence_proof_private")
    with django_capture_on_commit_callbacks(execute=True):
        migration.move_proofs(apps, None)
    moved.refresh_from_db()
    name = moved.proof.name
    assert name.startswith("evidence/manual/2024/") and name.endswith("/bien-ban.pdf") and name != old
    assert storages["private"].open(name).read() == b"%PDF-1.4 cu" and not default_storage.exists(old)
    assert ManualEvidence.objects.get(pk=evidence.pk).proof.name == before  # already private: untouched
    assert ManualEvidence.objects.get(pk=lost.pk).proof.name == "evidence/manual/2023/lost.pdf"


MAGIC = {"pdf": b"%PDF-1.4 ", "jpg": b"\xff\xd8\xff\xe0"}  # a proof is what its extension says (L10)


@pytest.mark.parametrize("name, size, accepted", [
    ("bien-ban.pdf", 100, True),
    ("anh-chup.JPG", 100, True),
    ("trang.html", 100, False),
    ("tep.exe", 100, False),
    ("qua-lon.pdf", 10 * 1024 * 1024 + 1, False),
])
def test_the_edit_form_takes_documents_and_images_within_the_size_limit(client, org, name, size, accepted):
    people, evidence = org
    before = evidence.proof.name
    client.force_login(people["hr_a"].user)
    response = client.post(reverse("learning_manualevidence:edit", args=[evidence.pk]), {
        "employee_code": "OWNER", "directive": evidence.directive.pk, "date": "02/05/2024", "note": "",
        "proof": SimpleUploadedFile(name, MAGIC.get(name.rsplit(".", 1)[-1].lower(), b"") + b"x" * size)})
    evidence.refresh_from_db()
    if accepted:
        assert response.status_code == 302 and evidence.proof.name.endswith(name)
    else:
        assert response.status_code == 200 and evidence.proof.name == before  # the form shows the error
        assert "proof" in response.context["form"].errors
