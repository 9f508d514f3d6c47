"""Roster columns of CONTRACT.md "Additions" (Giới tính, Ngày nghỉ việc, Ngày chuyển đơn vị) and the
dated history they keep: moves, leaving, returning; who was where on a given day."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from core.errors import ImportRefused
from org.models import Employee, EmploymentPeriod, UnitMove
from org.selectors.history import staff_on, unit_on
from org.services.roster import roster_import
from tests.factories import make_agency, make_unit

# The services' problems in English, as import_roster prints them.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

D = dt.date
HEADER = ["Mã cán bộ", "Họ và tên", "Đơn vị", "Loại", "Ngày vào cơ quan", "Giới tính", "Ngày nghỉ việc",
          "Ngày chuyển đơn vị"]


@pytest.fixture
def agency():
    agency = make_agency()
    make_unit(agency, "VP", "Văn phòng Sở")
    make_unit(agency, "TTRA", "Thanh tra Sở")
    agency.refresh_from_db()
    return agency


def csv_bytes(rows, header=HEADER) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def run(agency, rows, header=HEADER, **options):
    return roster_import(agency=agency, table_or_file=csv_bytes(rows, header), filename="roster.csv", **options)


FIRST = [
    ["NV1", "Nguyễn Văn An", "VP", "Công chức", "01/02/2015", "Nam", "", ""],
    ["NV2", "Trần Thị Bình", "VP", "Công chức", "2019-07-15", "nữ", "", ""],
    ["NV3", "Lê Văn Cường", "TTRA", "Viên chức", "", "male", "", ""],
]


def codes_on(agency, day):
    return {e.employee_code: e.unit_on_name for e in staff_on(agency_id=agency.pk, as_of=day)}


def test_gender_is_stored_and_gives_the_honorific(agency):
    run(agency, FIRST)
    people = {e.employee_code: e for e in Employee.objects.all()}
    assert (people["NV1"].gender, people["NV2"].gender, people["NV3"].gender) == ("male", "female", "male")
    assert (people["NV1"].honorific, people["NV2"].honorific) == ("Ông", "Bà")
    assert Employee(full_name="X").honorific == ""


def test_a_move_is_dated_and_the_past_keeps_the_old_unit(agency):
    run(agency, FIRST)
    moved = [row[:] for row in FIRST]
    moved[0][2], moved[0][7] = "TTRA", "01/08/2024"
    result = run(agency, moved)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    assert result.rows[0].changes["Đơn vị"] == ("Văn phòng Sở", "Thanh tra Sở")
    assert result.rows[0].changes["Ngày chuyển đơn vị"] == ("", "01/08/2024")
    [move] = UnitMove.objects.all()
    assert (move.from_unit.code, move.to_unit.code, move.moved_on) == ("VP", "TTRA", D(2024, 8, 1))
    assert codes_on(agency, D(2024, 7, 31))["NV1"] == "Văn phòng Sở"
    assert codes_on(agency, D(2024, 8, 1))["NV1"] == "Thanh tra Sở"
    assert unit_on(employee=Employee.objects.get(employee_code="NV1"), as_of=D(2024, 1, 1)).code == "VP"
    # The same file again: nothing changes, no second move.
    again = run(agency, moved)
    assert (again.updated, again.unchanged) == (0, 3) and UnitMove.objects.count() == 1


def test_a_move_without_a_date_takes_the_import_date(agency):
    run(agency, FIRST)
    rows = [row[:7] for row in FIRST]
    rows[1][2] = "TTRA"
    run(agency, rows, header=HEADER[:7])
    [move] = UnitMove.objects.all()
    assert move.moved_on == timezone.localdate()
    assert codes_on(agency, timezone.localdate() - dt.timedelta(days=1))["NV2"] == "Văn phòng Sở"


def test_leaving_date_keeps_earlier_reports(agency):
    rows = [row[:] for row in FIRST]
    rows[2][6] = "15/09/2024"
    run(agency, rows)
    person = Employee.objects.get(employee_code="NV3")
    assert person.left_date == D(2024, 9, 15) and not person.is_active
    assert "NV3" in codes_on(agency, D(2024, 9, 14))
    assert "NV3" not in codes_on(agency, D(2024, 9, 15))


def test_return_after_leaving_keeps_the_earlier_period(agency):
    rows = [row[:] for row in FIRST]
    rows[2][4], rows[2][6] = "01/01/2020", "01/03/2024"
    run(agency, rows)
    rows[2][4], rows[2][6] = "01/07/2024", ""
    result = run(agency, rows)
    assert result.updated == 1
    person = Employee.objects.get(employee_code="NV3")
    assert (person.start_date, person.left_date, person.is_active) == (D(2024, 7, 1), None, True)
    [period] = EmploymentPeriod.objects.all()
    assert (period.start_date, period.end_date) == (D(2020, 1, 1), D(2024, 3, 1))
    employed = {day: "NV3" in codes_on(agency, day) for day in (D(2023, 6, 1), D(2024, 4, 1), D(2024, 7, 1))}
    assert employed == {D(2023, 6, 1): True, D(2024, 4, 1): False, D(2024, 7, 1): True}
    assert staff_on(agency_id=agency.pk, as_of=D(2023, 6, 1)).get(employee_code="NV3").start_on == D(2020, 1, 1)


def test_deactivate_missing_dates_the_departure_by_the_import(agency):
    run(agency, FIRST)
    run(agency, FIRST[:2], deactivate_missing=True)
    person = Employee.objects.get(employee_code="NV3")
    assert not person.is_active and person.left_date == timezone.localdate()
    assert "NV3" in codes_on(agency, D(2024, 6, 1))  # reports of the past still hold them


def test_bad_values_are_refused_by_row_and_column_and_nothing_is_written(agency):
    run(agency, FIRST)
    rows = [row[:] for row in FIRST]
    rows[0][5] = "ông"
    rows[1][4], rows[1][6] = "01/01/2020", "01/01/2019"
    rows[2][2], rows[2][7] = "VP", "31/02/2024"
    with pytest.raises(ImportRefused) as refused:
        run(agency, rows)
    assert [str(p) for p in refused.value.problems] == [
        'row 2, column "Giới tính": "ông" is not a gender: use Nam or Nữ (or male, female)',
        'row 3, column "Ngày nghỉ việc": the leaving date 01/01/2019 must be after the start date 01/01/2020',
        'row 4, column "Ngày chuyển đơn vị": "31/02/2024" is not a real date',
    ]
    assert UnitMove.objects.count() == 0 and not Employee.objects.exclude(left_date=None).exists()


def test_a_move_before_the_last_recorded_one_is_refused(agency):
    run(agency, FIRST)
    rows = [row[:] for row in FIRST]
    rows[0][2], rows[0][7] = "TTRA", "01/08/2024"
    run(agency, rows)
    rows[0][2], rows[0][7] = "VP", "01/07/2024"
    with pytest.raises(ImportRefused) as refused:
        run(agency, rows)
    assert [str(p) for p in refused.value.problems] == [
        'row 2, column "Ngày chuyển đơn vị": the move on 01/07/2024 is before this person\'s last recorded move '
        'on 01/08/2024',
    ]
    rows[0][7] = "01/01/2014"  # also before the start date (01/02/2015)
    with pytest.raises(ImportRefused):
        run(agency, rows)


def test_dry_run_reports_the_move_and_writes_nothing(agency, tmp_path):
    run(agency, FIRST)
    rows = [row[:] for row in FIRST]
    rows[0][2], rows[0][7] = "TTRA", "01/08/2024"
    rows[1][6] = "01/12/2024"
    path = tmp_path / "roster.csv"
    path.write_bytes(csv_bytes(rows))
    out, err = io.StringIO(), io.StringIO()
    call_command("import_roster", str(path), "--dry-run", stdout=out, stderr=err)
    assert out.getvalue().strip() == "created 0, updated 2, unchanged 1"
    assert UnitMove.objects.count() == 0
    assert Employee.objects.get(employee_code="NV2").left_date is None
    path.write_bytes(csv_bytes([["NV9", "Mai", "VP", "Công chức", "", "khác", "", ""]]))
    with pytest.raises(CommandError):
        call_command("import_roster", str(path), stdout=out, stderr=err)
    assert 'row 2, column "Giới tính"' in err.getvalue()


def test_english_aliases_are_accepted(agency):
    header = ["employee_code", "full_name", "unit", "category", "start_date", "gender", "end_date", "moved_on"]
    run(agency, [["NV1", "An", "VP", "cong_chuc", "2020-01-01", "female", "2024-05-01", ""]], header=header)
    person = Employee.objects.get()
    assert (person.gender, person.left_date) == ("female", D(2024, 5, 1))


def test_demo_staff_get_the_gender_of_their_given_name():
    from org.demo.staff import _gender

    assert (_gender("Trần Thị Thu Hương"), _gender("Lê Văn Hùng"), _gender("Ai Đó")) == ("female", "male", "")
