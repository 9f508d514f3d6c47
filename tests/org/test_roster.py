"""Roster import (service and `import_roster` command) on rosters made here, faulty ones included."""

from __future__ import annotations

import csv
import datetime as dt
import io
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from core.errors import ImportRefused
from org.models import AuditLog, Employee, OrgUnit
from org.services.roster import roster_import
from tests.factories import EmployeeFactory, UserFactory, make_agency, make_unit

pytestmark = pytest.mark.django_db

HEADER = ["Mã cán bộ", "Họ và tên", "Email", "Đơn vị", "Chức vụ", "Loại", "Ngày vào cơ quan"]


@pytest.fixture
def agency():
    agency = make_agency()
    make_unit(agency, "VP", "Văn phòng Sở")
    make_unit(agency, "QLCN", "Phòng Quản lý Công nghiệp")
    ttkc = make_unit(agency, "TTKC", "Trung tâm Khuyến công")
    make_unit(ttkc, "TTKC-KC", "Tổ Khuyến công")
    agency.refresh_from_db()
    return agency


def write_csv(path, rows, *, header=HEADER, bom=False):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8"))
    return path


def write_xlsx(path, rows, *, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


GOOD = [
    ["NV001", "Nguyễn Văn An", "an.nv@sct.gov.vn", "VP", "Chánh Văn phòng", "Công chức", "05/01/2015"],
    ["NV002", "Trần Thị Bình", "binh.tt@sct.gov.vn", "phong quan ly cong nghiep", "Chuyên viên", "cong_chuc", "2018-03-31"],
    ["NV003", "Lê Hoàng Cường", "", "Tổ Khuyến công", "Viên chức", "viên chức", ""],
    ["NV004", "Phạm Thị Dung", "dung.pt@sct.gov.vn", "TTKC", "", "Người lao động", "29/02/2024"],
]


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_roster", *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue().strip()


def refused(*args):
    err = io.StringIO()
    with pytest.raises(CommandError) as info:
        call_command("import_roster", *[str(a) for a in args], stdout=io.StringIO(), stderr=err)
    assert info.value.returncode != 0
    return err.getvalue().strip().splitlines()


def test_good_csv_creates_staff_with_accounts(agency, tmp_path):
    out, _ = run(write_csv(tmp_path / "r.csv", GOOD))
    assert out == "created 4, updated 0, unchanged 0"
    an = Employee.objects.get(employee_code="NV001")
    assert an.unit.code == "VP" and an.category == "cong_chuc" and an.start_date == dt.date(2015, 1, 5)
    assert an.search_name == "nguyen van an"
    assert an.user.username == "nv001" and an.user.email == "an.nv@sct.gov.vn" and an.user.is_active
    assert not an.user.has_usable_password()  # until HR sets one (ROSTER_INITIAL_PASSWORD unset)
    assert Employee.objects.get(employee_code="NV002").unit.code == "QLCN"  # name without diacritics
    cuong = Employee.objects.get(employee_code="NV003")
    assert cuong.unit.code == "TTKC-KC" and cuong.category == "vien_chuc" and cuong.start_date is None
    assert cuong.email == "" and cuong.user.email == ""
    assert Employee.objects.get(employee_code="NV004").category == "nguoi_lao_dong"
    log = AuditLog.objects.get(action="roster.import")
    assert log.after["created"] == 4 and log.object_id == str(agency.pk)


def test_second_run_is_idempotent(agency, tmp_path):
    path = write_csv(tmp_path / "r.csv", GOOD)
    run(path)
    users = get_user_model().objects.count()
    out, _ = run(path)
    assert out == "created 0, updated 0, unchanged 4"
    assert Employee.objects.count() == 4 and get_user_model().objects.count() == users


def test_update_changes_fields_and_syncs_account_email(agency, tmp_path):
    run(write_csv(tmp_path / "r.csv", GOOD))
    changed = [list(r) for r in GOOD]
    changed[0][2] = "an.moi@sct.gov.vn"
    changed[1][3] = "VP"
    out, _ = run(write_csv(tmp_path / "r2.csv", changed))
    assert out == "created 0, updated 2, unchanged 2"
    an = Employee.objects.get(employee_code="NV001")
    assert an.email == an.user.email == "an.moi@sct.gov.vn"
    assert Employee.objects.get(employee_code="NV002").unit.code == "VP"


def test_headers_match_aliases_case_and_diacritics(agency, tmp_path):
    header = ["MA_CAN_BO", "ho va ten", "email", "UNIT", "position", "loai", "start_date"]
    out, _ = run(write_csv(tmp_path / "r.csv", GOOD, header=header))
    assert out == "created 4, updated 0, unchanged 0"


def test_bom_extra_columns_and_empty_rows(agency, tmp_path):
    header = [*HEADER, "Ghi chú"]
    rows = [[*GOOD[0], "bất kỳ"], ["", "", "", "", "", "", "", ""], [*GOOD[1], "x"], [], [*GOOD[2], ""]]
    path = write_csv(tmp_path / "r.csv", rows, header=header, bom=True)
    assert path.read_bytes()[:3] == b"\xef\xbb\xbf"
    out, _ = run(path)
    assert out == "created 3, updated 0, unchanged 0"


def test_xlsx_with_real_date_cells(agency, tmp_path):
    rows = [[*GOOD[0][:6], dt.datetime(2015, 1, 5)], [*GOOD[1][:6], dt.date(2018, 3, 31)], GOOD[2]]
    out, _ = run(write_xlsx(tmp_path / "r.xlsx", rows))
    assert out == "created 3, updated 0, unchanged 0"
    assert Employee.objects.get(employee_code="NV001").start_date == dt.date(2015, 1, 5)
    assert Employee.objects.get(employee_code="NV002").start_date == dt.date(2018, 3, 31)


def test_every_fault_is_reported_with_row_and_column_and_nothing_written(agency, tmp_path):
    EmployeeFactory(agency=agency, employee_code="OLD1", email="taken@sct.gov.vn")
    before = Employee.objects.count()
    rows = [
        GOOD[0],  # row 2, fine
        ["NV001", "Trùng Mã", "", "VP", "", "Công chức", ""],  # row 3: duplicate code
        ["NV010", "", "", "VP", "", "Công chức", ""],  # row 4: missing name
        ["NV011", "Sai Email", "abc@", "VP", "", "Công chức", ""],  # row 5: bad email
        ["NV012", "Trùng Email", "AN.NV@sct.gov.vn", "VP", "", "Công chức", ""],  # row 6: duplicate email in file
        ["NV013", "Không Đơn Vị", "", "Phòng Không Có", "", "Công chức", ""],  # row 7: unknown unit
        ["NV014", "Sai Loại", "", "VP", "", "Bác sĩ", ""],  # row 8: unknown category
        ["NV015", "Sai Ngày", "", "VP", "", "Công chức", "31/02/2024"],  # row 9: impossible date
        ["", "Thiếu Mã", "", "VP", "", "Công chức", ""],  # row 10: missing code
        ["NV016", "Email Đã Dùng", "taken@sct.gov.vn", "VP", "", "Công chức", ""],  # row 11: email of other staff
        ["NV017", "Thiếu Đơn Vị", "", "", "", "", "hôm qua"],  # row 12: missing unit, category; bad date
    ]
    problems = refused(write_csv(tmp_path / "bad.csv", rows))
    expected = [
        'row 3, column "Mã cán bộ": employee code "NV001" appears more than once in the file (first at row 2)',
        'row 4, column "Họ và tên": a value is required',
        'row 5, column "Email": "abc@" is not a valid email address',
        'row 6, column "Email": email "AN.NV@sct.gov.vn" appears more than once in the file (first at row 2)',
        'row 7, column "Đơn vị": "Phòng Không Có" is not a unit of Sở Công Thương Tây Ninh',
        'row 8, column "Loại": "Bác sĩ" is not a staff category',
        'row 9, column "Ngày vào cơ quan": "31/02/2024" is not a real date',
        'row 10, column "Mã cán bộ": a value is required',
        'row 11, column "Email": email "taken@sct.gov.vn" is already used by',
        'row 12, column "Đơn vị": a value is required',
        'row 12, column "Loại": a value is required',
        'row 12, column "Ngày vào cơ quan": "hôm qua" is not a date',
    ]
    assert len(problems) == len(expected), problems
    for line, start in zip(problems, expected, strict=True):
        assert line.startswith(start), (line, start)
    assert Employee.objects.count() == before
    assert not AuditLog.objects.filter(action="roster.import").exists()


def test_email_of_an_unlinked_account_is_refused(agency, tmp_path):
    UserFactory(username="admin2", email="boss@sct.gov.vn")
    rows = [["NV020", "Người Mới", "Boss@sct.gov.vn", "VP", "", "Cán bộ", ""]]
    lines = refused(write_csv(tmp_path / "r.csv", rows))
    assert lines == ['row 2, column "Email": email "Boss@sct.gov.vn" is already used by the account "admin2"']


def test_swapping_emails_between_two_staff_is_allowed(agency, tmp_path):
    run(write_csv(tmp_path / "r.csv", GOOD))
    swapped = [list(r) for r in GOOD]
    swapped[0][2], swapped[1][2] = GOOD[1][2], GOOD[0][2]
    out, _ = run(write_csv(tmp_path / "r2.csv", swapped))
    assert out == "created 0, updated 2, unchanged 2"


def test_missing_required_column_is_refused(agency, tmp_path):
    header = [h for h in HEADER if h != "Loại"]
    lines = refused(write_csv(tmp_path / "r.csv", [r[:5] + r[6:] for r in GOOD], header=header))
    assert lines == ['row 1: required column "Loại" [category] is missing']


def test_dry_run_writes_nothing(agency, tmp_path):
    out, err = run(write_csv(tmp_path / "r.csv", GOOD), "--dry-run", "--create-units")
    assert out == "created 4, updated 0, unchanged 0"
    assert "dry run" in err
    assert Employee.objects.count() == 0 and get_user_model().objects.count() == 0
    assert not AuditLog.objects.exists()


def test_dry_run_preview_lists_changes(agency, tmp_path):
    run(write_csv(tmp_path / "r.csv", GOOD))
    changed = [list(r) for r in GOOD]
    changed[0][4] = "Phó Chánh Văn phòng"
    result = roster_import(agency=agency, table_or_file=write_csv(tmp_path / "r2.csv", changed), dry_run=True)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 3)
    [change] = result.changed_rows
    assert change.row == 2 and change.employee_code == "NV001"
    assert change.changes == {"Chức vụ": ("Chánh Văn phòng", "Phó Chánh Văn phòng")}
    assert Employee.objects.get(employee_code="NV001").position == "Chánh Văn phòng"


def test_create_units(agency, tmp_path):
    rows = [["NV030", "Võ Thị Em", "", "Phòng Pháp chế", "", "Công chức", ""],
            ["NV031", "Đỗ Văn Phúc", "", "phong phap che", "", "Công chức", ""]]
    path = write_csv(tmp_path / "r.csv", rows)
    assert refused(path)[0].startswith('row 2, column "Đơn vị": "Phòng Pháp chế" is not a unit')
    out, err = run(path, "--create-units")
    assert out == "created 2, updated 0, unchanged 0"
    assert "Phòng Pháp chế" in err
    unit = OrgUnit.objects.get(name="Phòng Pháp chế")
    assert unit.get_parent() == agency and unit.code == "PPC"
    assert set(Employee.objects.filter(unit=unit).values_list("employee_code", flat=True)) == {"NV030", "NV031"}


def test_deactivate_missing(agency, tmp_path):
    run(write_csv(tmp_path / "r.csv", GOOD))
    out, _ = run(write_csv(tmp_path / "r2.csv", GOOD[:3]), "--deactivate-missing")
    assert out == "created 0, updated 0, unchanged 3, deactivated 1"
    gone = Employee.objects.get(employee_code="NV004")
    assert not gone.is_active and not gone.user.is_active
    # Back in the file: reactivated, counted as an update.
    out, _ = run(write_csv(tmp_path / "r3.csv", GOOD), "--deactivate-missing")
    assert out == "created 0, updated 1, unchanged 3, deactivated 0"
    assert Employee.objects.get(employee_code="NV004").user.is_active


def test_username_taken_by_another_account_gets_agency_prefix(agency, tmp_path):
    UserFactory(username="nv001", email="someone@else.vn")
    run(write_csv(tmp_path / "r.csv", GOOD[:1]))
    assert Employee.objects.get(employee_code="NV001").user.username == "sct.nv001"


def test_initial_password_setting(agency, tmp_path, settings):
    settings.ROSTER_INITIAL_PASSWORD = "DoiMatKhau@2024"
    run(write_csv(tmp_path / "r.csv", GOOD[:2]))
    for employee in Employee.objects.all():
        assert employee.user.check_password("DoiMatKhau@2024")


def test_agency_option(agency, tmp_path):
    path = write_csv(tmp_path / "r.csv", GOOD[:1])
    make_agency(code="SYT", name="Sở Y tế Tây Ninh")
    with pytest.raises(CommandError, match="several agencies"):
        run(path)
    out, _ = run(path, "--agency", "sct")
    assert out == "created 1, updated 0, unchanged 0"
    with pytest.raises(CommandError, match="unknown agency"):
        run(path, "--agency", "XYZ")


def test_five_thousand_rows_import_in_seconds(agency, tmp_path):
    units = ["VP", "QLCN", "TTKC", "Tổ Khuyến công"]
    categories = ["Công chức", "Viên chức", "Người lao động", "can_bo"]
    rows = [
        [f"NV{i:05d}", f"Nguyễn Văn Số {i}", f"nv{i}@sct.gov.vn", units[i % 4], "Chuyên viên", categories[i % 4],
         dt.date(2000 + i % 20, 1 + i % 12, 1 + i % 28)]
        for i in range(5000)
    ]
    path = write_xlsx(tmp_path / "big.xlsx", rows)
    started = time.perf_counter()
    out, _ = run(path)
    first = time.perf_counter() - started
    assert out == "created 5000, updated 0, unchanged 0"
    assert Employee.objects.filter(user__isnull=False).count() == 5000
    started = time.perf_counter()
    out, _ = run(path)
    second = time.perf_counter() - started
    assert out == "created 0, updated 0, unchanged 5000"
    print(f"5,000-row roster: first import {first:.1f}s, re-import {second:.1f}s")
    assert first < 20 and second < 20


def test_service_refusal_carries_structured_problems(agency, tmp_path):
    rows = [GOOD[0], ["NV002", "Ai Đó", "x@", "VP", "", "Công chức", ""]]
    with pytest.raises(ImportRefused) as info:
        roster_import(agency=agency, table_or_file=write_csv(tmp_path / "r.csv", rows))
    assert info.value.code == "import_refused"
    [problem] = info.value.problems
    assert (problem.row, problem.column) == (3, "Email")
    assert Employee.objects.count() == 0


def test_stored_staff_without_an_account_get_one(agency, tmp_path):
    employee = EmployeeFactory(agency=agency, unit=agency, employee_code="NV001", user=None, full_name="Nguyễn Văn An",
                               email="an.nv@sct.gov.vn", position="Chánh Văn phòng", start_date=dt.date(2015, 1, 5))
    employee.unit = OrgUnit.objects.get(code="VP")
    employee.save()
    out, _ = run(write_csv(tmp_path / "r.csv", GOOD[:1]))
    assert out == "created 0, updated 0, unchanged 1"
    employee.refresh_from_db()
    assert employee.user.username == "nv001" and employee.user.email == "an.nv@sct.gov.vn"
