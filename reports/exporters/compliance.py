"""The compliance report in three formats: CSV (CONTRACT.md, to the letter), xlsx (summary and
detail, for printing) and PDF (a BÁO CÁO in the format of Nghị định 30/2020/NĐ-CP).

All three render `compliance_table` (one bulk computation); the tables of the xlsx and PDF are
pandas DataFrames derived from it (`unit_summary`, `requirement_summary`, `overall_summary`).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Iterator
from typing import Any

import pandas as pd
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.evidence import evidence_label
from core.exporters import Exporter, Rendered, Scope, neutralise_codes, neutralise_text, register
from learning.models import Campaign
from learning.selectors.compliance import CSV_COLUMNS, compliance_table, compliance_table_slices
from learning.statuses import status_label
from org.models import EmployeeCategory, OrgUnit

from .compliance_pdf import ComplianceReportPdf
from .compliance_xlsx import compliance_workbook


def report_filename(campaign: Campaign, as_of: dt.date, unit: OrgUnit | None, extension: str) -> str:
    scope = f"-{unit.code}" if unit is not None else ""
    return f"bao-cao-hoc-tap-{campaign.slug}{scope}-{as_of.isoformat()}.{extension}"


def csv_frame(table: pd.DataFrame) -> pd.DataFrame:
    """The CONTRACT CSV columns as text, neutralised against formula injection."""
    out = table[CSV_COLUMNS].copy()
    out["full_name"] = neutralise_text(out["full_name"])
    out["unit"] = neutralise_text(out["unit"])
    out["employee_code"] = neutralise_codes(out["employee_code"])
    out["requirement"] = neutralise_codes(out["requirement"])
    dates = out["evidence_date"]
    iso = {d: d.isoformat() for d in dates.dropna().unique()}
    out["evidence_date"] = dates.map(iso).astype(object).where(dates.notna(), "")
    return out


# Rows per chunk of a streamed CSV: ≈ 6 MB of text, a few MiB of frame; the file is never whole in memory.
CSV_CHUNK_ROWS = 50_000


def table_slices(table: pd.DataFrame, chunk_rows: int) -> Iterator[pd.DataFrame]:
    """A table in consecutive slices of `chunk_rows` rows (one, empty, when it is)."""
    for start in range(0, max(len(table), 1), chunk_rows):
        yield table.iloc[start:start + chunk_rows]


def csv_chunks_of(slices: Iterable[pd.DataFrame]) -> Iterator[bytes]:
    """The CONTRACT CSV of consecutive slices of a table as UTF-8 chunks (header first): each slice
    is converted and written on its own, so the memory used is one slice's whatever the number of
    staff. Slices of `compliance_table_slices` are computed one at a time: the table is never whole."""
    for index, part in enumerate(slices):
        buffer = io.StringIO()
        csv_frame(part).to_csv(buffer, index=False, header=index == 0, lineterminator="\n")
        yield buffer.getvalue().encode("utf-8")


def csv_chunks(table: pd.DataFrame, *, chunk_rows: int = CSV_CHUNK_ROWS) -> Iterator[bytes]:
    """`csv_chunks_of` a table already computed, `chunk_rows` rows at a time."""
    return csv_chunks_of(table_slices(table, chunk_rows))


def csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 without BOM, LF line ends, minimal quoting (RFC 4180 apart from the line end)."""
    return b"".join(csv_chunks(table))


VIETNAMESE_HEADINGS = ["Mã cán bộ", "Họ và tên", "Đơn vị", "Đối tượng", "Văn bản", "Trạng thái", "Minh chứng",
                       "Ngày minh chứng"]


def _vietnamese_frame(table: pd.DataFrame) -> pd.DataFrame:
    out = csv_frame(table)
    with translation.override("vi"):
        out["category"] = out["category"].map({c.value: str(c.label) for c in EmployeeCategory}).fillna(out["category"])
        out["status"] = out["status"].map({s: status_label(s) for s in out["status"].unique()})
        out["evidence"] = out["evidence"].map({e: evidence_label(e) if e else "" for e in out["evidence"].unique()})
    out["evidence_date"] = out["evidence_date"].map(lambda d: dt.date.fromisoformat(d).strftime("%d/%m/%Y") if d else "")
    out.columns = VIETNAMESE_HEADINGS
    return out


def vietnamese_csv_chunks_of(slices: Iterable[pd.DataFrame]) -> Iterator[bytes]:
    """The same rows as the CONTRACT CSV for people who open it in Excel: Vietnamese headings and
    labels, dates dd/mm/yyyy, a UTF-8 BOM (Excel on Windows reads diacritics right only with it);
    streamed slice by slice like `csv_chunks_of`."""
    for index, part in enumerate(slices):
        buffer = io.StringIO()
        if index == 0:
            buffer.write("\ufeff")
        _vietnamese_frame(part).to_csv(buffer, index=False, header=index == 0, lineterminator="\r\n")
        yield buffer.getvalue().encode("utf-8")


def vietnamese_csv_chunks(table: pd.DataFrame, *, chunk_rows: int = CSV_CHUNK_ROWS) -> Iterator[bytes]:
    return vietnamese_csv_chunks_of(table_slices(table, chunk_rows))


def vietnamese_csv_bytes(table: pd.DataFrame) -> bytes:
    return b"".join(vietnamese_csv_chunks(table))


def _resolve(as_of: dt.date | None) -> dt.date:
    return as_of or timezone.localdate()


class _TableInSlices:
    """A table already computed (the evidence pack's), sliced anew at each iteration."""

    def __init__(self, table: pd.DataFrame):
        self.table = table

    def __iter__(self) -> Iterator[pd.DataFrame]:
        return table_slices(self.table, CSV_CHUNK_ROWS)


def _slices(*, campaign: Campaign, as_of: dt.date, unit: OrgUnit | None,
            table: pd.DataFrame | None) -> Iterable[pd.DataFrame]:
    """The rows of a streamed CSV: the caller's table, else the computation slice by slice (the
    queries run now; each download or write iterates again)."""
    if table is not None:
        return _TableInSlices(table)
    return compliance_table_slices(campaign=campaign, as_of=as_of, unit=unit, rows=CSV_CHUNK_ROWS)


@register
class ComplianceCsv(Exporter):
    identifier = "compliance-csv"
    scope = Scope.CAMPAIGN
    format = "csv"
    family = "compliance"
    menu = 3
    verbose_name = _("Chi tiết tình hình học tập (CSV)")

    def render(self, *, campaign: Campaign, as_of: dt.date | None = None, unit: OrgUnit | None = None,
               table: pd.DataFrame | None = None, **_: Any) -> Rendered:
        as_of = _resolve(as_of)
        slices = _slices(campaign=campaign, as_of=as_of, unit=unit, table=table)
        return Rendered(report_filename(campaign, as_of, unit, "csv"), "text/csv; charset=utf-8",
                        chunks=lambda: csv_chunks_of(slices))


@register
class ComplianceCsvVietnamese(Exporter):
    identifier = "compliance-csv-vi"
    scope = Scope.CAMPAIGN
    format = "csv"
    # Its own family: in "compliance" it would take the "csv" slot of `compliance_report --format`
    # (family() maps each format to one exporter) and replace the contract CSV there.
    family = "compliance-vi"
    menu = 4
    verbose_name = _("Chi tiết tình hình học tập (CSV, bản tiếng Việt)")

    def render(self, *, campaign: Campaign, as_of: dt.date | None = None, unit: OrgUnit | None = None,
               table: pd.DataFrame | None = None, **_: Any) -> Rendered:
        as_of = _resolve(as_of)
        slices = _slices(campaign=campaign, as_of=as_of, unit=unit, table=table)
        filename = report_filename(campaign, as_of, unit, "csv").replace(".csv", "-tieng-viet.csv")
        return Rendered(filename, "text/csv; charset=utf-8", chunks=lambda: vietnamese_csv_chunks_of(slices))


@register
class ComplianceXlsx(Exporter):
    identifier = "compliance-xlsx"
    scope = Scope.CAMPAIGN
    format = "xlsx"
    family = "compliance"
    menu = 1
    verbose_name = _("Báo cáo tình hình học tập (Excel)")

    def render(self, *, campaign: Campaign, as_of: dt.date | None = None, unit: OrgUnit | None = None,
               table: pd.DataFrame | None = None, **_: Any) -> Rendered:
        as_of = _resolve(as_of)
        if table is None:
            table = compliance_table(campaign=campaign, as_of=as_of, unit=unit)
        content = compliance_workbook(campaign=campaign, as_of=as_of, unit=unit, table=table)
        return Rendered(report_filename(campaign, as_of, unit, "xlsx"),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content)


@register
class CompliancePdf(Exporter):
    identifier = "compliance-pdf"
    scope = Scope.CAMPAIGN
    format = "pdf"
    family = "compliance"
    menu = 2
    verbose_name = _("Báo cáo kết quả học tập, quán triệt (PDF)")

    def render(self, *, campaign: Campaign, as_of: dt.date | None = None, unit: OrgUnit | None = None,
               table: pd.DataFrame | None = None, report_date: dt.date | None = None, **_: Any) -> Rendered:
        as_of = _resolve(as_of)
        if table is None:
            table = compliance_table(campaign=campaign, as_of=as_of, unit=unit)
        document = ComplianceReportPdf(campaign=campaign, as_of=as_of, unit=unit, table=table,
                                       # dated the day of its figures when they are past, never later
                                       report_date=report_date or min(as_of, timezone.localdate()))
        return Rendered(report_filename(campaign, as_of, unit, "pdf"), "application/pdf", document.render())
