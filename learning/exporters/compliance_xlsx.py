"""The compliance workbook: "Tổng hợp" (unit × requirement %, counts, totals, the 100% target
highlighted) and "Chi tiết" (one row per person and requirement), both set up for printing.

Tables are pandas DataFrames written with `to_excel`; openpyxl only formats the cells.
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
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


def _print_setup(ws: Worksheet, title_rows: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "Trang &P/&N"


def _style_header(ws: Worksheet, row: int, width: int) -> None:
    for column in range(1, width + 1):
        cell = ws.cell(row=row, column=column)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _style_block(ws: Worksheet, first: int, last: int, width: int, percent_from: int) -> None:
    """Borders, % format, the totals row in bold, and every cell at the 100% target in green."""
    for row in ws.iter_rows(min_row=first, max_row=last, max_col=width):
        for cell in row:
            cell.border = BORDER
            if cell.column >= percent_from:
                cell.number_format = PERCENT_FORMAT
                if isinstance(cell.value, float) and cell.value * 100 >= TARGET_PERCENT - 1e-9:
                    cell.fill = TARGET_FILL
                    cell.font = TARGET_FONT
            if cell.row == last:
                cell.font = Font(bold=True, color=cell.font.color)


def _summary_heading(ws: Worksheet, *, campaign: Campaign, as_of: dt.date, unit: OrgUnit | None) -> None:
    agency = campaign.agency
    scope = f" — {unit.name}" if unit is not None else ""
    ws["A1"] = agency.name.upper()
    ws["A2"] = "TỔNG HỢP KẾT QUẢ HỌC TẬP, QUÁN TRIỆT" + scope.upper()
    ws["A3"] = campaign.title
    ws["A4"] = (f"Tính đến ngày {as_of:%d/%m/%Y}; hạn hoàn thành {campaign.due:%d/%m/%Y}. "
                f"Chỉ tiêu: {TARGET_PERCENT:.0f}% (ô đạt chỉ tiêu tô màu xanh).")
    ws["A1"].font = Font(bold=True)
    ws["A2"].font = Font(bold=True, size=14)
    ws["A3"].font = Font(italic=True)


def _widths(ws: Worksheet, widths: list[float]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def compliance_workbook(*, campaign: Campaign, as_of: dt.date, unit: OrgUnit | None, table: pd.DataFrame) -> bytes:
    units = unit_sheet_frame(table)
    requirements = requirement_sheet_frame(table)
    detail = detail_sheet_frame(table)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        units.to_excel(writer, sheet_name=SUMMARY_SHEET, startrow=UNIT_TABLE_ROW - 1, index=False)
        second = UNIT_TABLE_ROW + len(units) + 3
        requirements.to_excel(writer, sheet_name=SUMMARY_SHEET, startrow=second - 1, index=False)
        detail.to_excel(writer, sheet_name=DETAIL_SHEET, index=False)

        ws = writer.sheets[SUMMARY_SHEET]
        _summary_heading(ws, campaign=campaign, as_of=as_of, unit=unit)
        ws.cell(row=second - 1, column=1, value="Kết quả theo văn bản").font = Font(bold=True)
        _style_header(ws, UNIT_TABLE_ROW, units.shape[1])
        _style_block(ws, UNIT_TABLE_ROW + 1, UNIT_TABLE_ROW + len(units), units.shape[1], percent_from=7)
        _style_header(ws, second, requirements.shape[1])
        _style_block(ws, second + 1, second + len(requirements), requirements.shape[1],
                     percent_from=requirements.shape[1])
        _widths(ws, [6, 40, 10, 10, 10, 12, 12] + [13] * (units.shape[1] - 7))
        ws.freeze_panes = ws.cell(row=UNIT_TABLE_ROW + 1, column=3)
        _print_setup(ws, f"{UNIT_TABLE_ROW}:{UNIT_TABLE_ROW}")

        wd = writer.sheets[DETAIL_SHEET]
        _style_header(wd, 1, detail.shape[1])
        for (cell,) in wd.iter_rows(min_row=2, min_col=8, max_col=8):
            cell.number_format = "DD/MM/YYYY"
        _widths(wd, [14, 28, 34, 16, 18, 18, 18, 16])
        wd.freeze_panes = "A2"
        wd.auto_filter.ref = f"A1:{get_column_letter(detail.shape[1])}{len(detail) + 1}"
        _print_setup(wd, "1:1")
    return buffer.getvalue()
