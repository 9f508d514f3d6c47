"""Sending the annual report and the scoring dossier to the province, and the province's review.

State of a `Submission` (one per agency and year):

    (no submission) ──send──▶ submitted ──return with comments──▶ returned ──send again──▶ submitted
                                  │
                                  └──finalise──▶ accepted   (then the province publishes the year's table)

Sending is the agency HR's act; returning, scoring (thẩm định) and finalising are the province
officers' (of the agency's province); every step is written to the agency's audit log. Province
officers write only the review (scores, comments, the state of the submission): never the
agency's report, self-scores or staff. Returning reopens the agency's dossier for correction —
the one effect of the province on an agency row, and the reason the return exists."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import tempfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from org.models import OrgUnit, Province
from org.scoping import ForeignAgencyObject
from org.selectors.access import hr_of_agency_required, visible_provinces
from org.selectors.provinces import province_agencies
from org.services.audit import audit_log
from reports.models import (
    AnnualReport,
    CriterionReview,
    DossierStatus,
    ResultsPublication,
    ScoringDossier,
    Submission,
    SubmissionRound,
    SubmissionStatus,
)
from reports.selectors.scoring import Sheet
from reports.selectors.submissions import latest_round, results_rows, review_sheet
from reports.services.evidence_pack import evidence_pack_build
from reports.services.scoring import dossier_submit


class SubmissionRefused(DomainError):
    code = "submission_refused"


class ReviewRefused(DomainError):
    code = "review_refused"


# --- who may act -----------------------------------------------------------------------------------


def province_reviewer_required(*, actor, agency: OrgUnit | None = None, province: Province | None = None) -> None:
    """Officers of the agency's (or the given) province, and superusers, review. Anybody else —
    the agency's own staff included — is refused as for a submission that does not exist."""
    if actor is None:
        return  # the command line
    province_id = province.pk if province is not None else getattr(agency, "province_id", None)
    if province_id is None or not visible_provinces(actor).filter(pk=province_id).exists():
        raise ForeignAgencyObject("not found")


# --- the agency sends ------------------------------------------------------------------------------


def _pack(report: AnnualReport, as_of: dt.date) -> tuple[File, str, int, Path]:
    """The evidence pack of the report's campaign, built now (the dossier already locked: its
    self-assessment files are the snapshot being sent)."""
    folder = Path(tempfile.mkdtemp(prefix="submission-"))
    name = f"ho-so-minh-chung-{report.campaign.agency.code}-{report.campaign.year}-{secrets.token_hex(8)}.zip"
    path = folder / name
    evidence_pack_build(campaign=report.campaign, out=path, as_of=as_of)
    content = path.read_bytes()
    return File(path.open("rb"), name=name), hashlib.sha256(content).hexdigest(), len(content), path


def _report_as_of(report: AnnualReport) -> dt.date:
    value = (report.frozen_content or {}).get("as_of")
    try:
        return dt.date.fromisoformat(value) if value else timezone.localdate()
    except ValueError:
        return timezone.localdate()


def submission_send(*, dossier: ScoringDossier, report: AnnualReport, actor) -> SubmissionRound:
    """Send (or, after a return, send again) the year's annual report and scoring dossier: locks the
    dossier and keeps one immutable round — the frozen report's content, the dossier sheet with
    self-scores and evidence, the evidence pack in private storage with its SHA-256."""
    hr_of_agency_required(actor=actor, agency=dossier.agency)
    if report.campaign.agency_id != dossier.agency_id:
        raise ForeignAgencyObject("not found")
    if report.campaign.year != dossier.year:
        raise SubmissionRefused(_("Báo cáo kết quả phải là của kế hoạch năm %(year)s") % {"year": dossier.year})
    if not report.is_frozen:
        raise SubmissionRefused(_("Báo cáo kết quả chưa chốt: chốt báo cáo trước khi gửi tỉnh"))
    stored: list[str] = []
    try:
        with transaction.atomic():
            round_ = _send(dossier=dossier, report=report, actor=actor, stored=stored)
    except BaseException:
        _remove_orphans(stored)  # a refused or failed sending keeps no pack file
        raise
    return round_


def _send(*, dossier: ScoringDossier, report: AnnualReport, actor, stored: list[str]) -> SubmissionRound:
    dossier = ScoringDossier.objects.select_for_update().get(pk=dossier.pk)
    submission = Submission.objects.select_for_update().filter(dossier=dossier).first()
    if submission is not None and submission.status != SubmissionStatus.RETURNED:
        raise SubmissionRefused(_("Hồ sơ năm %(year)s đã gửi tỉnh (%(state)s): chỉ gửi lại khi tỉnh trả lại")
                                % {"year": dossier.year, "state": submission.get_status_display()})
    if not dossier.is_submitted:
        dossier = dossier_submit(dossier=dossier, actor=actor)
    now = timezone.now()
    if submission is None:
        submission = Submission.objects.create(agency=dossier.agency, year=dossier.year, dossier=dossier,
                                               first_submitted_at=now)
    else:
        submission.status = SubmissionStatus.SUBMITTED
        submission.save(update_fields=["status"])
    number = submission.rounds.count() + 1
    pack, digest, size, path = _pack(report, _report_as_of(report))
    try:
        round_ = SubmissionRound(submission=submission, number=number, submitted_at=now,
                                 submitted_by=actor if getattr(actor, "is_authenticated", False) else None,
                                 annual_report=report, report_content=report.frozen_content,
                                 sheet=dossier.snapshot, pack_sha256=digest, pack_bytes=size)
        round_.pack.save(pack.name, pack, save=False)
        stored.append(round_.pack.name)
        round_.save()
    finally:
        pack.close()
        path.unlink(missing_ok=True)
        path.parent.rmdir()
    audit_log(actor=actor, action="submission.send" if number == 1 else "submission.resend", obj=submission,
              agency=dossier.agency,
              after={"year": dossier.year, "round": number, "report": report.number,
                     "total": dossier.snapshot.get("total_points"), "rating": dossier.snapshot.get("rating"),
                     "sha256": digest})
    return round_


def _remove_orphans(names: list[str]) -> None:
    storage = SubmissionRound._meta.get_field("pack").storage
    for name in names:
        storage.delete(name)


# --- the province reviews --------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewEntry:
    code: str
    points: object  # as typed: checked against the criterion's maximum
    comment: str = ""


def _open(submission: Submission, actor) -> Submission:
    province_reviewer_required(actor=actor, agency=submission.agency)
    submission = Submission.objects.all_agencies().select_for_update().get(pk=submission.pk)
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ReviewRefused(_("Hồ sơ không ở trạng thái chờ thẩm định (%(state)s)")
                            % {"state": submission.get_status_display()})
    return submission


def _points(entry: ReviewEntry, maximum: Decimal) -> Decimal:
    try:
        value = Decimal(str(entry.points).replace(",", ".").strip())
        if not value.is_finite():
            raise InvalidOperation
    except (InvalidOperation, ValueError) as exc:
        raise ReviewRefused(_("Tiêu chí %(code)s: điểm thẩm định phải là một số") % {"code": entry.code}) from exc
    if value < 0 or value > maximum or value != value.quantize(Decimal("0.01")):
        raise ReviewRefused(_("Tiêu chí %(code)s: điểm thẩm định từ 0 đến %(max)s, tối đa hai chữ số thập phân")
                            % {"code": entry.code, "max": f"{maximum.normalize():f}"})
    return value


def review_save(*, submission: Submission, entries: list[ReviewEntry], actor) -> int:
    """Score criteria of a submission waiting for review (leaves only; 0 ≤ points ≤ maximum), each
    with its comment; all or nothing; one audit entry with what changed. Returns how many changed."""
    with transaction.atomic():
        submission = _open(submission, actor)
        round_ = latest_round(submission)
        leaves = {r.code: r for r in Sheet.from_json(round_.sheet).rows if r.is_leaf}
        checked = []
        for entry in entries:
            if entry.code not in leaves:
                raise ReviewRefused(_("Không có tiêu chí %(code)s để chấm trong hồ sơ") % {"code": entry.code})
            checked.append((entry, _points(entry, leaves[entry.code].max_points)))
        existing = {r.code: r for r in CriterionReview.objects.filter(submission=submission)}
        before, after = {}, {}
        for entry, points in checked:
            review = existing.get(entry.code)
            comment = (entry.comment or "").strip()
            if review is not None and review.points == points and review.comment == comment:
                continue
            if review is not None:
                before[entry.code] = {"points": str(review.points), "comment": review.comment}
            else:
                review = CriterionReview(submission=submission, code=entry.code)
            review.points, review.comment, review.round_number = points, comment, round_.number
            review.reviewed_by = actor if getattr(actor, "is_authenticated", False) else None
            review.save()
            after[entry.code] = {"points": str(points), "comment": comment}
        if after:
            audit_log(actor=actor, action="submission.review", obj=submission, agency=submission.agency,
                      before=before or None, after=after)
    return len(after)


def submission_return(*, submission: Submission, comment: str, actor) -> Submission:
    """Return the submission with comments: the agency's dossier reopens for correction and may be
    sent again (a new round); the round keeps the comment."""
    comment = (comment or "").strip()
    if not comment:
        raise ReviewRefused(_("Ghi ý kiến khi trả lại hồ sơ"))
    with transaction.atomic():
        submission = _open(submission, actor)
        round_ = latest_round(submission)
        round_.returned_at = timezone.now()
        round_.returned_by = actor if getattr(actor, "is_authenticated", False) else None
        round_.return_comment = comment
        round_.save(update_fields=["returned_at", "returned_by", "return_comment"])
        submission.status = SubmissionStatus.RETURNED
        submission.save(update_fields=["status"])
        ScoringDossier.objects.all_agencies().filter(pk=submission.dossier_id).update(status=DossierStatus.DRAFT)
        audit_log(actor=actor, action="submission.return", obj=submission, agency=submission.agency,
                  after={"year": submission.year, "round": round_.number, "comment": comment})
    return submission


def submission_finalise(*, submission: Submission, actor) -> Submission:
    """Finish the review: every criterion scored; the reviewed total and its rating by the year's
    bands as sent (`rating_for`, the one band rule) are fixed."""
    with transaction.atomic():
        submission = _open(submission, actor)
        sheet = review_sheet(submission)
        if sheet.unreviewed:
            raise ReviewRefused(_("Còn tiêu chí chưa chấm thẩm định: %(codes)s")
                                % {"codes": ", ".join(sheet.unreviewed)})
        submission.reviewed_total, submission.rating = sheet.reviewed_total, sheet.rating
        submission.status = SubmissionStatus.ACCEPTED
        submission.finalised_at = timezone.now()
        submission.finalised_by = actor if getattr(actor, "is_authenticated", False) else None
        submission.save(update_fields=["reviewed_total", "rating", "status", "finalised_at", "finalised_by"])
        audit_log(actor=actor, action="submission.finalise", obj=submission, agency=submission.agency,
                  after={"year": submission.year, "self_total": sheet.sheet.as_json()["total_points"],
                         "reviewed_total": str(submission.reviewed_total), "rating": submission.rating})
    return submission


def results_publish(*, province: Province, year: int, actor) -> ResultsPublication:
    """Publish the year's results table of the province as it stands (finalised reviews only carry
    a reviewed score and rating); the agencies of the province read it from then on. Each agency's
    audit log records the publication with its own line."""
    province_reviewer_required(actor=actor, province=province)
    with transaction.atomic():
        rows = results_rows(province=province, year=year)
        if not any(r["status"] == SubmissionStatus.ACCEPTED for r in rows):
            raise ReviewRefused(_("Chưa có hồ sơ nào năm %(year)s hoàn thành thẩm định để công bố") % {"year": year})
        publication = ResultsPublication.objects.create(
            province=province, year=year, rows=rows, published_at=timezone.now(),
            published_by=actor if getattr(actor, "is_authenticated", False) else None)
        by_code = {r["agency_code"]: r for r in rows}
        for agency in province_agencies(province):
            row = by_code.get(agency.code, {})
            audit_log(actor=actor, action="submission.publish", obj=publication, agency=agency,
                      after={"year": year, "reviewed_total": row.get("reviewed_total"), "rating": row.get("rating")})
    return publication


def submission_pack_read_log(*, round_: SubmissionRound, actor) -> None:
    """A province officer downloaded a round's evidence pack (it names people): the agency's log says so."""
    audit_log(actor=actor, action="submission.pack_read", obj=round_.submission, agency=round_.submission.agency,
              after={"round": round_.number, "sha256": round_.pack_sha256})
