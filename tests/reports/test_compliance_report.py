"""compliance_report: the CSV to the letter of CONTRACT.md, the xlsx read back, the PDF's text."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from core import exporters
from core.exporters import neutralise_code
from reports.exporters.compliance_xlsx import detail_sheet_names
from tests.factories import EmployeeFactory, make_agency, make_unit
from tests.learning.compliance_helpers import D, attend, exempt, make_campaign, make_directive, make_session, manual

pytestmark = pytest.mark.django_db

HEADER = "employee_code,full_name,unit,category,requirement,status,evidence,evidence_date"


@pytest.fixture
def scenario():
    agency = make_agency()
    vp = make_unit(agency, "VP", "Văn phòng Sở")
    ttra = make_unit(agency, "TTRA", "Thanh tra Sở")
    agency.refresh_from_db()
    vp.refresh_from_db()
    d1, d2 = make_directive("23-QĐ/TW"), make_directive("33/CT-TTg")
    campaign = make_campaign(agency, [d1, d2])
    giam_doc = EmployeeFactory(unit=agency, employee_code="SCT001", full_name="Lê Văn Giám", position="Giám đốc",
                               category="can_bo")
    an = EmployeeFactory(unit=vp, employee_code="SCT010", full_name="Nguyễn Thị An")
    binh = EmployeeFactory(unit=vp, employee_code="SCT002", full_name="Trần, Văn Bình", category="nguoi_lao_dong")
    cuong = EmployeeFactory(unit=ttra, employee_code="SCT005", full_name="Phạm Văn Cường", category="vien_chuc")
    session = make_session(campaign, D(2024, 5, 10), [d1, d2])
    for person in (giam_doc, an):
        attend(session, person)
    manual(binh, d1, D(2024, 11, 3))
    exempt(campaign, cuong)
    return campaign, vp


def run(campaign, fmt, tmp_path, **kw):
    out = tmp_path / f"report.{fmt}"
    args = ["compliance_report", "--campaign", campaign.slug, "--format", fmt, "--out", str(out)]
    for key, value in kw.items():
        args += [f"--{key.replace('_', '-')}", value]
    call_command(*args, stdout=io.StringIO())
    return out.read_bytes()


def test_csv_to_the_letter(scenario, tmp_path):
    campaign, vp = scenario
    content = run(campaign, "csv", tmp_path, as_of="2024-12-01")
    assert content == (
        f"{HEADER}\n"
        "SCT001,Lê Văn Giám,Sở Công Thương Tây Ninh,can_bo,23-QĐ/TW,completed,attendance,2024-05-10\n"
        "SCT001,Lê Văn Giám,Sở Công Thương Tây Ninh,can_bo,33/CT-TTg,completed,attendance,2024-05-10\n"
        "SCT005,Phạm Văn Cường,Thanh tra Sở,vien_chuc,23-QĐ/TW,exempt,,\n"
        "SCT005,Phạm Văn Cường,Thanh tra Sở,vien_chuc,33/CT-TTg,exempt,,\n"
        "SCT002,\"Trần, Văn Bình\",Văn phòng Sở,nguoi_lao_dong,23-QĐ/TW,completed_late,manual,2024-11-03\n"
        "SCT002,\"Trần, Văn Bình\",Văn phòng Sở,nguoi_lao_dong,33/CT-TTg,overdue,,\n"
        "SCT010,Nguyễn Thị An,Văn phòng Sở,cong_chuc,23-QĐ/TW,completed,attendance,2024-05-10\n"
        "SCT010,Nguyễn Thị An,Văn phòng Sở,cong_chuc,33/CT-TTg,completed,attendance,2024-05-10\n"
    ).encode()
    assert not content.startswith(b"\xef\xbb\xbf") and b"\r" not in content


def test_csv_as_of_and_unit(scenario, tmp_path):
    campaign, vp = scenario
    lines = run(campaign, "csv", tmp_path, as_of="2024-06-01", unit="vp").decode().splitlines()
    assert lines == [
        HEADER,
        "SCT002,\"Trần, Văn Bình\",Văn phòng Sở,nguoi_lao_dong,23-QĐ/TW,pending,,",
        "SCT002,\"Trần, Văn Bình\",Văn phòng Sở,nguoi_lao_dong,33/CT-TTg,pending,,",
        "SCT010,Nguyễn Thị An,Văn phòng Sở,cong_chuc,23-QĐ/TW,completed,attendance,2024-05-10",
        "SCT010,Nguyễn Thị An,Văn phòng Sở,cong_chuc,33/CT-TTg,completed,attendance,2024-05-10",
    ]


def test_csv_neutralises_formulas_but_keeps_codes(scenario, tmp_path):
    campaign, vp = scenario
    EmployeeFactory(unit=vp, employee_code="-0042", full_name="=HYPERLINK(\"http://x\")")
    EmployeeFactory(unit=vp, employee_code="=1+1", full_name="@SUM(A1)")
    text = run(campaign, "csv", tmp_path, as_of="2024-06-01").decode()
    assert "\n-0042,\"'=HYPERLINK(\"\"http://x\"\")\",Văn phòng Sở," in text
    assert "\n'=1+1,'@SUM(A1),Văn phòng Sở," in text


@pytest.mark.parametrize(("value", "expected"), [
    ("SCT001", "SCT001"), ("-0042", "-0042"), ("+84.12", "+84.12"), ("23-QĐ/TW", "23-QĐ/TW"),
    ("=cmd", "'=cmd"), ("@x", "'@x"), ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"), ("\tx", "'\tx"),
])
def test_neutralise_code(value, expected):
    assert neutralise_code(value) == expected


def test_csv_default_as_of_is_today(scenario, tmp_path):
    import time_machine

    campaign, vp = scenario
    with time_machine.travel(D(2024, 12, 1), tick=False):
        today = run(campaign, "csv", tmp_path)
    assert today == run(campaign, "csv", tmp_path, as_of="2024-12-01")


def test_unknown_campaign_unit_and_date_are_errors(scenario, tmp_path):
    campaign, vp = scenario
    with pytest.raises(CommandError, match="unknown campaign"):
        call_command("compliance_report", "--campaign", "nope", "--format", "csv", "--out", str(tmp_path / "x.csv"))
    with pytest.raises(CommandError, match="unknown unit"):
        run(campaign, "csv", tmp_path, unit="ZZZ")
    with pytest.raises(CommandError, match="not a date"):
        run(campaign, "csv", tmp_path, as_of="01/12/2024")
    assert not (tmp_path / "x.csv").exists()


def test_exporters_are_registered():
    assert {"compliance-csv", "compliance-xlsx", "compliance-pdf"} <= set(exporters.all_exporters())


# --- xlsx ------------------------------------------------------------------------------------


def test_xlsx_summary_and_detail(scenario, tmp_path):
    campaign, vp = scenario
    wb = load_workbook(io.BytesIO(run(campaign, "xlsx", tmp_path, as_of="2024-12-01")))
    assert wb.sheetnames == ["Tổng hợp", "Chi tiết"]
    ws = wb["Tổng hợp"]
    header = [c.value for c in ws[6]]
    assert header == ["STT", "Đơn vị", "Số người", "Miễn học", "Phải học", "Hoàn thành tất cả",
                      "Tỷ lệ người hoàn thành", "23-QĐ/TW (%)", "33/CT-TTg (%)"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=7, max_row=10)]
    assert rows == [
        [1, "Sở Công Thương Tây Ninh", 1, 0, 1, 1, 1.0, 1.0, 1.0],
        [2, "Thanh tra Sở", 1, 1, 0, 0, None, None, None],
        [3, "Văn phòng Sở", 2, 0, 2, 1, 0.5, 1.0, 0.5],
        [None, "Tổng cộng", 4, 1, 3, 2, pytest.approx(2 / 3, abs=1e-3), 1.0, pytest.approx(2 / 3, abs=1e-3)],
    ]
    # The 100% target is highlighted; below target is not.
    assert ws["G7"].fill.fgColor.rgb.endswith("C6EFCE") and ws["G7"].number_format == "0.0%"
    assert ws["G9"].fill.fgColor.rgb != ws["G7"].fill.fgColor.rgb
    # Per requirement: counts of each status, then the % (exempt excluded).
    second = [[c.value for c in row] for row in ws.iter_rows(min_row=13, max_row=16)]
    assert second[0][:2] == ["STT", "Văn bản"]
    assert second[1][:8] == [1, "23-QĐ/TW", 2, 1, 0, 0, 1, 1.0]
    assert second[2][:8] == [2, "33/CT-TTg", 2, 0, 0, 1, 1, pytest.approx(2 / 3, abs=1e-3)]
    assert second[3][1:7] == ["Tổng cộng", 4, 1, 0, 1, 2]
    # Fit to one page wide (1 is the OOXML default, which XlsxWriter leaves implicit), any height.
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth in (None, 1)
    assert ws.page_setup.fitToHeight == 0 and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows == "$6:$6"

    detail = wb["Chi tiết"]
    values = [[c.value for c in row] for row in detail.iter_rows()]
    assert values[0][0] == "Mã cán bộ [employee_code]" and len(values) == 9
    assert values[5][:7] == ["SCT002", "Trần, Văn Bình", "Văn phòng Sở", "Người lao động", "23-QĐ/TW",
                             "Hoàn thành muộn", "Văn phòng ghi nhận"]
    assert values[5][7].date() == D(2024, 11, 3)
    assert detail.print_title_rows == "$1:$1" and detail.page_setup.orientation == "landscape"


# --- pdf -------------------------------------------------------------------------------------


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_pdf_report_text(scenario, tmp_path):
    campaign, vp = scenario
    rendered = exporters.get("compliance-pdf").render(campaign=campaign, as_of=D(2024, 12, 1),
                                                      report_date=D(2024, 12, 2))
    text = pdf_text(rendered.content, tmp_path)
    flat = " ".join(text.split())
    for expected in ["UBND TỈNH TÂY NINH", "SỞ CÔNG THƯƠNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "/BC-SCT", "Tây Ninh, ngày 02 tháng 12 năm 2024", "BÁO CÁO",
                     "tính đến ngày 01/12/2024", "Nơi nhận:", "- Lưu: VT, VP.", "GIÁM ĐỐC", "Lê Văn Giám",
                     "KẾT QUẢ THEO ĐƠN VỊ", "KẾT QUẢ THEO VĂN BẢN"]:
        assert expected in flat, expected
    # The figures: 4 people, 1 exempt, 2 of 3 completed everything = 66,7%.
    assert "thuộc đối tượng học tập: 4 người" in flat and "miễn học (nghỉ thai sản, ốm dài ngày, biệt phái…): 1" in flat
    assert "2/3 người; tỷ lệ người hoàn thành: 66,7%" in flat and "tỷ lệ lượt văn bản hoàn thành" in flat
    assert "hoàn thành đúng hạn 4, hoàn thành muộn 1, chưa hoàn thành (còn hạn) 0, quá hạn 1" in flat
    assert "chưa đạt chỉ tiêu 100%" in flat
    assert rendered.filename == "bao-cao-hoc-tap-dan-van-2024-2024-12-01.pdf"


def test_detail_sheets_split_at_the_excel_row_limit():
    assert detail_sheet_names(0) == ["Chi tiết"]
    assert detail_sheet_names(1_048_575) == ["Chi tiết"]
    assert detail_sheet_names(1_048_576) == ["Chi tiết", "Chi tiết (2)"]


def test_csv_of_an_empty_audience_is_the_header_alone(scenario, tmp_path):
    campaign, vp = scenario
    content = run(campaign, "csv", tmp_path, as_of="2024-06-01", unit="vp")
    assert content.count(b"\n") == 5
    campaign.audience_categories = ["can_bo"]
    campaign.save()
    make_unit(campaign.agency, "TRONG", "Phòng trống")
    assert run(campaign, "csv", tmp_path, as_of="2024-06-01", unit="TRONG") == (HEADER + "\n").encode()
