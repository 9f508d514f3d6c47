"""Spreadsheets people open in Excel (docs/architecture.md, "Spreadsheets").

- CSV from the web carries a UTF-8 byte order mark: without it Excel on Windows reads the file as
  the ANSI code page and garbles every diacritic. The contract CSV written by the commands has none
  (docs/contract.md): `with_bom` is applied by the download views only.
- Every list the admin exports ("Tải xuống CSV/XLSX" of Wagtail's listings, ours and Wagtail's own
  reports) is written by `styled_workbook`: a title row (what the list is and when it was taken), a
  bold frozen header with filters, column widths that fit, dates as dd/mm/yyyy, text neutralised
  against formula injection. `install()` puts both into Wagtail's SpreadsheetExportMixin once, at
  start-up, so that no listing can be forgotten.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from core.exporters import safe_cell

BOM = "\ufeff"
WIDTH_SAMPLE = 500  # rows looked at to size the columns
MAX_WIDTH = 60


def with_bom(content: bytes, mimetype: str) -> bytes:
    """`content` with a UTF-8 BOM when it is CSV and has none."""
    if mimetype.startswith("text/csv") and not content.startswith(BOM.encode()):
        return BOM.encode() + content
    return content


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, (int, float, dt.date)) or value is None:
        return value
    return safe_cell(str(value))


def _width(value: Any) -> int:
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def styled_workbook(*, title: str, headings: Sequence[str], rows: Iterable[Sequence[Any]], sheet: str = "") -> bytes:
    """An xlsx of one sheet: title row, header row (bold, frozen, filters), data rows; constant memory."""
    import xlsxwriter

    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True, "in_memory": True})
    worksheet = workbook.add_worksheet((sheet or title)[:31].translate({ord(c): " " for c in "[]:*?/\\"}))
    bold_title = workbook.add_format({"bold": True, "font_size": 13})
    header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"})
    formats = {dt.datetime: workbook.add_format({"num_format": "dd/mm/yyyy hh:mm"}),
               dt.date: workbook.add_format({"num_format": "dd/mm/yyyy"})}
    rows = iter(rows)
    sample = [[_cell(v) for v in row] for _i, row in zip(range(WIDTH_SAMPLE), rows, strict=False)]
    widths = [len(h) for h in headings]
    for row in sample:
        for i, value in enumerate(row[: len(widths)]):
            widths[i] = max(widths[i], _width(value))
    for i, width in enumerate(widths):
        worksheet.set_column(i, i, min(MAX_WIDTH, width + 2))
    taken = timezone.localtime().strftime("%d/%m/%Y %H:%M")
    worksheet.write(0, 0, _("%(title)s — xuất lúc %(time)s") % {"title": title, "time": taken}, bold_title)
    for i, heading in enumerate(headings):
        worksheet.write(1, i, heading, header)
    count = 0
    for r, row in enumerate((*sample, *([_cell(v) for v in row] for row in rows)), start=2):
        count += 1
        for c, value in enumerate(row):
            fmt = formats.get(type(value))
            if value is None:
                continue
            worksheet.write(r, c, value, fmt) if fmt else worksheet.write(r, c, value)
    worksheet.freeze_panes(2, 0)
    worksheet.autofilter(1, 0, 1 + count, max(0, len(headings) - 1))
    workbook.close()
    return output.getvalue()


# --- Wagtail's listings --------------------------------------------------------------------------

def _listing_title(view) -> str:
    try:
        return str(view.get_page_title())
    except Exception:  # noqa: BLE001 - a title is a nicety; the export must not fail for it
        return str(getattr(view, "page_title", "") or _("Danh sách"))


def _write_xlsx(self, queryset, output):
    fields = list(self.list_export)
    headings = [self.get_heading(queryset, field) for field in fields]

    def rows():
        for item in queryset:
            values = self.to_row_dict(item)
            yield [self.preprocess_field_value(field, values.get(field), self.FORMAT_XLSX) for field in fields]

    output.write(styled_workbook(title=_listing_title(self), headings=headings, rows=rows()))


def _stream_csv(self, queryset, _original=None):
    yield BOM
    yield from _original(self, queryset)


def install() -> None:
    """Make every Wagtail listing export a styled workbook and a CSV with a BOM (called once from
    CoreConfig.ready)."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "_office_spreadsheets", False):
        return
    original = SpreadsheetExportMixin.stream_csv
    SpreadsheetExportMixin.write_xlsx = _write_xlsx
    SpreadsheetExportMixin.stream_csv = lambda self, queryset: _stream_csv(self, queryset, _original=original)
    SpreadsheetExportMixin._office_spreadsheets = True
