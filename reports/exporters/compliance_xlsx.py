"""The compliance workbook: "Tổng hợp" (unit × requirement %, counts, totals, the 100% target
highlighted) and "Chi tiết" (one row per person and requirement), both set up for printing.

The table comes in slices of whole people (`compliance_table_slices`): each slice's detail rows go
to XlsxWriter, which streams them to disk in constant memory (100,000 people × 19 requirements is
1.9 million rows), and its figures are added up (`TableFigures`); the summary sheet, first in the
workbook, is written last from those sums. The table is never whole in memory.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable

import pandas as pd
import xlsxwriter

from core.exporters import neutralise_codes, neutralise_text
from learning.models import Campaign
from learning.selectors.summaries import TableFigures, rates_by_unit
from learning.statuses import PEOPLE_RATE, PEOPLE_RATE_HELP, ROWS_RATE, ROWS_RATE_HELP, STATUSES
from org.models import OrgUnit

from .compliance_labels import CATEGORY_LABELS, STATUS_LABELS, TARGET_PERCENT, evidence_labels

SUMMARY_SHEET = "Tổng hợp"
DETAIL_SHEET = "Chi tiết"
UNIT_TABLE_ROW = 6  # 1-based row of the unit table's header on the summary sheet
TARGET_GREEN, TARGET_TEXT = "#C6EFCE", "#006100"  # Excel's "good" style
HEADER_BLUE = "#D9E1F2"
PERCENT_FORMAT = "0.0%"
DATE_FORMAT = "dd/mm/yyyy"
MAX_SHEET_ROWS = 1_048_575  # Excel's 1,048,576 rows less the header
A4 = 9  # XlsxWriter's paper code

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


# The groupings of the summary sheet's figures (`TableFigures`).
XLSX_GROUPINGS = (("unit_id", "unit"), ("unit_id", "requirement"), ("requirement",))


def unit_sheet_frame(figures: TableFigures) -> pd.DataFrame:
    """Unit × requirement: people, exempt, to study, done every requirement, the people rate and the
    rate of each requirement, with a totals row "Tổng cộng"."""
    units = figures.group("unit_id", "unit")
    requirements = figures.requirements()
    rates = rates_by_unit(figures.group("unit_id", "requirement"), requirements) if not figures.empty \
        else pd.DataFrame()
    overall = figures.overall
    by_requirement = figures.group("requirement").set_index("requirement")["rows_rate"]
    rows = []
    for number, values in enumerate(units.to_dict("records"), start=1):
        rows.append([number, values["unit"], values["people"], values["exempt_people"], values["counted_people"],
                     values["done_people"], _fraction(values["people_rate"]),
                     *[_fraction(rates.at[values["unit_id"], r]) for r in requirements]])
    rows.append(["", "Tổng cộng", overall.people, overall.exempt_people, overall.counted_people, overall.done_people,
                 _fraction(overall.people_rate), *[_fraction(by_requirement.get(r)) for r in requirements]])
    columns = ["STT", "Đơn vị", "Số người", "Miễn học", "Phải học", "Hoàn thành tất cả", str(PEOPLE_RATE),
               *[f"{r} (%)" for r in requirements]]
    frame = pd.DataFrame(rows, columns=columns)
    frame["Đơn vị"] = neutralise_text(frame["Đơn vị"])
    return frame


def requirement_sheet_frame(figures: TableFigures) -> pd.DataFrame:
    """Per requirement: count of each status and the rate of rows completed (exempt rows excluded)."""
    rows = []
    for number, values in enumerate(figures.group("requirement").to_dict("records"), start=1):
        rows.append([number, values["requirement"], *[int(values[s]) for s in STATUSES],
                     _fraction(values["rows_rate"])])
    totals = figures.overall
    rows.append(["", "Tổng cộng", *[getattr(totals, s) for s in STATUSES], _fraction(totals.rows_rate)])
    frame = pd.DataFrame(rows, columns=["STT", "Văn bản", *[str(STATUS_LABELS[s]) for s in STATUSES],
                                        str(ROWS_RATE)])
    frame["Văn bản"] = neutralise_codes(frame["Văn bản"])
    return frame


def detail_sheet_frame(table: pd.DataFrame) -> pd.DataFrame:
    detail = pd.DataFrame({
        "employee_code": neutralise_codes(table["employee_code"]),
        "full_name": neutralise_text(table["full_name"]),
        "unit": neutralise_text(table["unit"]),
        "category": table["category"].map({k: str(v) for k, v in CATEGORY_LABELS.items()}),
        "requirement": neutralise_codes(table["requirement"]),
        "status": table["status"].map({k: str(v) for k, v in STATUS_LABELS.items()}),
        "evidence": evidence_labels(table["evidence"]),
        "evidence_date": table["evidence_date"],
    })
    return detail.rename(columns=DETAIL_HEADERS)


class Formats:
    """The workbook's cell formats, made once (XlsxWriter shares them between cells)."""

    def __init__(self, book: xlsxwriter.Workbook):
        base = {"font_name": "Times New Roman", "font_size": 12}
        grid = {**base, "border": 1, "border_color": "#808080", "valign": "vcenter"}
        self.title = book.add_format({**base, "bold": True, "font_size": 14})
        self.bold = book.add_format({**base, "bold": True})
        self.italic = book.add_format({**base, "italic": True})
        self.plain = book.add_format(base)
        self.header = book.add_format({**grid, "bold": True, "bg_color": HEADER_BLUE, "align": "center",
                                       "text_wrap": True})
        self.cell = book.add_format(grid)
        self.cell_bold = book.add_format({**grid, "bold": True})
        self.percent = book.add_format({**grid, "num_format": PERCENT_FORMAT})
        self.percent_bold = book.add_format({**grid, "num_format": PERCENT_FORMAT, "bold": True})
        self.target = book.add_format({**grid, "num_format": PERCENT_FORMAT, "bold": True, "bg_color": TARGET_GREEN,
                                       "font_color": TARGET_TEXT})
        self.date = book.add_format({**base, "num_format": DATE_FORMAT})
        self.text = book.add_format(base)


def _print_setup(ws, title_row: int) -> None:
    """A4 landscape, fit to one page wide, the header row repeated on every page."""
    ws.set_paper(A4)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(title_row - 1)
    ws.center_horizontally()
    ws.set_footer("&CTrang &P/&N")


def _write_block(ws, f: Formats, first_row: int, frame: pd.DataFrame, percent_from: int) -> None:
    """A table at 1-based `first_row`: header, rows with % formats, the totals row (last) in bold,
    every cell at the 100% target in green."""
    ws.write_row(first_row - 1, 0, [str(c) for c in frame.columns], f.header)
    last = len(frame) - 1
    for index, values in enumerate(frame.itertuples(index=False, name=None)):
        row = first_row + index
        total = index == last
        for column, value in enumerate(values, start=1):
            value = None if isinstance(value, float) and pd.isna(value) else value
            if column >= percent_from:
                reached = isinstance(value, float) and value * 100 >= TARGET_PERCENT - 1e-9
                style = f.target if reached else (f.percent_bold if total else f.percent)
            else:
                style = f.cell_bold if total else f.cell
            if value is None or value == "":
                ws.write_blank(row, column - 1, None, style)
            else:
                ws.write(row, column - 1, value, style)


def _write_summary(ws, f: Formats, *, campaign: Campaign, as_of: dt.date, unit: OrgUnit | None,
                   units: pd.DataFrame, requirements: pd.DataFrame) -> None:
    for column, width in enumerate([6, 40, 10, 10, 10, 12, 12] + [13] * (units.shape[1] - 7)):
        ws.set_column(column, column, width)
    scope = f" — {unit.name}" if unit is not None else ""
    ws.write(0, 0, campaign.agency.name.upper(), f.bold)
    ws.write(1, 0, "TỔNG HỢP KẾT QUẢ HỌC TẬP, QUÁN TRIỆT" + scope.upper(), f.title)
    ws.write(2, 0, campaign.title, f.italic)
    ws.write(3, 0, f"Tính đến ngày {as_of:%d/%m/%Y}; hạn hoàn thành {campaign.due:%d/%m/%Y}. "
                   f"Chỉ tiêu: {TARGET_PERCENT:.0f}% (ô đạt chỉ tiêu tô màu xanh).", f.plain)
    ws.write(4, 0, f"{PEOPLE_RATE}: {PEOPLE_RATE_HELP}. {ROWS_RATE}: {ROWS_RATE_HELP}.", f.italic)
    _write_block(ws, f, UNIT_TABLE_ROW, units, percent_from=7)
    second = UNIT_TABLE_ROW + len(units) + 3
    ws.write(second - 2, 0, "Kết quả theo văn bản", f.bold)
    _write_block(ws, f, second, requirements, percent_from=requirements.shape[1])
    ws.freeze_panes(UNIT_TABLE_ROW, 2)
    _print_setup(ws, UNIT_TABLE_ROW)


def _detail_setup(ws, f: Formats, columns: list[str]) -> None:
    for column, width in enumerate([14, 28, 34, 16, 18, 18, 18, 16]):
        ws.set_column(column, column, width)
    ws.write_row(0, 0, columns, f.header)


def _detail_finish(ws, rows: int, width: int) -> None:
    ws.autofilter(0, 0, max(rows, 1), width - 1)
    ws.freeze_panes(1, 0)
    _print_setup(ws, 1)


def _write_detail_rows(ws, f: Formats, detail: pd.DataFrame, first_row: int) -> None:
    """`detail`'s rows from 1-based sheet row `first_row` on."""
    date_column = detail.shape[1] - 1
    # Plain lists zipped into rows: iterating pandas' string arrays (itertuples) costs a Python call
    # per cell, about a tenth of the sheet's time; the dates' datetimes are made once per day.
    texts = zip(*(detail.iloc[:, column].tolist() for column in range(date_column)), strict=True)
    days = detail.iloc[:, date_column].tolist()
    stamps = {day: dt.datetime(day.year, day.month, day.day) for day in set(days) if day is not None}
    write_row, write_datetime, date_format = ws.write_row, ws.write_datetime, f.date
    for row, (values, day) in enumerate(zip(texts, days, strict=True), start=first_row):
        write_row(row, 0, values)
        if day is not None:
            write_datetime(row, date_column, stamps[day], date_format)


class DetailSheets:
    """"Chi tiết", then "Chi tiết (2)"… when the rows exceed what one Excel sheet holds, written
    slice after slice: a sheet is added when the previous one is full."""

    def __init__(self, book: xlsxwriter.Workbook, f: Formats):
        self.book, self.f = book, f
        self.sheets = 0
        self.ws, self.rows = None, 0
        self.columns: list[str] = list(DETAIL_HEADERS.values())

    def _next_sheet(self) -> None:
        if self.ws is not None:
            _detail_finish(self.ws, self.rows, len(self.columns))
        self.sheets += 1
        name = DETAIL_SHEET if self.sheets == 1 else f"{DETAIL_SHEET} ({self.sheets})"
        self.ws, self.rows = self.book.add_worksheet(name), 0
        _detail_setup(self.ws, self.f, self.columns)

    def write(self, detail: pd.DataFrame) -> None:
        if self.ws is None:
            self._next_sheet()
        done = 0
        while done < len(detail):
            if self.rows == MAX_SHEET_ROWS:
                self._next_sheet()
            part = detail.iloc[done:done + MAX_SHEET_ROWS - self.rows]
            _write_detail_rows(self.ws, self.f, part, self.rows + 1)
            self.rows += len(part)
            done += len(part)

    def close(self) -> None:
        if self.ws is None:
            self._next_sheet()
        _detail_finish(self.ws, self.rows, len(self.columns))


def detail_sheet_names(rows: int) -> list[str]:
    """"Chi tiết", then "Chi tiết (2)"… when the rows exceed what one Excel sheet holds."""
    count = max(1, -(-rows // MAX_SHEET_ROWS))
    return [DETAIL_SHEET] + [f"{DETAIL_SHEET} ({n})" for n in range(2, count + 1)]


def compliance_workbook(*, campaign: Campaign, as_of: dt.date, unit: OrgUnit | None,
                        slices: Iterable[pd.DataFrame]) -> bytes:
    """The workbook of a table given in consecutive slices of whole people."""
    buffer = io.BytesIO()
    # constant_memory: each row goes to a temporary file as soon as it is complete; rows are
    # written in order within each sheet (the sheets themselves in any order).
    book = xlsxwriter.Workbook(buffer, {"constant_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    f = Formats(book)
    summary_sheet = book.add_worksheet(SUMMARY_SHEET)  # first in the workbook, written last
    figures = TableFigures(*XLSX_GROUPINGS)
    detail = DetailSheets(book, f)
    for part in slices:
        figures.add(part)
        detail.write(detail_sheet_frame(part))
    detail.close()
    _write_summary(summary_sheet, f, campaign=campaign, as_of=as_of, unit=unit,
                   units=unit_sheet_frame(figures), requirements=requirement_sheet_frame(figures))
    book.close()
    return buffer.getvalue()
