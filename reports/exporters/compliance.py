"""The compliance report in three formats: CSV (CONTRACT.md, to the letter), xlsx (summary and
detail, for printing) and PDF (a BÁO CÁO in the format of Nghị định 30/2020/NĐ-CP).

All three render `compliance_table` slice by slice of people (`compliance_table_slices`: the
queries once, then one slice of rows at a time), so none holds the whole table of a large agency:
the CSV and the xlsx's detail stream each slice, the summaries of the xlsx and PDF are sums of each
slice's figures (`learning.selectors.summaries.TableFigures`).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import pandas as pd
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.evidence import evidence_label
from core.exporters import Exporter, Rendered, Scope, neutralise_codes, neutralise_text, register
from learning.models import Campaign
from learning.selectors.compliance import CSV_COLUMNS, compliance_table_slices
from learning.selectors.summaries import REPORT_SLICE_ROWS, TableFigures, report_figures
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
    """A table already computed, sliced anew at each iteration into slices of whole people of
    about `rows` rows, as `compliance_table_slices` gives them (the xlsx and PDF figures add up
    per-person flags slice by slice: a person's rows must not be split)."""

    def __init__(self, table: pd.DataFrame, rows: int):
        self.table, self.rows = table, rows

    def __iter__(self) -> Iterator[pd.DataFrame]:
        table = self.table
        if table.empty:
            yield table
            return
        ids = table["employee_id"].to_numpy()
        firsts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]])  # the first row of each person
        begin = 0
        while begin < len(table):
            after = np.searchsorted(firsts, begin + self.rows)
            end = int(firsts[after]) if after < len(firsts) else len(table)
            yield table.iloc[begin:end]
            begin = end


def _slices(*, campaign: Campaign, as_of: dt.date, unit: OrgUnit | None, table: pd.DataFrame | None,
            slices: Iterable[pd.DataFrame] | None, rows: int) -> Iterable[pd.DataFrame]:
    """The rows of an export in slices of whole people of about `rows` rows: the caller's slices
    (the evidence pack's, made once for its reports) or table, else the computation slice by slice
    (the queries run now; each download or write iterates again)."""
    if slices is not None:
        return slices
    if table is not None:
        return _TableInSlices(table, rows)
    return compliance_table_slices(campaign=campaign, as_of=as_of, unit=unit, rows=rows)


@register
class ComplianceCsv(Exporter):
    identifier = "compliance-csv"
    scope = Scope.CAMPAIGN
    format = "csv"
    family = "compliance"
    menu = 3
    verbose_name = _("Chi tiết tình hình học tập (CSV)")

    def render(self, *, campaign: Campaign, as_of: dt.date | None = None, unit: OrgUnit | None = None,
               table: pd.DataFrame | None = None, slices: Iterable[pd.DataFrame] | None = None,
               **_: Any) -> Rendered:
        as_of = _resolve(as_of)
        slices = _slices(campaign=campaign, as_of=as_of, unit=unit, table=table, slices=slices,
                         rows=CSV_CHUNK_ROWS)
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
               table: pd.DataFrame | None = None, slices: Iterable[pd.DataFrame] | None = None,
               **_: Any) -> Rendered:
        as_of = _resolve(as_of)
        slices = _slices(campaign=campaign, as_of=as_of, unit=unit, table=table, slices=slices,
                         rows=CSV_CHUNK_ROWS)
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
               table: pd.DataFrame | None = None, slices: Iterable[pd.DataFrame] | None = None,
               **_: Any) -> Rendered:
        as_of = _resolve(as_of)
        content = compliance_workbook(campaign=campaign, as_of=as_of, unit=unit,
                                      slices=_slices(campaign=campaign, as_of=as_of, unit=unit, table=table,
                                                     slices=slices, rows=REPORT_SLICE_ROWS))
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
               table: pd.DataFrame | None = None, slices: Iterable[pd.DataFrame] | None = None,
               figures: TableFigures | None = None, report_date: dt.date | None = None, **_: Any) -> Rendered:
        """`figures`: `report_figures` of the slices when the caller has them (the evidence pack
        shares them with the annual report)."""
        as_of = _resolve(as_of)
        if figures is None:
            figures = report_figures(_slices(campaign=campaign, as_of=as_of, unit=unit, table=table, slices=slices,
                                             rows=REPORT_SLICE_ROWS))
        document = ComplianceReportPdf(campaign=campaign, as_of=as_of, unit=unit, figures=figures,
                                       # dated the day of its figures when they are past, never later
                                       report_date=report_date or min(as_of, timezone.localdate()))
        return Rendered(report_filename(campaign, as_of, unit, "pdf"), "application/pdf", document.render())
