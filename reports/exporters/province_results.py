"""The province's published results table of a year (agencies × self-score × reviewed score ×
rating) as xlsx and CSV (Vietnamese headings; the CSV with a BOM so that Excel reads it)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.utils.translation import gettext as _

from core.choices import choice_label
from core.exporters import safe_cell
from core.spreadsheets import styled_workbook, with_bom
from reports.models import ResultsPublication, SubmissionStatus

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"


def status_label(status: str) -> str:
    if status == "not_submitted":
        return _("Chưa gửi")
    return str(choice_label(SubmissionStatus, status))


def headings() -> list[str]:
    return [_("Mã"), _("Cơ quan"), _("Tự chấm"), _("Điểm thẩm định"), _("Điểm tối đa"), _("Xếp loại"),
            _("Tình trạng")]


def _number(value):
    return None if value in (None, "") else float(Decimal(value))


def table_rows(publication: ResultsPublication) -> list[list]:
    return [[r["agency_code"], r["agency"], _number(r["self_total"]), _number(r["reviewed_total"]),
             _number(r["total_max"]), r["rating"], status_label(r["status"])] for r in publication.rows]


def results_xlsx(publication: ResultsPublication) -> tuple[str, str, bytes]:
    title = _("Kết quả thẩm định công tác dân vận chính quyền năm %(year)s — %(province)s") % {
        "year": publication.year, "province": publication.province.name}
    content = styled_workbook(title=title, headings=headings(), rows=table_rows(publication),
                              sheet=_("Kết quả %(year)s") % {"year": publication.year})
    return f"ket-qua-tham-dinh-{publication.province.code}-{publication.year}.xlsx", XLSX, content


def results_csv(publication: ResultsPublication) -> tuple[str, str, bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headings())
    for row in table_rows(publication):
        writer.writerow(["" if v is None else (f"{v:g}".replace(".", ",") if isinstance(v, float) else safe_cell(v))
                         for v in row])
    content = with_bom(buffer.getvalue().encode("utf-8"), CSV)
    return f"ket-qua-tham-dinh-{publication.province.code}-{publication.year}.csv", CSV, content
