"""Live measures a scoring criterion may be bound to (`Đo tự động`): each gives a share in [0, 1]
of the criterion's maximum, from the campaign's own figures — never a figure of its own.

- `completion:SLUG`: Tỷ lệ người hoàn thành of the campaign (people who completed every requirement).
- `sessions:SLUG`: the share of the campaign's directives covered by at least one study session
  held (dated on or before the as-of date) where someone was present.
- `trained:SLUG`: the share of the people who must study with at least one requirement completed.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from learning.models import Campaign, StudySession
from learning.models.sessions import AttendanceStatus
from learning.selectors.compliance import compliance_summary, compliance_table_slices
from learning.selectors.kept import kept_summary, kept_trained
from learning.selectors.summaries import REPORT_SLICE_ROWS, person_rollup
from org.models import OrgUnit
from reports.models import ScoringCriterion
from reports.selectors.dashboard import kept_answers

MEASURE_KINDS = ("completion", "sessions", "trained")


def measure_parse(measure: str) -> tuple[str, str] | None:
    kind, sep, slug = (measure or "").strip().partition(":")
    if not sep or kind.strip().lower() not in MEASURE_KINDS or not slug.strip():
        return None
    return kind.strip().lower(), slug.strip()


def measure_campaign(*, agency: OrgUnit, slug: str) -> Campaign | None:
    return Campaign.objects.filter(agency=agency, slug=slug).first()


def _completion(campaign: Campaign, as_of: dt.date) -> float | None:
    if kept_answers(campaign=campaign, as_of=as_of):  # today: the kept statuses
        rate = kept_summary(campaign=campaign, today=as_of).people_rate
    else:
        rate = compliance_summary(campaign=campaign, as_of=as_of).people_rate
    return None if rate is None else rate / 100


def _sessions(campaign: Campaign, as_of: dt.date) -> float | None:
    required = set(campaign.requirements.values_list("directive_id", flat=True))
    if not required:
        return None
    held = StudySession.objects.filter(
        campaign=campaign, date__lte=as_of,
        attendances__status__in=[AttendanceStatus.PRESENT, AttendanceStatus.LATE],
    ).distinct()
    covered = set(held.values_list("directives", flat=True)) & required
    return len(covered) / len(required)


def _trained(campaign: Campaign, as_of: dt.date) -> float | None:
    if kept_answers(campaign=campaign, as_of=as_of):  # today: the kept statuses
        counted, trained = kept_trained(campaign=campaign)
        return trained / counted if counted else None
    counted = trained = 0
    for part in compliance_table_slices(campaign=campaign, as_of=as_of, rows=REPORT_SLICE_ROWS):  # whole people each
        people = person_rollup(part)
        if not people.empty:
            people = people[~people["exempt"].astype(bool)]
            counted += len(people)
            trained += int((people["done"] > 0).sum())
    return float(trained) / counted if counted else None


def measure_propose(*, agency: OrgUnit, measure: str, as_of: dt.date | None = None) -> float | None:
    """The measure's share now (None when nothing counts or the measure no longer resolves)."""
    parsed = measure_parse(measure)
    if parsed is None:
        return None
    campaign = measure_campaign(agency=agency, slug=parsed[1])
    if campaign is None:
        return None
    as_of = as_of or timezone.localdate()
    return {"completion": _completion, "sessions": _sessions, "trained": _trained}[parsed[0]](campaign, as_of)


def criterion_proposal(*, criterion: ScoringCriterion, as_of: dt.date | None = None) -> Decimal | None:
    """The score the criterion's live measure proposes: its maximum × the measure's share, two
    decimals (0 when nothing counts yet; None without a measure)."""
    if not criterion.measure:
        return None
    share = measure_propose(agency=criterion.agency, measure=criterion.measure, as_of=as_of)
    if share is None:
        return Decimal(0)
    return (criterion.max_points * Decimal(str(share))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
