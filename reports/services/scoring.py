"""The scoring dossier: criteria entered (or imported) by HR, self-scores with evidence, audited."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import DomainError, ImportRefused, Problem
from core.tables import Column, Table
from org.models import OrgUnit
from org.services.audit import audit_log
from reports.models import ScoringCriterion, SelfScore


class ScoreOutOfRange(DomainError):
    code = "score_out_of_range"


CRITERIA_COLUMNS = [
    Column("code", "Mã tiêu chí", required=True, aliases=("Mã", "Tiêu chí")),
    Column("text", "Nội dung", required=True, aliases=("Nội dung tiêu chí",)),
    Column("max_points", "Điểm tối đa", required=True, aliases=("Điểm chuẩn",)),
    Column("order", "Thứ tự", required=False),
    Column("source", "Căn cứ", required=False),
]


def self_score_validate(*, criterion: ScoringCriterion, points) -> Decimal:
    try:
        value = Decimal(str(points))
    except (InvalidOperation, ValueError) as exc:
        raise ScoreOutOfRange(_("Điểm tự chấm phải là một số")) from exc
    if value < 0 or value > criterion.max_points:
        raise ScoreOutOfRange(
            _("Điểm tự chấm %(points)s vượt quá điểm tối đa %(max)s của tiêu chí %(code)s")
            % {"points": value, "max": criterion.max_points, "code": criterion.code}
        )
    return value


def _score_snapshot(score: SelfScore) -> dict:
    return {"points": str(score.points), "comment": score.comment,
            "evidence": sorted(e.document_id for e in score.evidence.all())}


def self_score_save(*, score: SelfScore, actor, save: Callable[[], object] | None = None) -> SelfScore:
    """Create or update a self-score (points ≤ the criterion's maximum) and log before/after.
    `save` is what writes it (the admin form's save, which also writes the inline evidence)."""
    score.points = self_score_validate(criterion=score.criterion, points=score.points)
    with transaction.atomic():
        before = None
        if score.pk:
            before = _score_snapshot(SelfScore.objects.select_for_update().get(pk=score.pk))
        score.scored_by = actor if getattr(actor, "is_authenticated", False) else None
        (save or score.save)()
        score = SelfScore.objects.select_related("criterion").get(pk=score.pk)
        audit_log(actor=actor, action="self_score.create" if before is None else "self_score.update", obj=score,
                  before=before, after=_score_snapshot(score))
    return score


@dataclass(frozen=True)
class CriteriaImportResult:
    created: int
    updated: int
    unchanged: int

    def line(self) -> str:
        return f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}"


def _parse_criteria(table: Table) -> tuple[list[dict], list[Problem]]:
    problems, rows, seen = [], [], {}
    for row in table.rows:
        code = row.text("code")
        text = row.text("text")
        if not code:
            problems.append(Problem("mã tiêu chí trống", row.number, "Mã tiêu chí"))
        elif code in seen:
            problems.append(Problem(f'mã "{code}" lặp lại (dòng {seen[code]})', row.number, "Mã tiêu chí"))
        else:
            seen[code] = row.number
        if not text:
            problems.append(Problem("nội dung trống", row.number, "Nội dung"))
        raw = row.text("max_points").replace(",", ".")
        try:
            max_points = Decimal(raw)
            if max_points < 0:
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            problems.append(Problem(f'"{raw}" không phải số điểm hợp lệ', row.number, "Điểm tối đa"))
            max_points = None
        order_text = row.text("order")
        order = row.number - 1
        if order_text:
            try:
                order = int(float(order_text))
            except ValueError:
                problems.append(Problem(f'"{order_text}" không phải số thứ tự', row.number, "Thứ tự"))
        rows.append({"code": code, "text": text, "max_points": max_points, "order": order,
                     "source": row.text("source")})
    return rows, problems


def criteria_import(*, agency: OrgUnit, year: int, table: Table, dry_run: bool = False,
                    actor=None) -> CriteriaImportResult:
    """All-or-nothing, idempotent import of a year's criteria; the code is the key."""
    rows, problems = _parse_criteria(table)
    if problems:
        raise ImportRefused(problems)
    created = updated = unchanged = 0
    with transaction.atomic():
        existing = {c.code: c for c in ScoringCriterion.objects.select_for_update().filter(agency=agency, year=year)}
        for data in rows:
            criterion = existing.get(data["code"])
            if criterion is None:
                ScoringCriterion.objects.create(agency=agency, year=year, **data)
                created += 1
                continue
            fields = ["text", "max_points", "order", "source"]
            if all(getattr(criterion, f) == data[f] for f in fields):
                unchanged += 1
                continue
            for f in fields:
                setattr(criterion, f, data[f])
            criterion.save()
            updated += 1
        result = CriteriaImportResult(created, updated, unchanged)
        if dry_run:
            transaction.set_rollback(True)
        elif created or updated:
            audit_log(actor=actor, action="scoring.criteria_import", obj=agency,
                      after={"year": year, **result.__dict__})
    return result
