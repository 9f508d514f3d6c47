"""Done-when of issue 19 item 1: a scenario with joins, leaves and moves during a campaign, and
newcomer deadlines, built only through the operator commands, gives at several dates the contract
CSV that a plain reading of CONTRACT.md ("Compliance" and "Additions") computes here without the
database; a later import never changes a closed campaign's report."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

import pytest
from django.core.management import call_command

from learning.selectors.compliance import employee_campaign_status
from org.models import Employee
from tests.factories import make_agency, make_unit
from tests.learning.compliance_helpers import make_directive

pytestmark = pytest.mark.django_db

D = dt.date
START, DUE, NEW_HIRE_DAYS = D(2024, 4, 1), D(2024, 10, 31), 30
REQUIREMENTS = ["23-QĐ/TW", "33/CT-TTg"]
UNITS = {"VP": "Văn phòng Sở", "TTRA": "Thanh tra Sở", "QLCN": "Phòng Quản lý Công nghiệp"}
AUDIENCE_UNITS = {"VP", "TTRA"}
HEADER = ["Mã cán bộ", "Họ và tên", "Đơn vị", "Loại", "Ngày vào cơ quan", "Giới tính", "Ngày nghỉ việc",
          "Ngày chuyển đơn vị"]


@dataclass(frozen=True)
class Person:
    code: str
    name: str
    start: dt.date | None
    units: tuple  # ((since, unit code), …): the first since None, then each move
    end: dt.date | None = None
    new: bool = False  # first listed by the second import


PEOPLE = [
    Person("A01", "Nguyễn Văn An", D(2015, 2, 1), ((None, "VP"),)),
    Person("A02", "Trần Thị Bình", D(2019, 7, 15), ((None, "VP"), (D(2024, 8, 1), "TTRA"))),  # moves within
    Person("A03", "Lê Văn Cường", D(2018, 3, 1), ((None, "TTRA"),), end=D(2024, 9, 15)),  # leaves
    Person("A04", "Phạm Thị Dung", D(2016, 5, 5), ((None, "QLCN"), (D(2024, 7, 1), "VP"))),  # moves in
    Person("A05", "Hoàng Văn Em", D(2020, 1, 2), ((None, "VP"), (D(2024, 9, 1), "QLCN"))),  # moves out
    Person("A06", "Võ Thị Phương", D(2024, 10, 20), ((None, "TTRA"),), new=True),  # newcomer: own due
    Person("A07", "Đặng Văn Giang", D(2024, 6, 1), ((None, "VP"),), new=True),  # newcomer, campaign due later
    Person("A08", "Bùi Thị Hạnh", D(2024, 11, 15), ((None, "VP"),), new=True),  # joins after the due date
    Person("A09", "Ngô Thị Yến", None, ((None, "TTRA"),)),
]
# (title, date, directives, codes present)
SESSIONS = [
    ("Hội nghị quán triệt đợt 1", D(2024, 5, 15), ["23-QĐ/TW"], ["A01", "A02", "A03", "A05"]),
    ("Hội nghị quán triệt đợt 2", D(2024, 8, 20), ["33/CT-TTg"], ["A02", "A04", "A05", "A09"]),
    ("Học bù", D(2024, 11, 10), ["23-QĐ/TW", "33/CT-TTg"], ["A04", "A06", "A09"]),
]
MANUAL = [("A07", "33/CT-TTg", D(2024, 7, 10)), ("A08", "23-QĐ/TW", D(2024, 12, 10)),
          ("A01", "33/CT-TTg", D(2024, 11, 20))]
DATES = [D(2024, 7, 15), D(2024, 9, 20), D(2024, 10, 31), D(2024, 11, 15), D(2024, 12, 31)]


# --- the independent reading of the contract (no database) -----------------------------------


def unit_on(person: Person, day: dt.date) -> str:
    current = person.units[0][1]
    for since, code in person.units[1:]:
        if since <= day:
            current = code
    return current


def due_of(person: Person, new_hire_days: int | None) -> dt.date:
    if new_hire_days is None or person.start is None or person.start <= START:
        return DUE
    return max(DUE, person.start + dt.timedelta(days=new_hire_days))


def evidence_of(code: str, number: str, as_of: dt.date) -> tuple[str, dt.date] | None:
    found = [(date, 0, "attendance") for _, date, numbers, present in SESSIONS if code in present and number in numbers]
    found += [(date, 2, "manual") for who, n, date in MANUAL if who == code and n == number]
    found = sorted(f for f in found if START <= f[0] <= as_of)
    return (found[0][2], found[0][0]) if found else None


def expected_csv(as_of: dt.date, new_hire_days: int | None) -> list[list[str]]:
    rows = []
    for person in PEOPLE:
        if person.start is not None and person.start > as_of:
            continue
        if person.end is not None and person.end <= as_of:
            continue
        if new_hire_days is None and person.start is not None and person.start > DUE:
            continue  # without newcomer deadlines, who joins after the due date waits for next year
        unit = unit_on(person, as_of)
        if unit not in AUDIENCE_UNITS:
            continue
        due = due_of(person, new_hire_days)
        for order, number in enumerate(REQUIREMENTS):
            first = evidence_of(person.code, number, as_of)
            if first is None:
                status = "pending" if as_of <= due else "overdue"
            else:
                status = "completed" if first[1] <= due else "completed_late"
            rows.append(((UNITS[unit], person.code, order), [
                person.code, person.name, UNITS[unit], "cong_chuc", number, status,
                first[0] if first else "", first[1].isoformat() if first else ""]))
    return [line for _, line in sorted(rows)]


# --- the same through the commands ------------------------------------------------------------


def quiet(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
    except BaseException as exc:
        raise AssertionError(f"{args[0]}: {exc}\n{err.getvalue()}") from exc
    return out.getvalue()


def write_csv(path, rows, header=HEADER):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)


def day(value: dt.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def build(tmp_path, *, new_hire_days: int | None):
    agency = make_agency()
    for code, name in UNITS.items():
        make_unit(agency, code, name)
    for number in REQUIREMENTS:
        make_directive(number)
    # First import: everyone known before the changes, in their first unit.
    first = [[p.code, p.name, p.units[0][1], "Công chức", day(p.start), "Nữ" if "Thị" in p.name else "Nam", "", ""]
             for p in PEOPLE if not p.new]
    quiet("import_roster", write_csv(tmp_path / "roster-1.csv", first))
    # Second import: moves dated by "Ngày chuyển đơn vị", a leaving date, newcomers.
    second = [[p.code, p.name, p.units[-1][1], "Công chức", day(p.start), "Nữ" if "Thị" in p.name else "Nam",
               day(p.end), day(p.units[-1][0])] for p in PEOPLE]
    assert quiet("import_roster", write_csv(tmp_path / "roster-2.csv", second)).strip() == \
        "created 3, updated 4, unchanged 2"
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        f"slug: dan-van-2024\ntitle: Học tập văn bản năm 2024\nstart: {START}\ndue: {DUE}\n"
        + (f"new_hire_days: {new_hire_days}\n" if new_hire_days is not None else "")
        + "audience:\n  units: [VP, TTRA]\nrequirements:\n" + "".join(f"  - directive: {n}\n" for n in REQUIREMENTS),
        encoding="utf-8")
    quiet("load_campaign", str(plan))
    for index, (title, date, numbers, present) in enumerate(SESSIONS):
        args = ["create_session", "--campaign", "dan-van-2024", "--title", title, "--date", date.isoformat()]
        for number in numbers:
            args += ["--directive", number]
        session_id = quiet(*args).strip().splitlines()[-1]
        sheet = write_csv(tmp_path / f"sheet{index}.csv", [[code, "Có mặt"] for code in present],
                          header=["Mã cán bộ", "Trạng thái"])
        quiet("import_attendance", sheet, "--session", session_id)
    from courses.selectors import directive_resolve
    from learning.models import ManualEvidence

    for code, number, date in MANUAL:
        ManualEvidence.objects.create(employee=Employee.objects.get(employee_code=code),
                                      directive=directive_resolve(number), date=date)
    return agency


def report(tmp_path, as_of: dt.date) -> bytes:
    out = tmp_path / f"report-{as_of}.csv"
    quiet("compliance_report", "--campaign", "dan-van-2024", "--format", "csv", "--out", str(out),
          "--as-of", as_of.isoformat())
    return out.read_bytes()


def rows_of(data: bytes) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert rows[0] == ["employee_code", "full_name", "unit", "category", "requirement", "status", "evidence",
                       "evidence_date"]
    return rows[1:]


@pytest.mark.parametrize("new_hire_days", [NEW_HIRE_DAYS, None])
def test_reports_at_several_dates_follow_the_history(tmp_path, new_hire_days):
    build(tmp_path, new_hire_days=new_hire_days)
    for as_of in DATES:
        assert rows_of(report(tmp_path, as_of)) == expected_csv(as_of, new_hire_days), as_of


def test_what_the_scenario_shows_person_by_person(tmp_path):
    build(tmp_path, new_hire_days=NEW_HIRE_DAYS)

    def rows(as_of):
        return {(r[0], r[4]): (r[2], r[5]) for r in rows_of(report(tmp_path, as_of))}

    july, september, november, december = (rows(d) for d in (D(2024, 7, 15), D(2024, 9, 20), D(2024, 11, 15),
                                                             D(2024, 12, 31)))
    # A02 moved VP → TTRA on 01/08 with their evidence: the unit follows the date, the evidence stays.
    assert july["A02", "23-QĐ/TW"] == ("Văn phòng Sở", "completed")
    assert september["A02", "23-QĐ/TW"] == ("Thanh tra Sở", "completed")
    # A03 left on 15/09: in the report of July, not in September's.
    assert ("A03", "23-QĐ/TW") in july and ("A03", "23-QĐ/TW") not in september
    # A04 moved into the audience on 01/07; A05 out of it on 01/09.
    assert ("A04", "33/CT-TTg") in july and ("A05", "33/CT-TTg") not in september
    # A06 joined on 20/10: due 19/11, so pending on 15/11 (others are overdue) and on time on 10/11.
    assert november["A06", "23-QĐ/TW"] == ("Thanh tra Sở", "completed")
    assert november["A01", "33/CT-TTg"] == ("Văn phòng Sở", "overdue")
    # A08 joined after the due date: in with their own due date 15/12, met on 10/12.
    assert december["A08", "23-QĐ/TW"] == ("Văn phòng Sở", "completed")
    assert december["A08", "33/CT-TTg"] == ("Văn phòng Sở", "overdue")
    # The learner's own page takes the same due date.
    newcomer = Employee.objects.get(employee_code="A06")
    [status] = employee_campaign_status(employee=newcomer, as_of=D(2024, 11, 1))
    assert [item.status for item in status.items] == ["pending", "pending"]
    assert status.due == D(2024, 11, 19)
    from learning.selectors.my_learning import my_learning

    [card] = my_learning(employee=newcomer, today=D(2024, 11, 1))
    assert (card.due, card.days_left, card.is_current) == (D(2024, 11, 19), 18, True)


def test_a_closed_campaign_is_not_changed_by_a_later_import(tmp_path):
    build(tmp_path, new_hire_days=NEW_HIRE_DAYS)
    before = {as_of: report(tmp_path, as_of) for as_of in (D(2024, 9, 20), DUE)}
    # A year later: A01 moves, A02 leaves, A03 comes back, A09 is missing from the file (deactivated),
    # someone new arrives with an old start date... dated in 2025.
    later = [
        ["A01", "Nguyễn Văn An", "QLCN", "Công chức", "01/02/2015", "Nam", "", "01/03/2025"],
        ["A02", "Trần Thị Bình", "TTRA", "Công chức", "15/07/2019", "Nữ", "30/06/2025", ""],
        ["A03", "Lê Văn Cường", "TTRA", "Công chức", "01/02/2025", "Nam", "", ""],
        ["A04", "Phạm Thị Dung", "VP", "Công chức", "05/05/2016", "Nữ", "", ""],
        ["A05", "Hoàng Văn Em", "QLCN", "Công chức", "02/01/2020", "Nam", "", ""],
        ["A06", "Võ Thị Phương", "TTRA", "Công chức", "20/10/2024", "Nữ", "", ""],
        ["A07", "Đặng Văn Giang", "TTRA", "Công chức", "01/06/2024", "Nam", "", "02/01/2025"],
        ["A08", "Bùi Thị Hạnh", "VP", "Công chức", "15/11/2024", "Nữ", "", ""],
        ["A10", "Mai Văn Khôi", "VP", "Công chức", "01/03/2025", "Nam", "", ""],
    ]
    quiet("import_roster", write_csv(tmp_path / "roster-2025.csv", later), "--deactivate-missing")
    assert Employee.objects.get(employee_code="A03").past_periods.count() == 1
    for as_of, data in before.items():
        assert report(tmp_path, as_of) == data, as_of
