"""The annual report: composed from the admin's saved report and live figures, rendered as the
NĐ 30/2020 PDF and .docx, frozen as issued; the `annual_report` command's overrides."""

from __future__ import annotations

import datetime as dt
import io
import subprocess

import docx
import pytest
from django.core.management import call_command

from org.models import OrgUnitKind
from reports.models import AnnualReport, CampaignTarget, TargetKind
from reports.services.annual_report import (
    ReportFrozen,
    annual_report_compose,
    annual_report_freeze,
    annual_report_pdf,
    annual_report_save,
)
from tests.factories import EmployeeFactory, make_agency, make_unit
from tests.learning.compliance_helpers import attend, exempt, make_campaign, make_directive, make_session

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def setup():
    agency = make_agency()
    phong = make_unit(agency, "QLCN", "Phòng Quản lý Công nghiệp")
    to = make_unit(phong, "TO1", "Tổ Kiểm tra thị trường", kind=OrgUnitKind.TEAM)
    vp = make_unit(agency, "VP", "Văn phòng Sở")
    ban = make_unit(agency, "BGD", "Ban Giám đốc")
    d1, d2 = make_directive("23-QĐ/TW"), make_directive("33/CT-TTg")
    campaign = make_campaign(agency, [d1, d2], start=D(2024, 4, 1), due=D(2024, 10, 31))
    people = {
        "gd": EmployeeFactory(agency=agency, unit=ban, employee_code="GD", full_name="Nguyễn Văn Giám",
                              position="Giám đốc"),
        "vp": EmployeeFactory(agency=agency, unit=vp, employee_code="VP1"),
        "pa": EmployeeFactory(agency=agency, unit=phong, employee_code="PA1"),
        "to": EmployeeFactory(agency=agency, unit=to, employee_code="TO1"),
        "ex": EmployeeFactory(agency=agency, unit=to, employee_code="TO2"),
    }
    session = make_session(campaign, D(2024, 5, 10), [d1, d2], title="Hội nghị quán triệt Quyết định 23-QĐ/TW")
    for key in ("gd", "vp", "to"):
        attend(session, people[key])
    exempt(campaign, people["ex"])
    CampaignTarget.objects.create(campaign=campaign, order=1, text="100% cán bộ được học tập",
                                  kind=TargetKind.LIVE_COMPLETION)
    return campaign, people, d1


def _pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())  # lines wrap where the layout wraps them


def test_defaults_without_a_saved_report(setup, tmp_path):
    campaign, people, _ = setup
    content = annual_report_compose(campaign=campaign, as_of=D(2024, 10, 31))
    assert content["number"] == "" and content["place"] == "Tây Ninh"
    assert content["recipients"] == ["UBND tỉnh (qua Sở Nội vụ);"]
    assert content["signer_title"] == ["GIÁM ĐỐC"] and content["signer_name"] == "Nguyễn Văn Giám"
    units = next(b for b in content["blocks"] if b["type"] == "table" and b["columns"][1] == "Đơn vị")
    # organisational order (leadership, Văn phòng, then the phòng); the team folded under its phòng
    names = [row[1] for row in units["rows"]]
    assert names == ["Ban Giám đốc", "Văn phòng Sở", "Phòng Quản lý Công nghiệp", "Tổ Kiểm tra thị trường",
                     "Tổng cộng"]
    assert units["rows"][2][0] == "3" and units["rows"][3][0] == "3.1" and units["levels"][3] == 1
    # Phòng QLCN counts its team: PA1 (not done), TO1 (done), TO2 exempt → 1/2
    assert units["rows"][2][4] == "1/2" and units["rows"][3][4] == "1/1"
    assert units["rows"][-1][4] == "3/4"
    text = _pdf_text(annual_report_pdf(campaign=campaign, as_of=D(2024, 10, 31)), tmp_path)
    assert "Số:" in text and "/BC-SCT" in text
    assert "UBND tỉnh (qua Sở Nội vụ);" in text and "Lưu: VT, VP." in text
    assert "ĐÁNH GIÁ, KIẾN NGHỊ" not in text and "Đề nghị thủ trưởng" not in text


def test_saved_report_and_command_overrides(setup, tmp_path):
    campaign, people, _ = setup
    AnnualReport.objects.create(
        campaign=campaign, number="40/BC-SCT", issued_on=D(2024, 10, 20), as_of=D(2024, 10, 15),
        plan_reference="Kế hoạch số 12/KH-SCT ngày 15/3/2024 của Sở Công Thương",
        recipients="UBND tỉnh (qua Sở Nội vụ);\nBan Dân vận Tỉnh ủy;",
        body=[("heading", "I. KẾT QUẢ"), ("paragraph", "Văn phòng đã tham mưu tổ chức học tập.\n\n- Ý một\n- Ý hai"),
              ("overall", None), ("sessions", None)],
    )
    out = tmp_path / "bao-cao.pdf"
    call_command("annual_report", "--campaign", "dan-van-2024", "--format", "pdf", "--out", str(out),
                 "--number", "45/BC-SCT", "--date", "2024-10-28", "--signer-title", r"KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
                 "--signer-name", "Trần Văn Phó", "--as-of", "2024-10-31", stdout=io.StringIO())
    text = _pdf_text(out.read_bytes(), tmp_path)
    for expected in ("Số: 45/BC-SCT", "Tây Ninh, ngày 28 tháng 10 năm 2024", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
                     "Trần Văn Phó", "Thực hiện Kế hoạch số 12/KH-SCT", "tính đến ngày 31/10/2024",
                     "Ban Dân vận Tỉnh ủy;", "Văn phòng đã tham mưu", "- Ý hai", "Tỷ lệ người hoàn thành",
                     "Tỷ lệ lượt văn bản hoàn thành", "Hội nghị quán triệt", "10/05/2024"):
        assert expected in text, expected
    assert "Nguyễn Văn Giám" not in text
    # without overrides: the saved report's number, date and as-of
    call_command("annual_report", "--campaign", "dan-van-2024", "--format", "pdf", "--out", str(out),
                 stdout=io.StringIO())
    text = _pdf_text(out.read_bytes(), tmp_path)
    assert "Số: 40/BC-SCT" in text and "Tây Ninh, ngày 20 tháng 10 năm 2024" in text
    assert "tính đến ngày 15/10/2024" in text


def test_docx_has_the_same_layout_in_times_new_roman(setup, tmp_path):
    campaign, people, _ = setup
    out = tmp_path / "bao-cao.docx"
    call_command("annual_report", "--campaign", "dan-van-2024", "--format", "docx", "--out", str(out),
                 "--number", "45/BC-SCT", "--date", "2024-10-28", "--signer-title", r"KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
                 "--signer-name", "Trần Văn Phó", stdout=io.StringIO())
    document = docx.Document(str(out))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    body = [p.text for p in document.paragraphs]
    assert any("Số: 45/BC-SCT" in c for c in cells)
    assert any("Tây Ninh, ngày 28 tháng 10 năm 2024" in c for c in cells)
    assert any("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" in c and "Trần Văn Phó" in c for c in cells)
    assert any("UBND tỉnh (qua Sở Nội vụ);" in c for c in cells)
    assert "BÁO CÁO" in body and any(t.startswith("Thực hiện") for t in body)
    fonts = {r.font.name for p in document.paragraphs for r in p.runs}
    sizes = {r.font.size.pt for p in document.paragraphs for r in p.runs if r.font.size}
    assert fonts == {"Times New Roman"} and sizes <= {6, 10, 12, 13, 14}
    section = document.sections[0]
    assert round(section.left_margin.mm) == 30 and round(section.page_width.mm) == 210


def test_frozen_report_keeps_its_figures_and_refuses_edits(setup, tmp_path, django_user_model):
    campaign, people, d1 = setup
    report = AnnualReport.objects.create(campaign=campaign, as_of=D(2024, 10, 31), number="45/BC-SCT",
                                         body=[("overall", None)])
    before = annual_report_compose(campaign=campaign)
    annual_report_freeze(report=report, actor=None)
    attend(make_session(campaign, D(2024, 6, 1), [d1, campaign.requirements.last().directive]), people["pa"])
    report.refresh_from_db()
    assert annual_report_compose(campaign=campaign)["blocks"] == before["blocks"]
    assert annual_report_compose(campaign=campaign, report=report, number="46/BC-SCT")["number"] == "46/BC-SCT"
    report.number = "99/BC-SCT"
    with pytest.raises(ReportFrozen):
        annual_report_save(report=report, actor=None)
    with pytest.raises(ReportFrozen):
        annual_report_freeze(report=report, actor=None)


def test_compliance_pdf_shares_the_fixes(setup, tmp_path):
    """The compliance PDF: dated by its figures when they are past, sent to UBND tỉnh (qua Sở Nội vụ),
    teams folded under their department, no instruction to the agency's own units."""
    from core import exporters

    campaign, people, _ = setup
    rendered = exporters.get("compliance-pdf").render(campaign=campaign, as_of=D(2024, 10, 31))
    text = _pdf_text(rendered.content, tmp_path)
    assert "Tây Ninh, ngày 31 tháng 10 năm 2024" in text
    assert "- UBND tỉnh (qua Sở Nội vụ);" in text and "(để báo cáo)" not in text
    assert "Đề nghị thủ trưởng" not in text
    assert text.index("Phòng Quản lý Công nghiệp") < text.index("Tổ Kiểm tra thị trường")
    assert text.index("Ban Giám đốc") < text.index("Văn phòng Sở") < text.index("Phòng Quản lý Công nghiệp")
