"""The reflections list as a file: the grader's queue, as shown, as CSV (with a BOM: the download
view adds it) or a styled workbook (core.spreadsheets)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.utils.translation import gettext as _

from core.exporters import safe_cell
from core.spreadsheets import styled_workbook
from reflections.models import Reflection, ReflectionReview
from reflections.originality import estimate


def headings() -> list[str]:
    return [_("Mã cán bộ"), _("Họ và tên"), _("Đơn vị"), _("Kế hoạch"), _("Văn bản"), _("Trạng thái"),
            _("Ngày nộp"), _("Số từ"), _("Tệp đính kèm"), _("Điểm"), _("Người chấm"), _("Ngày chấm"),
            _("Nhận xét gần nhất"), _("Giống bài khác nhất (%)")]


def highest_similarity(rows: list[Reflection]) -> dict[int, int]:
    """reflection id → the highest estimated similarity (%) to another submitted reflection of its
    campaign (whoever wrote it): one read of signatures per campaign."""
    found: dict[int, int] = {}
    for campaign_id in {r.campaign_id for r in rows}:
        others = list(Reflection.objects.filter(campaign_id=campaign_id).exclude(signature=[])
                      .values_list("pk", "signature"))
        for row in rows:
            if row.campaign_id != campaign_id or not row.signature:
                continue
            best = max((estimate(row.signature, sig) for pk, sig in others if pk != row.pk), default=0.0)
            found[row.pk] = round(100 * best)
    return found


def _grader_name(user) -> str:
    employee = getattr(user, "employee", None) if user is not None else None
    return getattr(employee, "full_name", "") or user.get_full_name() or user.username


def _rows(reflections: Iterable[Reflection]) -> list[list]:
    rows = list(reflections)
    last_comment: dict[int, str] = {}
    for review in ReflectionReview.objects.filter(reflection__in=[r.pk for r in rows]).order_by("created_at", "id"):
        if review.comment:
            last_comment[review.reflection_id] = review.comment
    similarity = highest_similarity(rows)
    return [[
        r.employee.employee_code, r.employee.full_name, r.employee.unit.name if r.employee.unit_id else "",
        r.campaign.title, r.directive.number, r.get_status_display(), r.submitted_on, len(r.text.split()),
        r.file_name, float(r.score) if r.score is not None else None,
        _grader_name(r.graded_by) if r.graded_by_id else "",
        r.graded_at, last_comment.get(r.pk, ""), similarity.get(r.pk),
    ] for r in rows]


def reflections_xlsx(reflections: Iterable[Reflection], *, title: str) -> bytes:
    return styled_workbook(title=title, headings=headings(), rows=_rows(reflections), sheet=_("Bài thu hoạch"))


def _text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "hour"):
        from django.utils import timezone

        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return safe_cell(str(value))


def reflections_csv(reflections: Iterable[Reflection]) -> bytes:
    """CSV without BOM (the download view adds it with core.spreadsheets.with_bom)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headings())
    for row in _rows(reflections):
        writer.writerow([_text(v) for v in row])
    return out.getvalue().encode("utf-8")
