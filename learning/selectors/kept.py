"""Reading the kept statuses (`learning.models.kept`, docs/compliance.md "Kept statuses").

The rows hold what the one rule (`learning.selectors.compliance`) computed for today: due date,
exemption, earliest evidence. The status of a day comes from them by that rule's comparisons —
`statuses_from` for rows, and for the per-unit figures the same comparisons as SQL aggregates over
one row per person (`KeptPerson`: the person's due date is the same for all their requirements):
- exempt person: every row `exempt`;
- otherwise `on_time` rows `completed`, `late` rows `completed_late`, and the rest `pending`
  while today ≤ due, `overdue` after.
They answer only for "today" while `KeptCampaign.fresh_on(today)`; any other date, or a campaign
not kept or past its horizon, is computed from the evidence (`kept_fresh` says which).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from learning.models import Campaign, KeptCampaign, KeptPerson, KeptStatus
from learning.selectors.compliance import statuses_from
from learning.selectors.summaries import GROUP_COLUMNS, Summary
from learning.statuses import STATUSES
from org.models import OrgUnit

KEPT_COLUMNS = ["employee_id", "requirement_id", "unit_id", "due_day", "status", "evidence", "evidence_date"]


def kept_fresh(*, campaign: Campaign, day: dt.date | None = None) -> bool:
    """Whether the kept rows of `campaign` answer for `day` (default today)."""
    day = day or timezone.localdate()
    kept = KeptCampaign.objects.all_agencies().filter(campaign_id=campaign.pk).first()
    return kept is not None and kept.fresh_on(day)


def kept_table(*, campaign: Campaign, today: dt.date | None = None) -> pd.DataFrame:
    """The kept rows with their status on `today`, one per (person, requirement), sorted by ids."""
    today = today or timezone.localdate()
    rows = list(KeptStatus.objects.all_agencies().filter(campaign_id=campaign.pk)
                .order_by("employee_id", "requirement_id")
                .values_list("employee_id", "requirement_id", "unit_id", "due", "exempt", "evidence", "evidence_date"))
    table = pd.DataFrame.from_records(rows, columns=["employee_id", "requirement_id", "unit_id", "due", "exempt",
                                                     "evidence", "evidence_date"])
    if table.empty:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in KEPT_COLUMNS})
    table["due_day"] = table["due"].map(dt.date.toordinal).astype("int64")
    table["day"] = table["evidence_date"].map(lambda d: d.toordinal() if d else None).astype("float64")
    table["exempt"] = table["exempt"].astype(bool)
    table["status"] = statuses_from(table, as_of=today)
    return table[KEPT_COLUMNS]


def _people(*, campaign: Campaign, unit: OrgUnit | None, category: str | None):
    people = KeptPerson.objects.all_agencies().filter(campaign_id=campaign.pk)
    if unit is not None:
        people = people.filter(unit__path__startswith=unit.path)
    if category:
        people = people.filter(category=category)
    return people.annotate(missing=F("total") - F("on_time") - F("late"))


def _figures(today: dt.date) -> dict:
    counted, overdue_day = Q(exempt=False), Q(due__lt=today)
    return {
        "people": Count("id"),
        "exempt_people": Count("id", filter=Q(exempt=True)),
        "done_people": Count("id", filter=counted & Q(missing=0)),
        "overdue_people": Count("id", filter=counted & Q(missing__gt=0) & overdue_day),
        "rows": Sum("total"),
        "completed": Sum("on_time", filter=counted),
        "completed_late": Sum("late", filter=counted),
        "pending": Sum("missing", filter=counted & ~overdue_day),
        "overdue": Sum("missing", filter=counted & overdue_day),
        "exempt": Sum("total", filter=Q(exempt=True)),
    }


def kept_summary(*, campaign: Campaign, today: dt.date | None = None, unit: OrgUnit | None = None,
                 category: str | None = None) -> Summary:
    """`summaries.summary` of today's table (of `unit`'s subtree, `category`), from the kept rows."""
    today = today or timezone.localdate()
    figures = _people(campaign=campaign, unit=unit, category=category).aggregate(**_figures(today))
    return Summary(**{name: int(value or 0) for name, value in figures.items()})


def kept_by_unit(*, campaign: Campaign, today: dt.date | None = None, unit: OrgUnit | None = None,
                 category: str | None = None) -> pd.DataFrame:
    """`summaries.group_summary(table, ["unit_id", "unit", "unit_path"])` of today's table, from the
    kept rows: one GROUP BY over one row per person, units in tree order."""
    today = today or timezone.localdate()
    keys = ["unit_id", "unit", "unit_path"]
    rows = list(_people(campaign=campaign, unit=unit, category=category).values("unit_id")
                .annotate(unit_name=F("unit__name"), unit_path=F("unit__path"), **_figures(today)).order_by("unit_path"))
    if not rows:
        return pd.DataFrame(columns=[*keys, *GROUP_COLUMNS])
    out = pd.DataFrame.from_records(rows).rename(columns={"unit_name": "unit"})
    for column in ["people", "exempt_people", "done_people", "overdue_people", "rows", *STATUSES]:
        out[column] = out[column].fillna(0).astype(int)
    out["counted_people"] = out["people"] - out["exempt_people"]
    out["counted_rows"] = out["rows"] - out["exempt"]
    out["done_rows"] = out["completed"] + out["completed_late"]
    out["people_rate"] = 100.0 * out["done_people"] / out["counted_people"].where(out["counted_people"] > 0)
    out["rows_rate"] = 100.0 * out["done_rows"] / out["counted_rows"].where(out["counted_rows"] > 0)
    return out[[*keys, *GROUP_COLUMNS]].reset_index(drop=True)


def kept_unit_requirement_counts(*, campaign: Campaign, today: dt.date | None = None) -> pd.DataFrame:
    """Row counts per (unit today, requirement) and status: one GROUP BY over the kept rows."""
    today = today or timezone.localdate()
    counted, none = Q(exempt=False), Q(evidence_date__isnull=True)
    rows = (KeptStatus.objects.all_agencies().filter(campaign_id=campaign.pk).values("unit_id", "requirement_id")
            .annotate(rows=Count("id"), exempt=Count("id", filter=Q(exempt=True)),
                      completed=Count("id", filter=counted & Q(evidence_date__lte=F("due"))),
                      completed_late=Count("id", filter=counted & Q(evidence_date__gt=F("due"))),
                      pending=Count("id", filter=counted & none & Q(due__gte=today)),
                      overdue=Count("id", filter=counted & none & Q(due__lt=today)))
            .order_by("unit_id", "requirement_id"))
    return pd.DataFrame.from_records(list(rows), columns=["unit_id", "requirement_id", "rows", *STATUSES])
