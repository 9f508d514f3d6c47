"""The compliance workbook: "Tổng hợp" (unit × requirement %, counts, totals, the 100% target
highlighted) and "Chi tiết" (one row per person and requirement), both set up for printing.

Tables are pandas DataFrames; openpyxl streams them (write-only workbook) with the formatting.
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from learning.models import Campaign, OrgUnit
from learning.selectors.compliance import STATUSES, overall_summary, requirement_summary, unit_summary

from .compliance_labels import (
    CATEGORY_LABELS,
    EVIDENCE_LABELS,
    STATUS_LABELS,
    TARGET_PERCENT,
    neutralise_code,
    neutralise_text,
)

SUMMARY_SHEET = "Tổng hợp"
DETAIL_SHEET = "Chi tiết"
UNIT_TABLE_ROW = 6  # 1-based row of the unit table's header on the summary sheet
TARGET_FILL = PatternFill("solid", fgColor="C6EFCE")  # Excel's "good" green
TARGET_FONT = Font(bold=True, color="006100")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
PERCENT_FORMAT = "0.0%"
DATE_FORMAT = "DD/MM/YYYY"
MAX_SHEET_ROWS = 1_048_575  # Excel's 1,048,576 rows less the header
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)

DETAIL_HEADERS = {
    "employee_code": "Mã cán bộ [employee_code]",
    "full_name": "Họ và tên [full_name]",
    "unit": "Đơn vị [unit]",
    "category": "Loại [category]",
    "requirement": "Văn bản [requirement]",
    "status": "Trạng thái [status]",
    "evidence": "Minh chứng [evidence]",
    "evidence_date": "Ngày minh chứng [evidence_date]",
}


def _fraction(percent) -> float | None:
    return None if pd.isna(percent) else float(percent) / 100.0


def unit_sheet_frame(table: pd.DataFrame) -> pd.DataFrame:
    """Unit × requirement: people, exempt, to study, done every requirement, % and % per requirement,
    with a totals row "Tổng cộng"."""
    units = unit_summary(table)
    requirements = list(dict.fromkeys(table["requirement"]))
    overall = overall_summary(table)
    by_requirement = requirement_summary(table).set_index("requirement")["percent"]
    rows = []
    for number, values in enumerate(units.to_dict("records"), start=1):
        rows.append([number, values["unit"], values["people"], values["exempt"], values["counted"],
                     values["done_all"], _fraction(values["percent"]),
                     *[_fraction(values[r]) for r in requirements]])
    rows.append(["", "Tổng cộng", overall["people"], overall["exempt_people"], overall["counted"], overall["done_all"],
                 _fraction(overall["percent_people"]), *[_fraction(by_requirement.get(r)) for r in requirements]])
    columns = ["STT", "Đơn vị", "Số người", "Miễn học", "Phải học", "Hoàn thành tất cả", "Tỷ lệ hoàn thành",
               *[f"{r} (%)" for r in requirements]]
    frame = pd.DataFrame(rows, columns=columns)
    frame["Đơn vị"] = neutralise_text(frame["Đơn vị"])
    return frame


def requirement_sheet_frame(table: pd.DataFrame) -> pd.DataFrame:
    """Per requirement: count of each status and the completion % (exempt rows excluded)."""
    summary = requirement_summary(table)
    rows = []
    for number, values in enumerate(summary.to_dict("records"), start=1):
        rows.append([number, neutralise_code(values["requirement"]), *[int(values[s]) for s in STATUSES],
                     _fraction(values["percent"])])
    totals = overall_summary(table)
    rows.append(["", "Tổng cộng", *[totals[s] for s in STATUSES], _fraction(totals["percent_cells"])])
    return pd.DataFrame(rows, columns=["STT", "Văn bản", *[str(STATUS_LABELS[s]) for s in STATUSES],
                                       "Tỷ lệ hoàn thành"])


def detail_sheet_frame(table: pd.DataFrame) -> pd.DataFrame:
    detail = pd.DataFrame({
        "employee_code": table["employee_code"].map(neutralise_code),
        "full_name": neutralise_text(table["full_name"]),
        "unit": neutralise_text(table["unit"]),
        "category": table["category"].map(lambda c: str(CATEGORY_LABELS.get(c, c))),
        "requirement": table["requirement"].map(neutralise_code),
        "status": table["status"].map(lambda s: str(STATUS_LABELS[s])),
        "evidence": table["evidence"].map(lambda e: str(EVIDENCE_LABELS.get(e, e))),
        "evidence_date": table["evidence_date"],
    })
    return detail.rename(columns=DETAIL_HEADERS)


def _print_setup(ws, title_rows: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "Trang &P/&N"


def _widths(ws, widths: list[float]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def _cell(ws, value, **style) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def _header_row(ws, columns) -> list[WriteOnlyCell]:
    return [_cell(ws, str(c), font=Font(bold=True), fill=HEADER_FILL, border=BORDER, alignment=HEADER_ALIGN)
            for c in columns]


def _block_rows(ws, frame: pd.DataFrame, percent_from: int):
    """Data rows with borders and % formats; the totals row (last) in bold; every cell at the
    100% target in green."""
    last = len(frame) - 1
    for index, values in enumerate(frame.itertuples(index=False, name=None)):
        row = []
        for column, value in enumerate(values, start=1):
            value = None if isinstance(value, float) and pd.isna(value) else value
            style = {"border": BORDER}
            bold = index == last
            if column >= percent_from:
                style["number_format"] = PERCENT_FORMAT
                if isinstance(value, float) and value * 100 >= TARGET_PERCENT - 1e-9:
                    style["fill"] = TARGET_FILL
                    style["font"] = Font(bold=bold, color=TARGET_FONT.color)
            if bold and "font" not in style:
                style["font"] = Font(bold=True)
            row.append(_cell(ws, value, **style))
        yield row


def _write_summary(ws, *, campaign: Campaign, as_of: dt.date, unit: OrgUnit | None, units: pd.DataFrame,
                   requirements: pd.DataFrame) -> None:
    _widths(ws, [6, 40, 10, 10, 10, 12, 12] + [13] * (units.shape[1] - 7))
    ws.freeze_panes = f"C{UNIT_TABLE_ROW + 1}"
    _print_setup(ws, f"{UNIT_TABLE_ROW}:{UNIT_TABLE_ROW}")
    scope = f" — {unit.name}" if unit is not None else ""
    ws.append([_cell(ws, campaign.agency.name.upper(), font=Font(bold=True))])
    ws.append([_cell(ws, "TỔNG HỢP KẾT QUẢ HỌC TẬP, QUÁN TRIỆT" + scope.upper(), font=Font(bold=True, size=14))])
    ws.append([_cell(ws, campaign.title, font=Font(italic=True))])
    ws.append([f"Tính đến ngày {as_of:%d/%m/%Y}; hạn hoàn thành {campaign.due:%d/%m/%Y}. "
               f"Chỉ tiêu: {TARGET_PERCENT:.0f}% (ô đạt chỉ tiêu tô màu xanh)."])
    ws.append([])
    ws.append(_header_row(ws, units.columns))  # row UNIT_TABLE_ROW
    for row in _block_rows(ws, units, percent_from=7):
        ws.append(row)
    ws.append([])
    ws.append([_cell(ws, "Kết quả theo văn bản", font=Font(bold=True))])
    ws.append(_header_row(ws, requirements.columns))
    for row in _block_rows(ws, requirements, percent_from=requirements.shape[1]):
        ws.append(row)


def _write_detail(ws, detail: pd.DataFrame) -> None:
    _widths(ws, [14, 28, 34, 16, 18, 18, 18, 16])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(detail.shape[1])}{len(detail) + 1}"
    _print_setup(ws, "1:1")
    ws.append(_header_row(ws, detail.columns))
    date_column = detail.shape[1] - 1
    for values in detail.itertuples(index=False, name=None):
        row = list(values)
        if row[date_column] is not None:
            row[date_column] = _cell(ws, row[date_column], number_format=DATE_FORMAT)
        ws.append(row)


def detail_sheet_names(rows: int) -> list[str]:
    """"Chi tiết", then "Chi tiết (2)"… when the rows exceed what one Excel sheet holds."""
    count = max(1, -(-rows // MAX_SHEET_ROWS))
    return [DETAIL_SHEET] + [f"{DETAIL_SHEET} ({n})" for n in range(2, count + 1)]


def compliance_workbook(*, campaign: Campaign, as_of: dt.date, unit: OrgUnit | None, table: pd.DataFrame) -> bytes:
    """Streamed (write-only) so that 30,000 people × 19 requirements stay within a small memory."""
    workbook = Workbook(write_only=True)
    _write_summary(workbook.create_sheet(SUMMARY_SHEET), campaign=campaign, as_of=as_of, unit=unit,
                   units=unit_sheet_frame(table), requirements=requirement_sheet_frame(table))
    detail = detail_sheet_frame(table)
    for index, name in enumerate(detail_sheet_names(len(detail))):
        part = detail.iloc[index * MAX_SHEET_ROWS:(index + 1) * MAX_SHEET_ROWS]
        _write_detail(workbook.create_sheet(name), part)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
