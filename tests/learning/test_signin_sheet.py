"""Sign-in sheet PDF (text via pdftotext: Vietnamese names, header, table on every page), the blank
xlsx/CSV sheets, and that a filled-in blank sheet imports back."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from core import exporters
from courses.models import DirectivePage
from learning.models import Attendance
from learning.services.attendance import attendance_import, attendance_record
from learning.services.sessions import session_create
from tests.factories import EmployeeFactory, make_agency, make_unit
from tests.learning.compliance_helpers import make_campaign, make_directive

pytestmark = pytest.mark.django_db

NAMES = ["Nguyễn Thị Hồng Nhung", "Trần Thị Thu Hương", "Đặng Quốc Bảo", "Huỳnh Ngọc Diễm", "Lê Văn Ưng"]


@pytest.fixture
def session():
    agency = make_agency()
    qlcn = make_unit(agency, "QLCN", "Phòng Quản lý Công nghiệp")
    kh = make_unit(agency, "KHTC", "Phòng Kế hoạch - Tài chính")
    d23 = make_directive("23-QĐ/TW")
    d33 = make_directive("33/CT-TTg")
    campaign = make_campaign(agency, [d23, d33])
    for i, name in enumerate(NAMES):
        EmployeeFactory(agency=agency, unit=qlcn if i % 2 else kh, employee_code=f"SCT{i:04d}", full_name=name,
                        position="Chuyên viên" if i else "Trưởng phòng")
    for i in range(40):  # enough for a second page
        EmployeeFactory(agency=agency, unit=qlcn, employee_code=f"SCT1{i:03d}", full_name=f"Phạm Minh Tuấn {i}")
    return session_create(campaign=campaign, title="Hội nghị học tập, quán triệt Quyết định 23-QĐ/TW",
                          date=dt.date(2024, 2, 5), directives=[d23, d33], start_time=dt.time(7, 30),
                          end_time=dt.time(11), location="Hội trường Sở Công Thương")


def _text(pdf: bytes, tmp_path) -> list[str]:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout
    if os.environ.get("KEEP_PDF"):
        shutil.copy(path, os.environ["KEEP_PDF"])
    return out.split("\f")


def _flat(pdf: bytes, tmp_path) -> str:
    """The text in drawing order with whitespace collapsed: a name wrapped in its cell reads whole."""
    path = tmp_path / "flat.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True, text=True).stdout
    return " ".join(out.split())


def test_signin_sheet_pdf_in_administrative_style(session, tmp_path):
    rendered = exporters.get("session-signin-sheet").render(session=session)
    assert rendered.mimetype == "application/pdf" and rendered.filename.endswith("-ky-ten.pdf")
    pages = [p for p in _text(rendered.content, tmp_path) if p.strip()]
    first = pages[0]
    assert "SỞ CÔNG THƯƠNG TÂY NINH" not in first  # the agency is named as in every other document
    for text in ["UBND TỈNH TÂY NINH", "SỞ CÔNG THƯƠNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Tây Ninh, ngày 05 tháng 02 năm 2024", "DANH SÁCH KÝ TÊN",
                 "Hội nghị học tập, quán triệt Quyết định 23-QĐ/TW", "Từ 07 giờ 30 đến 11 giờ 00, ngày 05/02/2024",
                 "Hội trường Sở Công Thương", "23-QĐ/TW, 33/CT-TTg", "Họ và tên", "Chức vụ", "Ký tên"]:
        assert text in first, text
    flat = _flat(rendered.content, tmp_path)
    for name in NAMES:
        assert name in flat
    assert "Phòng Kế hoạch - Tài chính" in flat  # unit names may wrap inside their cell
    assert len(pages) >= 2
    assert all("Họ và tên" in page and "Ký tên" in page for page in pages)  # header row repeated
    assert "Tổng số: 45 người. Có mặt: ………; Đi muộn: ………; Vắng có lý do: ………; Vắng không lý do: ………." in flat
    assert "Mã cán bộ" in flat and "SCT0000" in first  # the staff code column
    last = pages[-1]
    assert "NGƯỜI LẬP DANH SÁCH" in last and "CHỦ TRÌ HỘI NGHỊ" in last


def test_attendance_list_variant_shows_statuses(session, tmp_path):
    person = session.campaign.agency.agency_staff.get(employee_code="SCT0002")
    attendance_record(session=session, employee=person, status="late", method="hr")
    rendered = exporters.get("session-signin-sheet").render(session=session, attendance=True)
    text = "\n".join(_text(rendered.content, tmp_path))
    assert "DANH SÁCH ĐIỂM DANH" in text and "Điểm danh" in text
    line = next(row for row in text.splitlines() if "Đặng Quốc Bảo" in row)
    assert "Đi muộn" in line
    assert ("Tổng số: 45 người. Có mặt: 0; Đi muộn: 1; Vắng có lý do: 0; Vắng không lý do: 0; Chưa điểm danh: 44."
            in _flat(rendered.content, tmp_path))


def _words(pdf: bytes, tmp_path) -> list[list[tuple[float, float, float, float, str]]]:
    """Each page's words with their boxes (pdftotext -bbox)."""
    import html
    import re

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "words.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True, text=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        pages.append([(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)])
    return pages


def test_long_names_units_and_titles_wrap_without_overlap(session, tmp_path):
    agency = session.campaign.agency
    long_unit = make_unit(agency, "TTKC", "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp tỉnh Tây Ninh "
                                          "(đơn vị sự nghiệp công lập trực thuộc Sở)")
    EmployeeFactory(agency=agency, unit=long_unit, employee_code="SCT9001",
                    full_name="Tôn Nữ Hoàng Phương Thảo Nguyên Công Tằng Tôn Nữ Thị Minh Khai",
                    position="Phó Giám đốc Trung tâm kiêm Trưởng phòng Tư vấn, chuyển giao công nghệ")
    for attendance in (False, True):
        pdf = exporters.get("session-signin-sheet").render(session=session, attendance=attendance).content
        pages = _words(pdf, tmp_path)
        text = " ".join(word for page in pages for *_, word in page)
        for fragment in ("Tằng", "Khai", "(đơn", "Sở)", "kiêm", "nghệ", "SCT9001"):
            assert fragment in text, fragment
        for words in pages:
            for i, (x0, y0, x1, y1, w) in enumerate(words):
                for a0, b0, a1, b1, v in words[i + 1:]:
                    overlap_x = min(x1, a1) - max(x0, a0)
                    overlap_y = min(y1, b1) - max(y0, b0)
                    assert not (overlap_x > 0.5 and overlap_y > 0.5), f"{w!r} overlaps {v!r}"


def test_signature_blocks_never_alone_on_a_page(session, tmp_path):
    """Whatever the number of rows, the last page holds table rows as well as both signature blocks."""
    agency = session.campaign.agency
    unit = agency.get_children().first()
    for extra in range(14):
        pdf = exporters.get("session-signin-sheet").render(session=session).content
        pages = [p for p in _text(pdf, tmp_path) if p.strip()]
        last = pages[-1]
        assert "NGƯỜI LẬP DANH SÁCH" in last and "CHỦ TRÌ HỘI NGHỊ" in last and "Tổng số:" in last
        assert re.search(r"^\s*\d+\s+SCT\d+", last, re.M), f"{45 + extra} rows: the signatures are alone"
        EmployeeFactory(agency=agency, unit=unit, employee_code=f"SCT8{extra:03d}", full_name=f"Võ Thị Thêm {extra}")


def test_blank_xlsx_sheet_fills_in_and_imports_back(session):
    rendered = exporters.get("session-attendance-sheet-xlsx").render(session=session)
    workbook = load_workbook(io.BytesIO(rendered.content))
    sheet = workbook.active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Mã cán bộ", "Họ và tên", "Đơn vị", "Chức vụ", "Trạng thái", "Ghi chú")
    assert len(rows) == 46 and {r[1] for r in rows[1:]} >= set(NAMES)
    assert sheet.data_validations.dataValidation[0].formula1 == '"Có mặt,Đi muộn,Vắng có lý do,Vắng"'
    for number, row in enumerate(sheet.iter_rows(min_row=2), start=0):
        row[4].value = ["Có mặt", "Đi muộn", "Vắng có lý do", "Vắng"][number % 4]
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = attendance_import(session=session, file=buffer.getvalue(), filename="filled.xlsx")
    assert result.created == 45
    assert Attendance.objects.filter(status="late").count() == 11


def test_blank_csv_sheet_has_bom_and_import_columns(session):
    rendered = exporters.get("session-attendance-sheet-csv").render(session=session)
    text = rendered.content.decode("utf-8")
    assert text.startswith("\ufeffMã cán bộ,Họ và tên,Đơn vị,Chức vụ,Trạng thái,Ghi chú\n")
    assert "SCT0000,Nguyễn Thị Hồng Nhung,Phòng Kế hoạch - Tài chính,Trưởng phòng,," in text


def test_directives_issued_the_same_day_are_named_in_page_tree_order(session):
    from learning.selectors.sessions import session_directive_numbers

    first, second = session.directives.order_by("path")
    # Linked again, the first page's link row comes last in its table (and in a plain join's
    # output), and its page row too: the order must follow neither.
    session.directives.remove(first)
    DirectivePage.objects.filter(pk=first.pk).update(subject=first.subject + " ")
    session.directives.add(first)
    assert session_directive_numbers(session) == f"{first.number}, {second.number}" == "23-QĐ/TW, 33/CT-TTg"
