"""Done-when of issue 6: on a scenario built only through the operator commands (a roster, a
campaign, sessions with sign-in sheets, paper tests and retests, exemptions), the CSV of
`compliance_report` at two as-of dates equals, row for row, a straightforward pure-Python reading
of CONTRACT.md over the same inputs — computed here without the database."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

import pytest
from django.core.management import call_command

from learning.models import ManualEvidence
from org.models import Employee
from tests.factories import make_agency, make_unit
from tests.learning.compliance_helpers import make_directive

pytestmark = pytest.mark.django_db

D = dt.date
START, DUE = D(2024, 4, 1), D(2024, 10, 31)
REQUIREMENTS = ["23-QĐ/TW", "33/CT-TTg", "59/2023/NĐ-CP"]
UNITS = {"VP": "Văn phòng Sở", "TTRA": "Thanh tra Sở", "QLCN": "Phòng Quản lý Công nghiệp", "KC": "Tổ Khuyến công"}

# code, name, unit code, category, start date
ROSTER = [
    ("SCT0101", "Nguyễn Thị Hồng Nhung", "VP", "Công chức", "01/02/2015"),
    ("SCT0102", "Trần Văn Ưng", "VP", "Viên chức", "2019-07-15"),
    ("SCT0099", "Lê Thị Ánh", "VP", "Công chức", ""),
    ("SCT0201", "Phạm Minh Đức", "TTRA", "Công chức", "12/12/2012"),
    ("SCT0202", "Huỳnh Thị Ngọc Diễm", "TTRA", "Viên chức", "01/08/2024"),  # joins during the campaign
    ("SCT0203", "Võ Văn Tài", "TTRA", "Người lao động", "01/01/2018"),  # not in the audience (category)
    ("SCT0301", "Đặng Quốc Bảo", "QLCN", "Công chức", "03/03/2016"),
    ("SCT0302", "Bùi Thị Thu Hà", "QLCN", "Công chức", "03/03/2016"),
    ("SCT0303", "Đỗ Hữu Lộc", "QLCN", "Viên chức", "15/11/2024"),  # joins after the due date
    ("SCT0401", "Ngô Thanh Sơn", "KC", "Viên chức", "05/05/2010"),
    ("SCT0402", "Dương Thị Yến", "KC", "Viên chức", "05/05/2010"),
    ("SCT0403", "Lý Văn Khoa", "KC", "Công chức", "2011-01-01"),  # never studied
]
LEFT = {"SCT0302": D(2024, 9, 15)}  # left the agency mid-campaign

# title, date, directives, sheet: code → status as written on the sheet
SESSIONS = [
    ("Hội nghị trước kế hoạch", D(2024, 3, 20), ["23-QĐ/TW"], {"SCT0101": "Có mặt", "SCT0201": "Có mặt"}),
    ("Hội nghị quán triệt đợt 1", D(2024, 5, 15), ["23-QĐ/TW", "33/CT-TTg"],
     {"SCT0101": "Có mặt", "SCT0102": "Đi muộn", "SCT0099": "Vắng", "SCT0201": "Vắng có lý do",
      "SCT0301": "Có mặt", "SCT0302": "Có mặt", "SCT0401": "Có mặt", "SCT0402": "Vắng không lý do"}),
    ("Hội nghị quán triệt đợt 2", D(2024, 9, 5), ["59/2023/NĐ-CP", "33/CT-TTg"],
     {"SCT0101": "Có mặt", "SCT0202": "Có mặt", "SCT0201": "Có mặt", "SCT0402": "Đi muộn"}),
    ("Học bù", D(2024, 11, 12), ["23-QĐ/TW", "33/CT-TTg", "59/2023/NĐ-CP"],
     {"SCT0099": "Có mặt", "SCT0402": "Có mặt", "SCT0202": "Có mặt"}),
]
# paper test on 59/2023/NĐ-CP (pass mark 80%): code, score, max, date — retests on later dates
PAPER_TESTS = [
    [("SCT0102", "6", "10", "20/06/2024"), ("SCT0301", "9", "10", "20/06/2024"), ("SCT0401", "7.5", "10", "20/06/2024"),
     ("SCT0302", "8", "10", "20/06/2024")],
    [("SCT0102", "8", "10", "27/06/2024"), ("SCT0401", "16", "20", "30/11/2024"), ("SCT0099", "10", "10", "01/12/2024"),
     ("SCT0303", "9", "10", "01/12/2024")],
]
EXEMPT = {"SCT0201": "Biệt phái sang Sở Nội vụ"}
MANUAL = [("SCT0102", "23-QĐ/TW", D(2024, 5, 15)), ("SCT0401", "59/2023/NĐ-CP", D(2024, 12, 20))]
AUDIENCE_CATEGORIES = {"Công chức", "Viên chức"}
CATEGORY_KEYS = {"Công chức": "cong_chuc", "Viên chức": "vien_chuc", "Người lao động": "nguoi_lao_dong"}


# --- the independent reading of CONTRACT.md (no database) ------------------------------------


@dataclass(frozen=True)
class Evidence:
    code: str
    directive: str
    date: dt.date
    kind: str


def parse(text: str) -> dt.date | None:
    if not text:
        return None
    if "-" in text:
        return dt.date.fromisoformat(text)
    day, month, year = text.split("/")
    return dt.date(int(year), int(month), int(day))


def all_evidence() -> list[Evidence]:
    found = []
    for _, date, directives, sheet in SESSIONS:
        for code, status in sheet.items():
            if status in ("Có mặt", "Đi muộn"):
                found += [Evidence(code, number, date, "attendance") for number in directives]
    for sheet in PAPER_TESTS:
        for code, score, maximum, date in sheet:
            if float(score) / float(maximum) >= 0.8:
                found.append(Evidence(code, "59/2023/NĐ-CP", parse(date), "quiz"))
    found += [Evidence(code, number, date, "manual") for code, number, date in MANUAL]
    return found


def expected_csv(as_of: dt.date) -> list[list[str]]:
    rank = {"attendance": 0, "quiz": 1, "manual": 2}
    rows = []
    for code, name, unit, category, start in ROSTER:
        joined = parse(start)
        if category not in AUDIENCE_CATEGORIES:
            continue
        if joined is not None and (joined > as_of or joined > DUE):
            continue
        if code in LEFT and LEFT[code] <= as_of:
            continue
        for order, number in enumerate(REQUIREMENTS):
            counted = sorted((e for e in all_evidence()
                              if e.code == code and e.directive == number and START <= e.date <= as_of),
                             key=lambda e: (e.date, rank[e.kind]))
            first = counted[0] if counted else None
            if code in EXEMPT:
                status = "exempt"
            elif first is not None:
                status = "completed" if first.date <= DUE else "completed_late"
            else:
                status = "pending" if as_of <= DUE else "overdue"
            rows.append(((UNITS[unit], code, order), [code, name, UNITS[unit], CATEGORY_KEYS[category], number, status,
                                                      first.kind if first else "",
                                                      first.date.isoformat() if first else ""]))
    return [line for _, line in sorted(rows)]


# --- the same scenario through the commands ---------------------------------------------------


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)


def quiet(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
    except Exception as exc:
        raise AssertionError(f"{args[0]}: {exc}\n{err.getvalue()}") from exc
    return out.getvalue()


@pytest.fixture
def scenario(tmp_path):
    agency = make_agency()
    centre = make_unit(agency, "TTKC", "Trung tâm Khuyến công")
    for code, name in UNITS.items():
        make_unit(centre if code == "KC" else agency, code, name)
    for number in REQUIREMENTS:
        make_directive(number)
    roster = [(code, name, f"{code.lower()}@sct.gov.vn", unit, "Chuyên viên", category, start)
              for code, name, unit, category, start in ROSTER]
    quiet("import_roster", write_csv(tmp_path / "roster.csv", ["Mã cán bộ", "Họ và tên", "Email", "Đơn vị", "Chức vụ",
                                                               "Loại", "Ngày vào cơ quan"], roster))
    for code, day in LEFT.items():
        Employee.objects.filter(employee_code=code).update(left_date=day, is_active=False)
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "slug: dan-van-2024\ntitle: Học tập, quán triệt văn bản về công tác dân vận chính quyền năm 2024\n"
        f"start: {START}\ndue: {DUE}\naudience:\n  categories: [cong_chuc, vien_chuc]\nrequirements:\n"
        + "".join(f"  - directive: {n}\n" for n in REQUIREMENTS), encoding="utf-8")
    quiet("load_campaign", str(plan))
    for index, (title, date, directives, sheet) in enumerate(SESSIONS):
        args = ["create_session", "--campaign", "dan-van-2024", "--title", title, "--date", date.isoformat()]
        for number in directives:
            args += ["--directive", number]
        session_id = quiet(*args).strip().splitlines()[-1]
        path = write_csv(tmp_path / f"sheet{index}.csv", ["Mã cán bộ", "Trạng thái"], list(sheet.items()))
        quiet("import_attendance", path, "--session", session_id)
    quiet("create_quiz", "--slug", "kt-59", "--title", "Kiểm tra Nghị định 59", "--directive", "59/2023/NĐ-CP")
    for index, sheet in enumerate(PAPER_TESTS):
        path = write_csv(tmp_path / f"paper{index}.csv", ["Mã cán bộ", "Điểm", "Điểm tối đa", "Ngày làm bài"], sheet)
        quiet("import_quiz_results", path, "--quiz", "kt-59")
    for code, reason in EXEMPT.items():
        quiet("exempt", "--campaign", "dan-van-2024", "--employee", code, "--reason", reason)
    from courses.selectors import directive_resolve

    for code, number, date in MANUAL:
        ManualEvidence.objects.create(employee=Employee.objects.get(employee_code=code),
                                      directive=directive_resolve(number), date=date)
    return tmp_path


@pytest.mark.parametrize("as_of", [D(2024, 9, 10), D(2024, 12, 31)])
def test_report_matches_independent_computation(scenario, as_of):
    out = scenario / f"report-{as_of}.csv"
    quiet("compliance_report", "--campaign", "dan-van-2024", "--format", "csv", "--out", str(out),
          "--as-of", as_of.isoformat())
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["employee_code", "full_name", "unit", "category", "requirement", "status", "evidence",
                       "evidence_date"]
    expected = expected_csv(as_of)
    for line, (got, want) in enumerate(zip(rows[1:], expected, strict=False), start=2):
        assert got == want, f"line {line}"
    assert len(rows) - 1 == len(expected)


def test_the_two_dates_differ_where_the_rules_say(scenario):
    before, after = expected_csv(D(2024, 9, 10)), expected_csv(D(2024, 12, 31))
    statuses = {row[5] for row in before} | {row[5] for row in after}
    assert statuses == {"completed", "completed_late", "pending", "overdue", "exempt"}
    assert "SCT0302" in {r[0] for r in before} and "SCT0302" not in {r[0] for r in after}  # left on 15/09
    assert "SCT0202" in {r[0] for r in before}  # joined on 01/08
    assert "SCT0303" not in {r[0] for r in before + after}  # joined after the due date
