"""Spreadsheets people open in Excel: styled list workbooks, CSV with a BOM from the web."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from core.spreadsheets import BOM, styled_workbook, with_bom
from org import roles
from tests.factories import EmployeeFactory, give_role


def test_styled_workbook_has_title_frozen_header_filters_widths_and_dates():
    rows = [["Nguyễn Văn An", dt.date(2024, 10, 31), 3, "=HYPERLINK(\"http://x\")"],
            ["Trần Thị Bình Minh Khai Tường Vy", dt.date(2024, 11, 1), 4, "ok"]]
    content = styled_workbook(title="Danh sách cán bộ", headings=["Họ và tên", "Ngày", "Số", "Ghi chú"], rows=rows)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert sheet["A1"].value.startswith("Danh sách cán bộ — xuất lúc ") and sheet["A1"].font.b
    assert [c.value for c in sheet[2]] == ["Họ và tên", "Ngày", "Số", "Ghi chú"] and sheet["A2"].font.b
    assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref == "A2:D4"
    assert sheet["B3"].number_format == "dd/mm/yyyy" and sheet["B3"].value.date() == dt.date(2024, 10, 31)
    assert sheet["D3"].value == "'=HYPERLINK(\"http://x\")"  # text, never a live formula
    assert sheet.column_dimensions["A"].width > sheet.column_dimensions["C"].width


def test_with_bom_only_for_csv_and_only_once():
    assert with_bom(b"a,b\n", "text/csv; charset=utf-8") == BOM.encode() + b"a,b\n"
    assert with_bom(BOM.encode() + b"a\n", "text/csv") == BOM.encode() + b"a\n"
    assert with_bom(b"%PDF", "application/pdf") == b"%PDF"


@pytest.mark.django_db
def test_every_admin_listing_exports_a_styled_workbook_and_a_csv_with_bom(client):
    hr = EmployeeFactory(full_name="Lê Văn Tám")
    give_role(hr.user, roles.HR)
    client.force_login(hr.user)
    index = reverse("org_employee:index")
    csv_body = b"".join(client.get(index + "?export=csv").streaming_content)
    assert csv_body.startswith(BOM.encode()) and "Lê Văn Tám" in csv_body.decode("utf-8-sig")
    response = client.get(index + "?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref and sheet.title != "Sheet1"
    assert any("Lê Văn Tám" == c.value for row in sheet.iter_rows(min_row=3) for c in row)
