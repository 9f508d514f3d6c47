"""Attendance: recording (upsert, audit, idempotence), bulk absent, and the sign-in sheet import
(all-or-nothing with rows named, re-import changes nothing), as service and as command."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from core.errors import ImportRefused, NotFound
from learning.models import Attendance, CheckinAttempt, StudySession
from learning.services.attendance import (
    AttendanceInvalid,
    attendance_import,
    attendance_mark_remaining_absent,
    attendance_record,
)
from learning.services.sessions import session_create
from org.models import AuditLog
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles
from tests.learning.compliance_helpers import make_campaign, make_directive

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def setup():
    agency = make_agency()
    vp = make_unit(agency, "VP", "Văn phòng Sở")
    d23 = make_directive("23-QĐ/TW")
    campaign = make_campaign(agency, [d23])
    session = session_create(campaign=campaign, title="Hội nghị quán triệt", date=D(2024, 5, 10), directives=[d23])
    people = [
        EmployeeFactory(agency=agency, unit=vp, employee_code="SCT0101", full_name="Nguyễn Văn An"),
        EmployeeFactory(agency=agency, unit=vp, employee_code="SCT0102", full_name="Trần Thị Bình"),
        EmployeeFactory(agency=agency, unit=vp, employee_code="SCT0103", full_name="Lê Quốc Cường"),
    ]
    # HR acts for its agency (org.scoping): an account of no agency may write nothing there.
    hr = EmployeeFactory(agency=agency, unit=vp, employee_code="SCT0001", full_name="Văn phòng Sở").user
    give_role(hr, roles.HR)
    return {"agency": agency, "vp": vp, "session": session, "people": people, "hr": hr}


def _csv(text: str) -> bytes:
    return ("\ufeff" + text).encode()


def test_record_creates_then_updates_with_audit(setup):
    session, (an, *_), hr = setup["session"], setup["people"], setup["hr"]
    first = attendance_record(session=session, employee=an, status="present", method="hr", actor=hr, note="")
    assert first.created and first.changed
    again = attendance_record(session=session, employee=an, status="present", method="sheet", actor=hr)
    assert not again.changed
    late = attendance_record(session=session, employee=an, status="late", method="hr", actor=hr, note="Đến 8h20")
    assert late.changed and not late.created
    row = Attendance.objects.get()
    assert (row.status, row.method, row.note, row.recorded_by) == ("late", "hr", "Đến 8h20", hr)
    entries = list(AuditLog.objects.filter(action="attendance.record").order_by("id"))
    assert len(entries) == 2
    assert entries[1].before["status"] == "present" and entries[1].after["status"] == "late"
    assert entries[1].actor == hr


def test_record_refuses_unknown_status_and_foreign_staff(setup):
    session = setup["session"]
    with pytest.raises(AttendanceInvalid):
        attendance_record(session=session, employee=setup["people"][0], status="maybe", method="hr")
    other_agency = make_agency("SYT", "Sở Y tế")
    outsider = EmployeeFactory(agency=other_agency, unit=other_agency)
    with pytest.raises(NotFound):  # another agency's person: as if there were none (org.scoping)
        attendance_record(session=session, employee=outsider, status="present", method="hr")
    assert not Attendance.objects.exists()


def test_mark_remaining_absent_keeps_marked_people(setup):
    session, an = setup["session"], setup["people"][0]
    attendance_record(session=session, employee=an, status="present", method="qr")
    assert attendance_mark_remaining_absent(session=session, actor=setup["hr"]) == 3  # HR is staff too
    statuses = dict(Attendance.objects.values_list("employee__employee_code", "status"))
    assert statuses == {"SCT0001": "absent", "SCT0101": "present", "SCT0102": "absent", "SCT0103": "absent"}
    assert attendance_mark_remaining_absent(session=session, actor=setup["hr"]) == 0
    assert AuditLog.objects.filter(action="attendance.mark_remaining_absent").count() == 1


SHEET = (
    "Mã cán bộ,Họ và tên,Trạng thái,Ghi chú\n"
    "SCT0101,nguyen van an,Có mặt,\n"
    "sct0102,Trần Thị Bình,late,Đến muộn 10 phút\n"
    "SCT0103,,Vắng có lý do,Đi công tác\n"
)


def test_import_writes_and_reimport_changes_nothing(setup):
    session = setup["session"]
    result = attendance_import(session=session, file=_csv(SHEET), filename="ds.csv", actor=setup["hr"])
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    rows = {a.employee.employee_code: (a.status, a.method, a.note) for a in Attendance.objects.all()}
    assert rows == {
        "SCT0101": ("present", "sheet", ""),
        "SCT0102": ("late", "sheet", "Đến muộn 10 phút"),
        "SCT0103": ("excused", "sheet", "Đi công tác"),
    }
    audit_count = AuditLog.objects.count()
    again = attendance_import(session=session, file=_csv(SHEET), filename="ds.csv", actor=setup["hr"])
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert AuditLog.objects.count() == audit_count


def test_import_xlsx_with_english_headers_and_dry_run(setup):
    wb = Workbook()
    ws = wb.active
    ws.append(["employee_code", "status", "note"])
    ws.append(["SCT0101", "absent", None])
    ws.append(["SCT0102", "Vắng không lý do", None])
    buffer = io.BytesIO()
    wb.save(buffer)
    result = attendance_import(session=setup["session"], file=buffer.getvalue(), filename="ds.xlsx", dry_run=True)
    assert result.created == 2 and result.dry_run
    assert not Attendance.objects.exists()
    attendance_import(session=setup["session"], file=buffer.getvalue(), filename="ds.xlsx")
    assert set(Attendance.objects.values_list("status", flat=True)) == {"absent"}


def test_faulty_sheet_is_refused_whole_with_rows_named(setup, english):
    outsider_unit = make_unit(setup["agency"], "TTRA", "Thanh tra Sở")
    EmployeeFactory(agency=setup["agency"], unit=outsider_unit, employee_code="SCT0200", is_active=False)
    sheet = (
        "Mã cán bộ,Họ và tên,Trạng thái\n"
        "SCT0101,Nguyễn Văn An,Có mặt\n"
        "SCT9999,Ai Đó,Có mặt\n"
        "SCT0102,Trần Văn Bình,Có mặt\n"
        "SCT0103,Lê Quốc Cường,Ngủ gật\n"
        "SCT0101,Nguyễn Văn An,Có mặt\n"
        "SCT0200,,Có mặt\n"
        "SCT0103,,\n"
    )
    with pytest.raises(ImportRefused) as refused:
        attendance_import(session=setup["session"], file=_csv(sheet), filename="ds.csv")
    messages = [str(p) for p in refused.value.problems]
    assert 'row 3, column "Mã cán bộ": "SCT9999" is not a known staff code' in messages
    assert any(m.startswith('row 4, column "Họ và tên": "Trần Văn Bình" does not match') for m in messages)
    assert any(m.startswith('row 5, column "Trạng thái": "Ngủ gật" is not a status') for m in messages)
    assert 'row 6, column "Mã cán bộ": "SCT0101" already appears in row 2' in messages
    assert 'row 7, column "Mã cán bộ": "SCT0200" is not in the audience of this session' in messages
    assert any(m.startswith('row 8, column "Mã cán bộ": "SCT0103" already appears') for m in messages)
    assert any(m.startswith('row 8, column "Trạng thái": the status is empty') for m in messages)
    assert not Attendance.objects.exists()


def test_missing_status_column_is_refused(setup):
    with pytest.raises(ImportRefused, match="Trạng thái"):
        attendance_import(session=setup["session"], file=_csv("Mã cán bộ\nSCT0101\n"), filename="ds.csv")


def test_import_attendance_command(setup, tmp_path):
    path = tmp_path / "ds.csv"
    path.write_bytes(_csv(SHEET))
    session_id = str(setup["session"].pk)
    out, err = io.StringIO(), io.StringIO()
    call_command("import_attendance", str(path), "--session", session_id, "--dry-run", stdout=out, stderr=err)
    assert out.getvalue().strip() == "created 3, updated 0, unchanged 0"
    assert "dry run" in err.getvalue()
    assert not Attendance.objects.exists()
    call_command("import_attendance", str(path), "--session", session_id, stdout=io.StringIO())
    out = io.StringIO()
    call_command("import_attendance", str(path), "--session", session_id, stdout=out)
    assert out.getvalue().strip() == "created 0, updated 0, unchanged 3"


def test_import_attendance_command_refusal_goes_to_stderr(setup, tmp_path):
    path = tmp_path / "ds.csv"
    path.write_bytes(_csv("Mã cán bộ,Trạng thái\nSCT0101,Có mặt\nXX1,Có mặt\n"))
    err = io.StringIO()
    with pytest.raises(CommandError, match="import refused: 1 problem"):
        call_command("import_attendance", str(path), "--session", str(setup["session"].pk),
                     stdout=io.StringIO(), stderr=err)
    assert 'row 3, column "Mã cán bộ": "XX1" is not a known staff code' in err.getvalue()
    assert not Attendance.objects.exists()


# --- the HR screens in the Wagtail admin ----------------------------------------------------------

@pytest.fixture
def hr_client(setup, client):
    hr = EmployeeFactory(agency=setup["agency"], unit=setup["vp"], employee_code="SCT0002",
                         full_name="Trần Thị Thu Hương")
    give_role(hr.user, roles.HR)
    client.force_login(hr.user)
    client.hr = hr
    return client


def _denied(response) -> bool:
    """Wagtail turns PermissionDenied into a redirect to the admin home (or to login); another
    agency's session is not found (org.scoping)."""
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"].split("?")[0] in ("/admin/", "/dang-nhap/"))


def _grid(session) -> str:
    return reverse("learning_studysession:attendance", args=[session.pk])


def test_hr_grid_one_click_status_with_note_is_audited(setup, hr_client):
    session, an = setup["session"], setup["people"][0]
    page = hr_client.get(_grid(session))
    assert page.status_code == 200
    assert "Nguyễn Văn An" in page.content.decode() and "Chưa điểm danh" in page.content.decode()
    response = hr_client.post(_grid(session), {"employee": an.pk, "status": "late", "note": "Đến 8h20"})
    assert response.status_code == 302 and response["Location"].endswith(f"#nv-{an.pk}")
    row = Attendance.objects.get()
    assert (row.status, row.method, row.note, row.recorded_by) == ("late", "hr", "Đến 8h20", hr_client.hr.user)
    assert AuditLog.objects.filter(action="attendance.record", actor=hr_client.hr.user).count() == 1


def test_hr_grid_mark_remaining_absent(setup, hr_client):
    session = setup["session"]
    hr_client.post(_grid(session), {"employee": setup["people"][0].pk, "status": "present"})
    hr_client.post(_grid(session), {"action": "absent_all"})
    statuses = sorted(Attendance.objects.values_list("status", flat=True))
    assert statuses == ["absent", "absent", "absent", "absent", "present"]  # both HR officers are staff too


def test_hr_cannot_mark_someone_outside_the_roster(setup, hr_client):
    other_agency = make_agency("SYT", "Sở Y tế")
    outsider = EmployeeFactory(agency=other_agency, unit=other_agency)
    response = hr_client.post(_grid(setup["session"]), {"employee": outsider.pk, "status": "present"})
    missing = hr_client.post(_grid(setup["session"]), {"employee": 987654, "status": "present"})
    # another agency's person is answered as one that does not exist (no oracle of ids)
    assert (response.status_code, response["Location"]) == (missing.status_code, missing["Location"])
    assert not Attendance.objects.exists()


def test_learner_and_unit_head_cannot_mark_or_open_the_grid(setup, client):
    learner = setup["people"][1]
    give_role(learner.user, roles.LEARNER)
    head = EmployeeFactory(agency=setup["agency"], unit=setup["vp"], employee_code="SCT0010")
    give_role(head.user, roles.UNIT_HEAD)
    session, target = setup["session"], setup["people"][0]
    for user in (learner.user, head.user):
        client.force_login(user)
        for url in (_grid(session), reverse("learning_studysession:import", args=[session.pk]),
                    reverse("learning_studysession:download", args=[session.pk, "session-signin-sheet"])):
            assert _denied(client.get(url))
        assert _denied(client.post(_grid(session), {"employee": target.pk, "status": "present"}))
        assert _denied(client.post(_grid(session), {"action": "absent_all"}))
    assert not Attendance.objects.exists()


def test_hr_of_another_agency_is_refused(setup, client):
    other_agency = make_agency("SYT", "Sở Y tế")
    foreign_hr = EmployeeFactory(agency=other_agency, unit=other_agency, employee_code="SYT0001")
    give_role(foreign_hr.user, roles.HR)
    client.force_login(foreign_hr.user)
    assert client.get(_grid(setup["session"])).status_code == 404  # as a session that does not exist
    assert client.get(reverse("learning_studysession:index")).content.decode().count("Hội nghị quán triệt") == 0


def test_sheet_upload_preview_then_confirm(setup, hr_client):
    url = reverse("learning_studysession:import", args=[setup["session"].pk])
    upload = SimpleUploadedFile("ds.csv", _csv(SHEET), content_type="text/csv")
    preview = hr_client.post(url, {"action": "preview", "file": upload})
    text = preview.content.decode()
    assert preview.status_code == 200 and "Thêm mới 3, cập nhật 0, không đổi 0" in text
    assert not Attendance.objects.exists()
    token = preview.context["pending"]["token"]
    done = hr_client.post(url, {"action": "apply", "token": token})
    assert done.status_code == 302
    assert Attendance.objects.count() == 3
    assert hr_client.post(url, {"action": "apply", "token": token}).status_code == 302  # not applied twice
    assert Attendance.objects.count() == 3


def test_faulty_sheet_upload_lists_rows_and_writes_nothing(setup, hr_client):
    url = reverse("learning_studysession:import", args=[setup["session"].pk])
    bad = _csv("Mã cán bộ,Họ và tên,Trạng thái\nSCT0101,Nguyễn Văn An,Có mặt\nSCT0102,Ai Khác,Có mặt\n")
    response = hr_client.post(url, {"action": "preview", "file": SimpleUploadedFile("ds.csv", bad)})
    text = response.content.decode()
    assert "có 1 lỗi" in text and "<td>3</td>" in text and "Ai Khác" in text
    assert not Attendance.objects.exists()


def test_admin_create_and_edit_session_are_audited(setup, hr_client):
    directive = setup["session"].directives.get()
    data = {"campaign": setup["session"].campaign.pk, "title": "Hội nghị học bù", "directives": [directive.pk],
            "date": "20/05/2024", "start_time": "14:00", "end_time": "16:00", "location": "Phòng họp 2",
            "online_url": "", "presenter": "", "late_grace_minutes": "10", "is_makeup": "on"}
    response = hr_client.post(reverse("learning_studysession:add"), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    created = StudySession.objects.get(title="Hội nghị học bù")
    assert created.is_makeup and created.late_grace_minutes == 10
    assert AuditLog.objects.filter(action="session.create", object_id=str(created.pk)).exists()
    data.update(location="Hội trường lớn")
    hr_client.post(reverse("learning_studysession:edit", args=[created.pk]), data)
    entry = AuditLog.objects.get(action="session.change", object_id=str(created.pk))
    assert (entry.before["location"], entry.after["location"]) == ("Phòng họp 2", "Hội trường lớn")
    bad = dict(data, start_time="16:00", end_time="14:00", title="Sai giờ")
    assert hr_client.post(reverse("learning_studysession:add"), bad).status_code == 200
    assert not StudySession.objects.filter(title="Sai giờ").exists()


def test_downloads_and_refused_scan_log(setup, hr_client):
    session = setup["session"]
    pdf = hr_client.get(reverse("learning_studysession:download", args=[session.pk, "session-signin-sheet"]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    xlsx = hr_client.get(reverse("learning_studysession:download", args=[session.pk, "session-attendance-sheet-xlsx"]))
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")
    assert hr_client.get(reverse("learning_studysession:download", args=[session.pk, "x.exe"])).status_code == 404
    CheckinAttempt.objects.create(session=session, employee=setup["people"][0], successful=False,
                                  error_reason="expired", ip_address="10.0.0.9")
    log = hr_client.get(reverse("learning_studysession:checkins", args=[session.pk])).content.decode()
    assert "Nguyễn Văn An" in log and "Mã đã hết hạn" in log and "10.0.0.9" in log


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_records_of_one_person_make_one_row():
    """Two check-ins of the same person racing (two phones, or a scan and an HR click) end in one
    row and at most one change after the first: the row lock and the savepoint serialise them."""
    import threading

    from django.db import connection

    agency = make_agency()
    _ensure_wagtail_root()
    d23 = make_directive("23-QĐ/TW", issue_date=D(2021, 7, 30))
    campaign = make_campaign(agency, [d23])
    session = session_create(campaign=campaign, title="Hội nghị", date=D(2024, 5, 10), directives=[d23])
    person = EmployeeFactory(agency=agency, unit=agency, employee_code="SCT0101")
    barrier = threading.Barrier(4)
    results, errors = [], []

    def worker(status):
        try:
            barrier.wait()
            results.append(attendance_record(session=session, employee=person, status=status, method="qr"))
        except Exception as exc:  # noqa: BLE001 - the test reports any failure of a racing call
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=("present",)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert Attendance.objects.filter(session=session, employee=person).count() == 1
    assert sum(r.created for r in results) == 1 and sum(r.changed for r in results) == 1


def _ensure_wagtail_root() -> None:
    """Earlier transactional tests flush the locale and root page made by Wagtail's migrations."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page

    locale, _ = Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def test_the_session_form_offers_the_chosen_campaigns_directives(setup, hr_client):
    d33 = make_directive("33/CT-TTg")
    other = make_campaign(setup["agency"], [d33], slug="chuyen-de")
    session, campaign = setup["session"], setup["session"].campaign
    [d23] = campaign.requirements.values_list("directive_id", flat=True)
    form = hr_client.get(reverse("learning_studysession:add")).context["form"]
    mapping = json.loads(form.fields["campaign"].widget.attrs["data-directives"])
    assert mapping == {str(campaign.pk): [d23], str(other.pk): [d33.pk]}  # the page's script follows it
    assert "learning/admin/session_form.js" in str(form.media)
    edit = hr_client.get(reverse("learning_studysession:edit", args=[session.pk])).context["form"]
    assert list(edit.fields["directives"].queryset.values_list("pk", flat=True)) == [d23]
    posted = hr_client.post(reverse("learning_studysession:add"), {
        "campaign": other.pk, "title": "Sai văn bản", "directives": [d23], "date": "20/05/2024",
        "late_grace_minutes": "10"})
    assert posted.status_code == 200 and "directives" in posted.context["form"].errors
