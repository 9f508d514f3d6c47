"""What the province and the agency read of submissions: the province's queue of a year (deadline,
late flags, state), the review sheet (each criterion's self-score and evidence as sent, beside the
province's score and comment), the results table, and who may see which submission."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from core.choices import choice_label
from org.models import OrgUnit, Province
from org.selectors.access import visible_provinces
from org.selectors.provinces import province_agencies
from reports.models import (
    CriterionReview,
    ResultsPublication,
    ScoringDossier,
    Submission,
    SubmissionRound,
    SubmissionStatus,
)
from reports.selectors.province import LATE, MISSING, NOT_DUE, ON_TIME
from reports.selectors.scoring import Sheet, SheetRow, rating_for


def reviewable_submissions(user) -> QuerySet[Submission]:
    """Submissions a province officer may read and review: those of their province's agencies
    (every province's for superusers); nobody else any."""
    return Submission.objects.all_agencies().filter(agency__province__in=visible_provinces(user))


def latest_round(submission: Submission) -> SubmissionRound:
    return submission.rounds.order_by("-number").first()


def round_sheet(round_: SubmissionRound) -> Sheet:
    return Sheet.from_json(round_.sheet)


@dataclass
class ReviewRow:
    row: SheetRow
    reviewed: Decimal | None = None
    comment: str = ""
    round_number: int | None = None

    @property
    def differs(self) -> bool:
        return self.reviewed is not None and self.row.points is not None and self.reviewed != self.row.points


@dataclass
class ReviewSheet:
    sheet: Sheet
    rows: list[ReviewRow] = field(default_factory=list)

    @property
    def leaves(self) -> list[ReviewRow]:
        return [r for r in self.rows if r.row.is_leaf]

    @property
    def unreviewed(self) -> list[str]:
        return [r.row.code for r in self.leaves if r.reviewed is None]

    @property
    def reviewed_total(self) -> Decimal | None:
        scored = [r.reviewed for r in self.leaves if r.reviewed is not None]
        return sum(scored, Decimal(0)) if scored else None

    @property
    def rating(self) -> str:
        return rating_for(self.reviewed_total, self.sheet.bands)  # the one band rule


def review_sheet(submission: Submission, round_: SubmissionRound | None = None) -> ReviewSheet:
    """The criteria of the round (the latest by default) as sent, each with the province's score;
    a parent's reviewed points are its children's sum (as for self-scores)."""
    round_ = round_ or latest_round(submission)
    sheet = round_sheet(round_)
    reviews = {r.code: r for r in CriterionReview.objects.filter(submission=submission)}
    rows = []
    for row in sheet.rows:
        review = reviews.get(row.code) if row.is_leaf else None
        rows.append(ReviewRow(row=row, reviewed=review.points if review else None,
                              comment=review.comment if review else "",
                              round_number=review.round_number if review else None))
    for parent in sorted((r for r in rows if not r.row.is_leaf), key=lambda r: r.row.level, reverse=True):
        prefix = parent.row.code + "."
        kids = [r for r in rows if r.row.code.startswith(prefix) and r.row.level == parent.row.level + 1]
        scored = [k.reviewed for k in kids if k.reviewed is not None]
        parent.reviewed = sum(scored, Decimal(0)) if scored else None
    return ReviewSheet(sheet=sheet, rows=rows)


def dossier_deadline(dossier: ScoringDossier | None, year: int) -> dt.date:
    if dossier is not None:
        return dossier.deadline
    day, month = settings.PROVINCE_DEADLINES["dossier"]
    return dt.date(year, month, day)


def sending_state(sent_on: dt.date | None, deadline: dt.date, today: dt.date) -> str:
    """on_time / late (sent after the deadline) / missing (not sent, deadline passed) / not_due.
    A returned and re-sent dossier keeps the date of its first sending."""
    if sent_on is not None:
        return ON_TIME if sent_on <= deadline else LATE
    return MISSING if today > deadline else NOT_DUE


def province_queue(*, province: Province, year: int, today: dt.date | None = None) -> list[dict]:
    """Every agency of the province for `year`: its submission (or none), state, deadline, first
    sending and whether it was late, rounds, totals sent and reviewed. Waiting ones first."""
    today = today or timezone.localdate()
    agencies = list(province_agencies(province).order_by("code"))
    submissions = {s.agency_id: s for s in Submission.objects.all_agencies()
                   .filter(agency__in=agencies, year=year).prefetch_related("rounds")}
    dossiers = {d.agency_id: d for d in ScoringDossier.objects.all_agencies().filter(agency__in=agencies, year=year)}
    rows = []
    for agency in agencies:
        submission = submissions.get(agency.pk)
        deadline = dossier_deadline(dossiers.get(agency.pk), year)
        sent_on = timezone.localdate(submission.first_submitted_at) if submission else None
        rounds = sorted(submission.rounds.all(), key=lambda r: r.number) if submission else []
        sheet = round_sheet(rounds[-1]) if rounds else None
        rows.append({
            "agency": agency, "submission": submission, "deadline": deadline, "sent_on": sent_on,
            "state": sending_state(sent_on, deadline, today),
            "status": submission.status if submission else "",
            "status_label": choice_label(SubmissionStatus, submission.status) if submission else "",
            "rounds": len(rounds), "last_sent": rounds[-1].submitted_at if rounds else None,
            "self_total": sheet.total_points if sheet else None, "total_max": sheet.total_max if sheet else None,
            "self_rating": sheet.rating if sheet else "",
            "reviewed_total": submission.reviewed_total if submission else None,
            "rating": submission.rating if submission else "",
        })
    order = {SubmissionStatus.SUBMITTED: 0, SubmissionStatus.RETURNED: 1, SubmissionStatus.ACCEPTED: 2, "": 3}
    return sorted(rows, key=lambda r: (order[r["status"]], r["agency"].code))


RESULT_COLUMNS = ["agency_code", "agency", "self_total", "reviewed_total", "total_max", "rating", "status"]


def results_rows(*, province: Province, year: int) -> list[dict]:
    """The results table of the year (JSON-ready): per agency of the province, the self-score total
    sent, the reviewed total, the maximum, the rating by the bands, and the state."""
    def num(value):
        return None if value is None else str(value)

    rows = []
    for row in sorted(province_queue(province=province, year=year), key=lambda r: r["agency"].code):
        accepted = row["status"] == SubmissionStatus.ACCEPTED
        rows.append({
            "agency_code": row["agency"].code, "agency": row["agency"].name,
            "self_total": num(row["self_total"]), "total_max": num(row["total_max"]),
            "reviewed_total": num(row["reviewed_total"]) if accepted else None,
            "rating": row["rating"] if accepted else "",
            "status": row["status"] or "not_submitted",
        })
    return rows


def publication_latest(*, province: Province, year: int) -> ResultsPublication | None:
    return ResultsPublication.objects.filter(province=province, year=year).order_by("-published_at").first()


def published_results_for_agency(*, agency: OrgUnit, year: int) -> ResultsPublication | None:
    """The published table an agency may read: its own province's, once published."""
    if agency.province_id is None:
        return None
    return (ResultsPublication.objects.filter(province_id=agency.province_id, year=year)
            .order_by("-published_at").first())
