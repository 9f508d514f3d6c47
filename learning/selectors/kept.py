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
from collections.abc import Iterable

import pandas as pd
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Substr
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


def _people(*, campaign: Campaign, within: Iterable[OrgUnit], category: str | None):
    people = KeptPerson.objects.all_agencies().filter(campaign_id=campaign.pk)
    for unit in within:  # the person's unit today in each of these subtrees
        # Re-read the path: treebeard moves sibling paths when a unit is inserted in name order.
        path = OrgUnit.objects.filter(pk=unit.pk).values_list("path", flat=True).first() or unit.path
        people = people.filter(unit__path__startswith=path)
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


def kept_summary(*, campaign: Campaign, today: dt.date | None = None, within: Iterable[OrgUnit] = (),
                 category: str | None = None) -> Summary:
    """`summaries.summary` of today's table (people in the subtrees of `within`, of `category`),
    from the kept rows."""
    today = today or timezone.localdate()
    figures = _people(campaign=campaign, within=within, category=category).aggregate(**_figures(today))
    return Summary(**{name: int(value or 0) for name, value in figures.items()})


def kept_trained(*, campaign: Campaign) -> tuple[int, int]:
    """(people who must study, those of them with at least one requirement completed) today."""
    figures = KeptPerson.objects.all_agencies().filter(campaign_id=campaign.pk, exempt=False).aggregate(
        counted=Count("id"), trained=Count("id", filter=Q(on_time__gt=0) | Q(late__gt=0)))
    return figures["counted"], figures["trained"]


def kept_by_unit(*, campaign: Campaign, today: dt.date | None = None, within: Iterable[OrgUnit] = (),
                 category: str | None = None, depth: int | None = None) -> pd.DataFrame:
    """`summaries.group_summary(table, ["unit_id", "unit", "unit_path"])` of today's table, from the
    kept rows: one GROUP BY over one row per person, units in tree order. With `depth`, people are
    counted in their unit's ancestor at that depth (`summaries.rolled_up`)."""
    today = today or timezone.localdate()
    keys = ["unit_id", "unit", "unit_path"]
    people = _people(campaign=campaign, within=within, category=category)
    if depth is None:
        grouped = people.values("unit_id").annotate(unit_name=F("unit__name"), unit_path=F("unit__path"))
    else:
        grouped = people.annotate(unit_path=Substr("unit__path", 1, OrgUnit.steplen * depth)).values("unit_path")
    rows = list(grouped.annotate(**_figures(today)).order_by("unit_path"))
    if not rows:
        return pd.DataFrame(columns=[*keys, *GROUP_COLUMNS])
    out = pd.DataFrame.from_records(rows).rename(columns={"unit_name": "unit"})
    if depth is not None:
        units = {path: (pk, name) for pk, path, name in
                 OrgUnit.objects.filter(path__in=out["unit_path"].tolist()).values_list("pk", "path", "name")}
        out["unit_id"] = out["unit_path"].map(lambda path: units[path][0])
        out["unit"] = out["unit_path"].map(lambda path: units[path][1])
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
    figures = {  # named apart from the fields they count (`exempt` is a field)
        "n_rows": Count("id"), "n_exempt": Count("id", filter=Q(exempt=True)),
        "n_completed": Count("id", filter=counted & Q(evidence_date__lte=F("due"))),
        "n_completed_late": Count("id", filter=counted & Q(evidence_date__gt=F("due"))),
        "n_pending": Count("id", filter=counted & none & Q(due__gte=today)),
        "n_overdue": Count("id", filter=counted & none & Q(due__lt=today)),
    }
    rows = (KeptStatus.objects.all_agencies().filter(campaign_id=campaign.pk).values("unit_id", "requirement_id")
            .annotate(**figures).order_by("unit_id", "requirement_id"))
    frame = pd.DataFrame.from_records(list(rows), columns=["unit_id", "requirement_id", *figures])
    return frame.rename(columns={name: name[2:] for name in figures})[["unit_id", "requirement_id", "rows",
                                                                      *STATUSES]]
