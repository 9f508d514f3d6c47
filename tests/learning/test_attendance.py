"""Attendance: recording (upsert, audit, idempotence), bulk absent, and the sign-in sheet import
(all-or-nothing with rows named, re-import changes nothing), as service and as command."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from learning.errors import ImportRefused
from learning.models import Attendance, AuditLog
from learning.services.attendance import (
    AttendanceInvalid,
    attendance_import,
    attendance_mark_remaining_absent,
    attendance_record,
)
from learning.services.sessions import session_create
from tests.factories import EmployeeFactory, UserFactory, make_agency, make_unit
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
    hr = UserFactory(username="vanphong")
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
    with pytest.raises(AttendanceInvalid):
        attendance_record(session=session, employee=outsider, status="present", method="hr")
    assert not Attendance.objects.exists()


def test_mark_remaining_absent_keeps_marked_people(setup):
    session, an = setup["session"], setup["people"][0]
    attendance_record(session=session, employee=an, status="present", method="qr")
    assert attendance_mark_remaining_absent(session=session, actor=setup["hr"]) == 2
    statuses = dict(Attendance.objects.values_list("employee__employee_code", "status"))
    assert statuses == {"SCT0101": "present", "SCT0102": "absent", "SCT0103": "absent"}
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


def test_faulty_sheet_is_refused_whole_with_rows_named(setup):
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
