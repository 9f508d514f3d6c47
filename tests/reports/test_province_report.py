"""Several agencies of one province, built through the operator commands only: province_report's
CSV equals an independent reading of the per-agency compliance CSVs (docs/contract.md "Province"),
and the xlsx and the PDF "Báo cáo tổng hợp" render the same figures."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.learning.compliance_helpers import make_directive

pytestmark = pytest.mark.django_db

AS_OF = "2024-11-30"
HEADER = ("agency_code,agency,audience,exempt,completed,completed_late,pending,overdue,people_completed,"
          "people_rate")
CAMPAIGN = """\
slug: dan-van-2024
title: Học tập, quán triệt văn bản về công tác dân vận chính quyền năm 2024
start: 2024-04-01
due: 2024-10-31
requirements:
  - directive: 23-QĐ/TW
  - directive: 33/CT-TTg
"""
# agency code → roster rows (code, name, unit, category)
ROSTERS = {
    "SYT": [("YT01", "Nguyễn Văn An", "VP", "Công chức"), ("YT02", "Trần Thị Bình", "VP", "Viên chức"),
            ("YT03", "Lê Văn Cường", "KHTC", "Công chức"), ("YT04", "Phạm Thị Dung", "KHTC", "Người lao động")],
    "SCT": [("CT01", "Võ Văn Em", "VP", "Công chức"), ("CT02", "Đặng Thị Giang", "VP", "Công chức"),
            ("CT03", "Bùi Văn Hải", "TTRA", "Viên chức")],
    "SGD": [("GD01", "Hồ Thị Lan", "VP", "Viên chức"), ("GD02", "Ngô Văn Minh", "VP", "Viên chức")],
}
# (agency, session date, directives, code → sheet status)
SESSIONS = [
    ("SYT", "2024-05-10", ["23-QĐ/TW", "33/CT-TTg"], {"YT01": "Có mặt", "YT02": "Đi muộn", "YT03": "Vắng"}),
    ("SYT", "2024-11-15", ["23-QĐ/TW"], {"YT03": "Có mặt"}),
    ("SCT", "2024-06-01", ["23-QĐ/TW"], {"CT01": "Có mặt", "CT02": "Có mặt", "CT03": "Có mặt"}),
    ("SCT", "2024-06-02", ["33/CT-TTg"], {"CT01": "Có mặt"}),
    ("SGD", "2024-03-01", ["23-QĐ/TW", "33/CT-TTg"], {"GD01": "Có mặt"}),  # before the start: does not count
]
EXEMPT = [("SYT", "YT04", "Nghỉ thai sản"), ("SCT", "CT03", "Biệt phái")]


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def province(tmp_path):
    make_directive("23-QĐ/TW")
    make_directive("33/CT-TTg")
    run("create_province", "TN", "Tỉnh Tây Ninh")
    for code, name in (("SYT", "Sở Y tế"), ("SCT", "Sở Công Thương"), ("SGD", "Sở Giáo dục và Đào tạo")):
        run("create_agency", code, name, "--province", "TN")
        lines = ["Mã cán bộ,Họ và tên,Đơn vị,Loại"] + [",".join(row) for row in ROSTERS[code]]
        run("import_roster", write(tmp_path, f"{code}.csv", "\n".join(lines) + "\n"), "--agency", code,
            "--create-units")
    out = run("load_campaign", write(tmp_path, "plan.yaml", CAMPAIGN), "--province", "TN")
    assert out.strip().splitlines()[-1] == ("province TN: campaign dan-van-2024 in 3 agencies "
                                            "(created 3, updated 0, unchanged 0)")
    for number, (agency, date, directives, sheet) in enumerate(SESSIONS):
        args = ["create_session", "--campaign", "dan-van-2024", "--agency", agency, "--title", f"Hội nghị {number}",
                "--date", date]
        for directive in directives:
            args += ["--directive", directive]
        session_id = run(*args).strip().splitlines()[-1]
        rows = ["Mã cán bộ,Trạng thái"] + [f"{code},{status}" for code, status in sheet.items()]
        run("import_attendance", write(tmp_path, f"s{number}.csv", "\n".join(rows) + "\n"), "--session", session_id)
    for agency, code, reason in EXEMPT:
        run("exempt", "--campaign", "dan-van-2024", "--agency", agency, "--employee", code, "--reason", reason)
    # An agency that joins after the load has not adopted the campaign.
    run("create_agency", "SXD", "Sở Xây dựng", "--province", "TN")
    return tmp_path


def independent(tmp_path: Path, agency: str) -> list[str]:
    """One contract row from the agency's compliance CSV, read with the csv module only."""
    out = tmp_path / f"{agency}-compliance.csv"
    run("compliance_report", "--campaign", "dan-van-2024", "--agency", agency, "--format", "csv", "--out", str(out),
        "--as-of", AS_OF)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    people: dict[str, list[str]] = {}
    for row in rows:
        people.setdefault(row["employee_code"], []).append(row["status"])
    exempt = sum(all(s == "exempt" for s in statuses) for statuses in people.values())
    done = sum(all(s in ("completed", "completed_late") for s in statuses) for statuses in people.values())
    counts = {s: sum(row["status"] == s for row in rows) for s in ("completed", "completed_late", "pending", "overdue")}
    must = len(people) - exempt
    rate = f"{round(done / must * 100, 1):.1f}" if must else ""
    return [str(len(people)), str(exempt), *(str(counts[s]) for s in counts), str(done), rate]


def test_province_csv_matches_the_agencies_own_csvs(province):
    out = province / "province.csv"
    run("province_report", "--province", "TN", "--campaign", "dan-van-2024", "--format", "csv", "--out", str(out),
        "--as-of", AS_OF)
    text = out.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == HEADER
    rows = list(csv.reader(lines[1:]))
    assert [row[0] for row in rows] == ["SCT", "SGD", "SXD", "SYT"]  # sorted by agency code, every agency
    names = {"SCT": "Sở Công Thương", "SGD": "Sở Giáo dục và Đào tạo", "SYT": "Sở Y tế"}
    for row in rows:
        if row[0] == "SXD":  # not adopted: nobody to count, no rate
            assert row == ["SXD", "Sở Xây dựng", "0", "0", "0", "0", "0", "0", "0", ""]
            continue
        assert row[1] == names[row[0]]
        assert row[2:] == independent(province, row[0]), row[0]
    # Hand-checked: SYT 4 people (YT04 exempt), YT01 on time, YT02 late-arrived = present, YT03 late.
    syt = next(row for row in rows if row[0] == "SYT")
    assert syt[2:] == ["4", "1", "4", "1", "0", "1", "2", "66.7"]
    sct = next(row for row in rows if row[0] == "SCT")
    assert sct[2:] == ["3", "1", "3", "0", "0", "1", "1", "50.0"]
    sgd = next(row for row in rows if row[0] == "SGD")
    assert sgd[2:] == ["2", "0", "0", "0", "0", "4", "0", "0.0"]


def test_province_xlsx_and_pdf(province):
    from openpyxl import load_workbook

    xlsx = province / "province.xlsx"
    run("province_report", "--province", "TN", "--campaign", "dan-van-2024", "--format", "xlsx", "--out", str(xlsx),
        "--as-of", AS_OF)
    book = load_workbook(xlsx, read_only=True)
    assert book.sheetnames == ["Tổng hợp", "Theo văn bản"]
    rows = [r for r in book["Tổng hợp"].iter_rows(min_row=5, values_only=True) if r[0]]
    assert [r[1] for r in rows] == ["SCT", "SGD", "SXD", "SYT"]
    assert rows[3][3:8] == (4, 1, 3, 2, pytest.approx(66.667, abs=0.01))
    assert rows[2][13] == "Chưa"

    pdf = province / "province.pdf"
    run("province_report", "--province", "TN", "--campaign", "dan-van-2024", "--format", "pdf", "--out", str(pdf),
        "--as-of", AS_OF)
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "UBND TỈNH TÂY NINH" in text and "SỞ NỘI VỤ" in text and "BÁO CÁO TỔNG HỢP" in text
    assert "Sở Xây dựng (chưa triển khai)" in text and "66,7" in text
    assert "- UBND tỉnh Tây Ninh (để báo cáo);" in text and "trên địa bàn tỉnh Tây Ninh" in text
    assert "Nguyễn Văn An" not in text  # aggregates only


def test_unknown_campaign_or_province_is_refused(province):
    with pytest.raises(CommandError, match="no agency of province TN"):
        run("province_report", "--province", "TN", "--campaign", "nope", "--format", "csv", "--out",
            str(province / "x.csv"))
    with pytest.raises(CommandError, match="unknown province"):
        run("province_report", "--province", "XX", "--campaign", "dan-van-2024", "--format", "csv", "--out",
            str(province / "x.csv"))


def test_agency_directive_counts_equal_the_summary_family(province):
    """The agency × directive shortcut (one grouped count) gives group_summary's figures: with one row
    per person per requirement, its people rate and its rows rate are the same number."""
    import datetime as dt

    from learning.selectors.summaries import group_summary
    from org.models import Province
    from reports.selectors.province import by_agency_directive, province_table

    table = province_table(province=Province.objects.get(code="TN"), slug="dan-van-2024", as_of=dt.date(2024, 11, 30))
    fast = by_agency_directive(table).set_index(["agency_id", "requirement"])
    full = group_summary(table, ["agency_id", "requirement"]).set_index(["agency_id", "requirement"])
    assert len(fast) == len(full) == 6
    for key, row in full.iterrows():
        for column in ("completed", "completed_late", "pending", "overdue", "exempt", "counted_rows"):
            assert fast.at[key, column] == row[column], (key, column)
        assert fast.at[key, "rows_rate"] == pytest.approx(row["rows_rate"], nan_ok=True)
        assert fast.at[key, "rows_rate"] == pytest.approx(row["people_rate"], nan_ok=True)
