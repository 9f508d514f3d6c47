"""Session originals (docs/contract.md "Session originals"): PDF/JPEG/PNG by content, ≤ 20 MB, kept byte
for byte in the private storage, audited, idempotent; `attach_record` and the admin screen."""

from __future__ import annotations

import datetime as dt
import hashlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from core.storage import PrivateFileError
from learning.models import SessionRecord
from learning.services.records import RecordRefused, session_record_attach, session_record_delete
from learning.services.sessions import session_create
from org.models import AuditLog
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles
from tests.learning.compliance_helpers import make_campaign, make_directive

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def session():
    agency = make_agency()
    d23 = make_directive("23-QĐ/TW")
    campaign = make_campaign(agency, [d23])
    return session_create(campaign=campaign, title="Hội nghị quán triệt", date=dt.date(2024, 5, 10), directives=[d23])


@pytest.fixture
def hr(session):
    agency = session.campaign.agency
    person = EmployeeFactory(agency=agency, unit=make_unit(agency, "VP"), employee_code="SCT0002")
    give_role(person.user, roles.HR)
    return person.user


def test_attach_keeps_the_bytes_privately_and_audits(session, hr):
    result = session_record_attach(session=session, content=PDF, filename="danh sách ký.pdf", kind="sheet",
                                   note="Bản scan", actor=hr)
    record = result.record
    assert result.created and result.short_hash == hashlib.sha256(PDF).hexdigest()[:12]
    assert record.content_type == "application/pdf" and record.size == len(PDF) and record.kind == "sheet"
    assert record.file.name.startswith("sessions/") and record.file.name.endswith(".pdf")
    with record.file.open("rb") as handle:
        assert handle.read() == PDF  # byte for byte
    with pytest.raises(PrivateFileError):
        record.file.url  # noqa: B018 — the private storage hands out no URL
    entry = AuditLog.objects.get(action="session_record.attach")
    assert entry.actor == hr and entry.agency_id == session.campaign.agency_id
    assert entry.after["sha256"] == record.sha256 and entry.after["note"] == "Bản scan"


def test_type_is_judged_by_content_not_name(session):
    photo = session_record_attach(session=session, content=JPEG, filename="anh.PDF", kind="photo").record
    assert photo.content_type == "image/jpeg" and photo.file.name.endswith(".jpg")
    assert session_record_attach(session=session, content=PNG, filename="x.bin").record.content_type == "image/png"
    with pytest.raises(RecordRefused) as refused:
        session_record_attach(session=session, content=b"MZ\x90\x00 not a pdf", filename="bien-ban.pdf")
    assert refused.value.code == "bad_type"
    with pytest.raises(RecordRefused) as refused:
        session_record_attach(session=session, content=b"", filename="empty.pdf")
    assert refused.value.code == "empty"


def test_size_limit_is_20_mb(session):
    limit = 20 * 1024 * 1024
    assert session_record_attach(session=session, content=PDF + b"\0" * (limit - len(PDF)), filename="a.pdf").created
    with pytest.raises(RecordRefused) as refused:
        session_record_attach(session=session, content=PDF + b"\0" * (limit - len(PDF) + 1), filename="b.pdf")
    assert refused.value.code == "too_large"


def test_same_file_twice_changes_nothing(session):
    first = session_record_attach(session=session, content=PDF, filename="a.pdf", kind="sheet")
    again = session_record_attach(session=session, content=PDF, filename="other-name.pdf", kind="minutes")
    assert not again.created and again.record.pk == first.record.pk and again.record.kind == "sheet"
    assert SessionRecord.objects.count() == 1 and AuditLog.objects.filter(action="session_record.attach").count() == 1


def test_only_hr_of_the_agency_attaches(session, hr):
    other = make_agency("SXD", "Sở Xây dựng Tây Ninh")
    outsider = EmployeeFactory(agency=other, unit=other, employee_code="SXD0001")
    give_role(outsider.user, roles.HR)
    with pytest.raises(Exception) as denied:
        session_record_attach(session=session, content=PDF, filename="a.pdf", actor=outsider.user)
    assert denied.value.code == "not_found"  # another agency's session: as if there were none (org.scoping)
    assert not SessionRecord.objects.exists()


def test_delete_is_audited(session, hr):
    record = session_record_attach(session=session, content=PDF, filename="a.pdf", actor=hr).record
    session_record_delete(record=record, actor=hr)
    assert not SessionRecord.objects.exists()
    assert AuditLog.objects.get(action="session_record.delete").before["sha256"] == record.sha256


def test_attach_record_command(session, tmp_path):
    scan = tmp_path / "bien-ban.pdf"
    scan.write_bytes(PDF)
    out = io.StringIO()
    call_command("attach_record", "--session", str(session.pk), str(scan), "--kind", "minutes", "--note", "BB",
                 stdout=out)
    assert out.getvalue() == f"attached minutes {hashlib.sha256(PDF).hexdigest()[:12]}\n"
    out = io.StringIO()
    call_command("attach_record", "--session", str(session.pk), str(scan), stdout=out)
    assert out.getvalue().startswith("already attached")
    assert SessionRecord.objects.get().note == "BB"
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"<html>not a pdf</html>")
    with pytest.raises(CommandError, match="not a PDF, JPEG or PNG"):
        call_command("attach_record", "--session", str(session.pk), str(fake))
    with pytest.raises(CommandError, match="session 999999 not found"):
        call_command("attach_record", "--session", "999999", str(scan))


def test_admin_upload_list_download_and_delete(session, hr, client):
    client.force_login(hr)
    url = reverse("learning_studysession:records", args=[session.pk])
    response = client.post(url, {"file": SimpleUploadedFile("bien-ban.pdf", PDF), "kind": "minutes", "note": "BB"})
    assert response.status_code == 302
    record = SessionRecord.objects.get()
    page = client.get(url)
    assert page.status_code == 200 and "bien-ban.pdf" in page.content.decode()
    download = client.get(reverse("learning_studysession:record_download", args=[session.pk, record.pk]))
    assert b"".join(download.streaming_content) == PDF and "attachment" in download["Content-Disposition"]
    refused = client.post(url, {"file": SimpleUploadedFile("x.pdf", b"GIF89a..."), "kind": "sheet"})
    assert refused.status_code == 200 and "PDF, JPEG" in refused.content.decode()
    client.post(url, {"action": "delete", "record": record.pk})
    assert not SessionRecord.objects.exists()


def test_admin_refuses_another_agency(session, client):
    other = make_agency("SXD", "Sở Xây dựng Tây Ninh")
    outsider = EmployeeFactory(agency=other, unit=other, employee_code="SXD0001")
    give_role(outsider.user, roles.HR)
    record = session_record_attach(session=session, content=PDF, filename="a.pdf").record
    client.force_login(outsider.user)
    # another agency's session is not found (org.scoping): never the page or the file.
    assert client.get(reverse("learning_studysession:records", args=[session.pk])).status_code == 404
    download = client.get(reverse("learning_studysession:record_download", args=[session.pk, record.pk]))
    assert download.status_code == 404 and not hasattr(download, "streaming_content")
