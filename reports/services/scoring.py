"""The scoring dossier: criteria imported as a tree with rating bands, self-scores with evidence
(proposed by a live measure where a criterion names one), audited; submitted = locked."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import IO

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError, ImportRefused, Problem
from core.tables import Column, Table, read_table
from org.models import OrgUnit
from org.scoping import agency_object_required
from org.services.audit import audit_log
from reports.models import DossierStatus, RatingBand, ScoringCriterion, ScoringDossier, SelfScore, default_deadline
from reports.selectors.measures import MEASURE_KINDS, criterion_proposal, measure_campaign, measure_parse
from reports.selectors.scoring import scoring_sheet


class ScoreOutOfRange(DomainError):
    code = "score_out_of_range"


class DossierLocked(DomainError):
    code = "dossier_submitted"


CRITERIA_SHEET = "Tiêu chí"
RATINGS_SHEET = "Xếp loại"
CRITERIA_COLUMNS = [
    Column("code", "Mã", required=True, aliases=("Mã tiêu chí",)),
    Column("text", "Nội dung", required=True, aliases=("Nội dung tiêu chí",)),
    Column("max_points", "Điểm tối đa", required=True, aliases=("Điểm chuẩn",)),
    Column("guidance", "Hướng dẫn chấm", required=False),
    Column("measure", "Đo tự động", required=False),
    Column("source", "Căn cứ", required=False),
]
RATING_COLUMNS = [
    Column("rating", "Xếp loại", required=True),
    Column("min_points", "Từ điểm", required=True),
    Column("to_points", "Đến điểm", required=False),
]
CODE_PATTERN = re.compile(r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$")
TWO_PLACES = Decimal("0.01")


def _pts(value: Decimal) -> str:
    """30.00 → '30', 15.50 → '15.5' (as the sheet would show it)."""
    return f"{Decimal(value).normalize():f}"


# --- self-scores ------------------------------------------------------------------------------------


def dossier_for(*, agency: OrgUnit, year: int) -> ScoringDossier:
    """The agency's dossier of the year, created on first use with the default deadline."""
    dossier, _created = ScoringDossier.objects.get_or_create(
        agency=agency, year=year, defaults={"deadline": default_deadline(year)})
    return dossier


def _refuse_if_submitted(*, agency: OrgUnit, year: int) -> None:
    if ScoringDossier.objects.filter(agency=agency, year=year, status=DossierStatus.SUBMITTED).exists():
        raise DossierLocked(_("Hồ sơ tự chấm điểm năm %(year)s đã nộp: không sửa được nữa") % {"year": year})


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
    if criterion.pk and criterion.children.exists():
        raise ScoreOutOfRange(_("Tiêu chí %(code)s có tiêu chí con: điểm của nó là tổng điểm các tiêu chí con")
                              % {"code": criterion.code})
    return value


def self_score_check_override(*, criterion: ScoringCriterion, points: Decimal, proposed: Decimal | None,
                              reason: str) -> None:
    """A score other than the one the live measure proposes needs a reason."""
    if proposed is not None and points != proposed and not (reason or "").strip():
        raise ScoreOutOfRange(
            _("Điểm đề xuất từ số liệu là %(proposed)s: chấm %(points)s cần ghi lý do")
            % {"proposed": _pts(proposed), "points": _pts(points)})


def _score_snapshot(score: SelfScore) -> dict:
    return {"points": str(score.points), "comment": score.comment, "override_reason": score.override_reason,
            "proposed_points": None if score.proposed_points is None else str(score.proposed_points),
            "evidence": sorted([e.kind, str(e.linked.pk) if e.linked else ""] for e in score.evidence.all())}


def self_score_save(*, score: SelfScore, actor, save: Callable[[], object] | None = None) -> SelfScore:
    """Create or update a self-score (points ≤ the criterion's maximum; a reason when it departs from
    the live measure's proposal; never once the dossier is submitted) and log before/after.
    `save` is what writes it (the admin form's save, which also writes the inline evidence)."""
    agency_object_required(actor=actor, agency=score.criterion.agency_id)
    criterion = score.criterion
    score.points = self_score_validate(criterion=criterion, points=score.points)
    _refuse_if_submitted(agency=criterion.agency, year=criterion.year)
    score.proposed_points = criterion_proposal(criterion=criterion)
    self_score_check_override(criterion=criterion, points=score.points, proposed=score.proposed_points,
                              reason=score.override_reason)
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


# --- the criteria import ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CriteriaImportResult:
    criteria: int
    ratings: int
    dry_run: bool = False

    def line(self) -> str:
        return f"imported {self.criteria} criteria, {self.ratings} ratings"


def _number(raw: str, *, row: int, column: str, sheet: str, problems: list[Problem]) -> Decimal | None:
    text = raw.replace(",", ".").strip()
    try:
        value = Decimal(text)
        if not value.is_finite():
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        problems.append(Problem(_('"%(raw)s" không phải là số') % {"raw": raw}, row, column, sheet=sheet))
        return None
    if value < 0:
        problems.append(Problem(_('"%(raw)s" là số âm') % {"raw": raw}, row, column, sheet=sheet))
        return None
    if value != value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP):
        problems.append(Problem(_('"%(raw)s" có quá hai chữ số thập phân') % {"raw": raw}, row, column,
                                sheet=sheet))
        return None
    return value.quantize(TWO_PLACES)


def _parse_criteria(table: Table, *, agency: OrgUnit) -> tuple[list[dict], list[Problem]]:
    sheet, problems, rows, seen = CRITERIA_SHEET, [], [], {}
    for row in table.rows:
        code = row.text("code").strip().rstrip(".")
        if not code:
            problems.append(Problem(_("mã tiêu chí trống"), row.number, "Mã", sheet=sheet))
        elif not CODE_PATTERN.match(code):
            problems.append(Problem(_('mã "%(code)s" không hợp lệ (dạng 1, 1.2, 1.2.a)') % {"code": code},
                                    row.number, "Mã", sheet=sheet))
        elif code in seen:
            problems.append(Problem(_('mã "%(code)s" trùng với dòng %(first)s') % {"code": code, "first": seen[code]},
                                    row.number, "Mã", sheet=sheet))
            code = ""
        else:
            seen[code] = row.number
        text = row.text("text").strip()
        if not text:
            problems.append(Problem(_("nội dung trống"), row.number, "Nội dung", sheet=sheet))
        max_points = _number(row.text("max_points"), row=row.number, column="Điểm tối đa", sheet=sheet,
                             problems=problems)
        measure = row.text("measure").strip()
        if measure:
            problems += _measure_problems(measure, agency=agency, row=row.number)
        rows.append({"row": row.number, "code": code, "text": text, "max_points": max_points, "measure": measure,
                     "guidance": row.text("guidance").strip(), "source": row.text("source").strip()})
    problems += _tree_problems([r for r in rows if r["code"] and CODE_PATTERN.match(r["code"])])
    return rows, problems


def _measure_problems(measure: str, *, agency: OrgUnit, row: int) -> list[Problem]:
    parsed = measure_parse(measure)
    if parsed is None:
        kinds = ", ".join(f"{k}:SLUG" for k in MEASURE_KINDS)
        return [Problem(_('"%(measure)s" không phải phép đo tự động đã biết (%(kinds)s)')
                        % {"measure": measure, "kinds": kinds}, row, "Đo tự động", sheet=CRITERIA_SHEET)]
    if measure_campaign(agency=agency, slug=parsed[1]) is None:
        return [Problem(_('không có kế hoạch học tập "%(slug)s" của cơ quan') % {"slug": parsed[1]}, row,
                        "Đo tự động", sheet=CRITERIA_SHEET)]
    return []


def _parent_code(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


def _tree_problems(rows: list[dict]) -> list[Problem]:
    by_code = {r["code"]: r for r in rows}
    children: dict[str, list[dict]] = {}
    problems = []
    for r in rows:
        parent = _parent_code(r["code"])
        if parent is None:
            continue
        if parent not in by_code:
            problems.append(Problem(_('tiêu chí cha "%(parent)s" của "%(code)s" không có trong bảng')
                                    % {"parent": parent, "code": r["code"]}, r["row"], "Mã", sheet=CRITERIA_SHEET))
        else:
            children.setdefault(parent, []).append(r)
    for code, kids in children.items():
        parent = by_code[code]
        if parent["max_points"] is None or any(k["max_points"] is None for k in kids):
            continue
        total = sum((k["max_points"] for k in kids), Decimal(0))
        if total != parent["max_points"]:
            problems.append(Problem(
                _('điểm tối đa %(max)s khác tổng điểm tối đa của các tiêu chí con (%(sum)s)')
                % {"max": _pts(parent['max_points']), "sum": _pts(total)},
                parent["row"], "Điểm tối đa", sheet=CRITERIA_SHEET))
        if parent["measure"]:
            problems.append(Problem(_("tiêu chí có tiêu chí con không đo tự động được: đặt phép đo ở tiêu chí con"),
                                    parent["row"], "Đo tự động", sheet=CRITERIA_SHEET))
    return problems


def _parse_ratings(table: Table) -> tuple[list[dict], list[Problem]]:
    sheet, problems, bands = RATINGS_SHEET, [], []
    names: dict[str, int] = {}
    for row in table.rows:
        rating = row.text("rating").strip()
        if not rating:
            problems.append(Problem(_("tên xếp loại trống"), row.number, "Xếp loại", sheet=sheet))
        elif rating.casefold() in names:
            problems.append(Problem(_('xếp loại "%(rating)s" trùng với dòng %(first)s')
                                    % {"rating": rating, "first": names[rating.casefold()]}, row.number, "Xếp loại",
                                    sheet=sheet))
        else:
            names[rating.casefold()] = row.number
        low = _number(row.text("min_points"), row=row.number, column="Từ điểm", sheet=sheet, problems=problems)
        high = None
        if row.text("to_points").strip():
            high = _number(row.text("to_points"), row=row.number, column="Đến điểm", sheet=sheet, problems=problems)
            if low is not None and high is not None and high < low:
                problems.append(Problem(_('"Đến điểm" nhỏ hơn "Từ điểm"'), row.number, "Đến điểm", sheet=sheet))
                high = None
        bands.append({"row": row.number, "rating": rating, "min_points": low, "to_points": high})
    problems += _band_problems([b for b in bands if b["min_points"] is not None])
    if not table.rows:
        problems.append(Problem(_("chưa có mức xếp loại nào"), 1, "Xếp loại", sheet=sheet))
    return bands, problems


def _band_problems(bands: list[dict]) -> list[Problem]:
    """Bands run from their minimum to the next one's: two with one minimum (or with explicit
    "Đến điểm" ranges that intersect) overlap; a lowest band above 0, or a gap between explicit
    ranges, leaves totals without a rating."""
    problems, sheet = [], RATINGS_SHEET
    if not bands:
        return problems
    seen: dict[Decimal, int] = {}
    for band in bands:
        if band["min_points"] in seen:
            problems.append(Problem(_("mức xếp loại chồng lấn: cùng \"Từ điểm\" %(min)s với dòng %(first)s")
                                    % {"min": _pts(band['min_points']), "first": seen[band["min_points"]]},
                                    band["row"], "Từ điểm", sheet=sheet))
        else:
            seen[band["min_points"]] = band["row"]
    ordered = sorted(bands, key=lambda b: (b["min_points"], b["row"]))
    if ordered[0]["min_points"] > 0:
        problems.append(Problem(_("thiếu mức xếp loại cho tổng điểm dưới %(min)s (mức thấp nhất phải từ 0 điểm)")
                                % {"min": _pts(ordered[0]['min_points'])}, ordered[0]["row"], "Từ điểm",
                                sheet=sheet))
    for lower, upper in zip(ordered, ordered[1:], strict=False):
        if lower["to_points"] is None or upper["min_points"] == lower["min_points"]:
            continue
        if lower["to_points"] >= upper["min_points"]:
            problems.append(Problem(_("mức xếp loại chồng lấn với dòng %(row)s (đến %(to)s, mức sau từ %(min)s)")
                                    % {"row": lower["row"], "to": _pts(lower['to_points']),
                                       "min": _pts(upper['min_points'])}, upper["row"], "Từ điểm", sheet=sheet))
        elif upper["min_points"] - lower["to_points"] > TWO_PLACES:
            problems.append(Problem(_("thiếu mức xếp loại từ trên %(to)s đến dưới %(min)s điểm")
                                    % {"to": _pts(lower['to_points']), "min": _pts(upper['min_points'])},
                                    upper["row"], "Từ điểm", sheet=sheet))
    return problems


def criteria_read(source: str | Path | IO[bytes] | bytes, *, filename: str | None = None) -> tuple[Table, Table]:
    """The two sheets of a criteria workbook (problems name the sheet)."""
    if not isinstance(source, (str, Path, bytes)):
        source = source.read()
    return (read_table(source, CRITERIA_COLUMNS, filename=filename, sheet=CRITERIA_SHEET),
            read_table(source, RATING_COLUMNS, filename=filename, sheet=RATINGS_SHEET))


def criteria_import(*, agency: OrgUnit, year: int, criteria: Table, ratings: Table, dry_run: bool = False,
                    actor=None) -> CriteriaImportResult:
    """All or nothing: the year's criteria and bands of the agency become the file's. Criteria keep
    their self-scores when their code stays; criteria no longer in the file go, with their scores.
    Refused once that year's dossier has been submitted."""
    agency_object_required(actor=actor, agency=agency)
    rows, problems = _parse_criteria(criteria, agency=agency)
    bands, band_problems = _parse_ratings(ratings)
    problems = sorted(problems, key=lambda p: p.row or 0) + sorted(band_problems, key=lambda p: p.row or 0)
    if problems:
        raise ImportRefused(problems)
    _refuse_if_submitted(agency=agency, year=year)
    with transaction.atomic():
        existing = {c.code: c for c in ScoringCriterion.objects.select_for_update().filter(agency=agency, year=year)}
        saved: dict[str, ScoringCriterion] = {}
        for data in sorted(rows, key=lambda r: r["code"].count(".")):
            criterion = existing.pop(data["code"], None) or ScoringCriterion(agency=agency, year=year,
                                                                             code=data["code"])
            criterion.text, criterion.max_points = data["text"], data["max_points"]
            criterion.guidance, criterion.measure, criterion.source = data["guidance"], data["measure"], data["source"]
            criterion.order = data["row"]  # the sheet's order is the table's order
            criterion.parent = saved.get(_parent_code(data["code"]) or "")
            criterion.save()
            saved[data["code"]] = criterion
        removed = [c.code for c in existing.values()]
        ScoringCriterion.objects.filter(pk__in=[c.pk for c in existing.values()]).delete()
        RatingBand.objects.filter(agency=agency, year=year).delete()
        RatingBand.objects.bulk_create([RatingBand(agency=agency, year=year, rating=b["rating"],
                                                   min_points=b["min_points"]) for b in bands])
        dossier_for(agency=agency, year=year)
        result = CriteriaImportResult(len(rows), len(bands), dry_run)
        if dry_run:
            transaction.set_rollback(True)
        else:
            audit_log(actor=actor, action="scoring.criteria_import", obj=agency,
                      after={"year": year, "criteria": len(rows), "ratings": len(bands), "removed": removed})
    return result


# --- the dossier ----------------------------------------------------------------------------------


def dossier_submit(*, dossier: ScoringDossier, actor) -> ScoringDossier:
    """Lock the dossier: keep the sheet as sent (rows, totals, rating, evidence) and audit it."""
    agency_object_required(actor=actor, agency=dossier.agency_id)
    with transaction.atomic():
        dossier = ScoringDossier.objects.select_for_update().get(pk=dossier.pk)
        if dossier.is_submitted:
            raise DossierLocked(_("Hồ sơ đã nộp"))
        sheet = scoring_sheet(agency=dossier.agency, year=dossier.year, live=True)
        if not sheet.rows:
            raise DomainError(_("Chưa có tiêu chí chấm điểm nào cho năm %(year)s") % {"year": dossier.year},
                              code="no_criteria")
        dossier.snapshot = sheet.as_json()
        dossier.status = DossierStatus.SUBMITTED
        dossier.submitted_at = timezone.now()
        dossier.submitted_by = actor if getattr(actor, "is_authenticated", False) else None
        dossier.save()
        audit_log(actor=actor, action="scoring.dossier_submit", obj=dossier, agency=dossier.agency,
                  after={"year": dossier.year, "total": sheet.as_json()["total_points"], "rating": sheet.rating})
    return dossier
