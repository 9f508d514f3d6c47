"""Reading the kept statuses (`learning.models.kept`, docs/compliance.md "Kept statuses").

The rows hold what the one rule (`learning.selectors.compliance`) computed for today: due date,
exemption, earliest evidence. The status of a day comes from them by that rule's comparisons —
`statuses_from` for rows, and for the per-unit figures the same comparisons as SQL sums over the
counters (`KeptUnitCount` per unit, `KeptCount` per unit × requirement, both keyed by due date):
- exempt person: every row `exempt`;
- otherwise `on_time` rows `completed`, `late` rows `completed_late`, and the rest `pending`
  while today ≤ due, `overdue` after.
They answer only for "today" while `KeptCampaign.fresh_on(today)`; any other date, or a campaign
not kept or past its horizon, is computed from the evidence (`kept_fresh` says which).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

import pandas as pd
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Sum, Value, When
from django.db.models.functions import Collate, Substr
from django.utils import timezone

from learning.models import (
    Campaign,
    KeptCampaign,
    KeptCount,
    KeptDayCount,
    KeptPerson,
    KeptStatus,
    KeptUnitCount,
    Requirement,
)
from learning.selectors.compliance import statuses_from
from learning.selectors.summaries import GROUP_COLUMNS, Summary, rate
from learning.statuses import COMPLETED, COMPLETED_LATE, EXEMPT, OVERDUE, PENDING, STATUSES
from org.models import OrgUnit

KEPT_COLUMNS = ["employee_id", "requirement_id", "unit_id", "due_day", "status", "evidence", "evidence_date"]


def kept_fresh(*, campaign: Campaign, day: dt.date | None = None) -> bool:
    """Whether the kept rows of `campaign` answer for `day` (default today)."""
    day = day or timezone.localdate()
    kept = KeptCampaign.objects.all_agencies().filter(campaign_id=campaign.pk).first()
    return kept is not None and kept.fresh_on(day)


def kept_recomputing(*, campaign_ids: Iterable[int]) -> set[int]:
    """Those of these campaigns edited since their rows were built: a rebuild is queued or running
    (meanwhile they are read from the evidence)."""
    return set(KeptCampaign.objects.all_agencies().filter(campaign_id__in=list(campaign_ids),
                                                          built__lt=F("generation"))
               .values_list("campaign_id", flat=True))


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


def _counts(model, *, campaign: Campaign, within: Iterable[OrgUnit], category: str | None):
    """The campaign's counters (`KeptUnitCount` or `KeptCount`) of the units in the subtrees of
    `within`, of `category`."""
    counts = model.objects.all_agencies().filter(campaign_id=campaign.pk)
    within = list(within)
    # Re-read the paths: treebeard moves sibling paths when a unit is inserted in name order.
    paths = dict(OrgUnit.objects.filter(pk__in=[u.pk for u in within]).values_list("pk", "path")) if within else {}
    for unit in within:  # the person's unit today in each of these subtrees
        counts = counts.filter(unit__path__startswith=paths.get(unit.pk, unit.path))
    if category:
        counts = counts.filter(category=category)
    return counts


# The summary family from the counters, the status of `today` by the rule's comparison: missing
# rows are pending while today ≤ due, overdue after. Named apart from the counters they sum.
def _figures(today: dt.date) -> dict:
    overdue_day = Q(due__lt=today)
    return {
        "n_people": Sum("people"), "n_exempt_people": Sum("exempt_people"), "n_done_people": Sum("done_people"),
        "n_overdue_people": Sum("missing_people", filter=overdue_day), "n_rows": Sum("rows"),
        "n_completed": Sum("completed"), "n_completed_late": Sum("completed_late"),
        "n_pending": Sum("missing", filter=~overdue_day), "n_overdue": Sum("missing", filter=overdue_day),
        "n_exempt": Sum("exempt"),
    }


def kept_summary(*, campaign: Campaign, today: dt.date | None = None, within: Iterable[OrgUnit] = (),
                 category: str | None = None) -> Summary:
    """`summaries.summary` of today's table (people in the subtrees of `within`, of `category`),
    from the kept rows."""
    today = today or timezone.localdate()
    figures = _counts(KeptUnitCount, campaign=campaign, within=within, category=category).aggregate(
        **_figures(today))
    return Summary(**{name[2:]: int(value or 0) for name, value in figures.items()})


def kept_trained(*, campaign: Campaign) -> tuple[int, int]:
    """(people who must study, those of them with at least one requirement completed) today."""
    figures = KeptUnitCount.objects.all_agencies().filter(campaign_id=campaign.pk).aggregate(
        people=Sum("people"), exempt=Sum("exempt_people"), trained=Sum("trained_people"))
    return int(figures["people"] or 0) - int(figures["exempt"] or 0), int(figures["trained"] or 0)


def kept_by_unit(*, campaign: Campaign, today: dt.date | None = None, within: Iterable[OrgUnit] = (),
                 category: str | None = None, depth: int | None = None) -> pd.DataFrame:
    """`summaries.group_summary(table, ["unit_id", "unit", "unit_path"])` of today's table, from the
    counters: one GROUP BY over a few rows per unit, units in tree order. With `depth`, people are
    counted in their unit's ancestor at that depth (`summaries.rolled_up`)."""
    today = today or timezone.localdate()
    keys = ["unit_id", "unit", "unit_path"]
    people = _counts(KeptUnitCount, campaign=campaign, within=within, category=category)
    if depth is None:
        grouped = people.values("unit_id").annotate(unit_name=F("unit__name"), unit_path=F("unit__path"))
    else:
        grouped = people.annotate(unit_path=Substr("unit__path", 1, OrgUnit.steplen * depth)).values("unit_path")
    rows = list(grouped.annotate(**_figures(today)).order_by("unit_path"))
    if not rows:
        return pd.DataFrame(columns=[*keys, *GROUP_COLUMNS])
    out = pd.DataFrame.from_records(rows).rename(columns={"unit_name": "unit"})
    out = out.rename(columns={name: name[2:] for name in _figures(today)})
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


def _cells(today: dt.date) -> dict:
    overdue_day = Q(due__lt=today)
    return {  # named apart from the counters they sum
        "n_rows": Sum("rows"), "n_exempt": Sum("exempt"), "n_completed": Sum("completed"),
        "n_completed_late": Sum("completed_late"), "n_pending": Sum("missing", filter=~overdue_day),
        "n_overdue": Sum("missing", filter=overdue_day),
    }


def kept_unit_requirement_counts(*, campaign: Campaign, today: dt.date | None = None) -> pd.DataFrame:
    """Row counts per (unit today, requirement) and status, from the counters."""
    today = today or timezone.localdate()
    figures = _cells(today)
    rows = (KeptCount.objects.all_agencies().filter(campaign_id=campaign.pk).values("unit_id", "requirement_id")
            .annotate(**figures).order_by("unit_id", "requirement_id"))
    frame = pd.DataFrame.from_records(list(rows), columns=["unit_id", "requirement_id", *figures]).fillna(0)
    frame = frame.rename(columns={name: name[2:] for name in figures})[["unit_id", "requirement_id", "rows",
                                                                        *STATUSES]]
    return frame.astype("int64") if len(frame) else frame


def kept_by_requirement(*, campaign: Campaign, today: dt.date | None = None, within: Iterable[OrgUnit] = (),
                        category: str | None = None) -> pd.DataFrame:
    """`summaries.group_summary(table, ["requirement_id", "requirement"])` of today's table (people
    in the subtrees of `within`, of `category`), from the counters, in the campaign's order. Per
    requirement a person is one row: people = rows, exempt / done / overdue people = rows."""
    today = today or timezone.localdate()
    keys = ["requirement_id", "requirement"]
    figures = _cells(today)
    counts = {row["requirement_id"]: row for row in
              _counts(KeptCount, campaign=campaign, within=within, category=category)
              .values("requirement_id").annotate(**figures).order_by()}
    requirements = (Requirement.objects.filter(campaign=campaign, pk__in=list(counts)).order_by("order", "id")
                    .values_list("pk", "directive__number"))
    rows = []
    for pk, label in requirements:
        found = {name[2:]: int(counts[pk][name] or 0) for name in figures}
        rows.append({"requirement_id": pk, "requirement": label, **found, "people": found["rows"],
                     "exempt_people": found["exempt"], "done_people": found["completed"] + found["completed_late"],
                     "overdue_people": found["overdue"]})
    if not rows:
        return pd.DataFrame(columns=[*keys, *GROUP_COLUMNS])
    out = pd.DataFrame.from_records(rows)
    out["counted_people"] = out["people"] - out["exempt_people"]
    out["counted_rows"] = out["rows"] - out["exempt"]
    out["done_rows"] = out["completed"] + out["completed_late"]
    out["people_rate"] = 100.0 * out["done_people"] / out["counted_people"].where(out["counted_people"] > 0)
    out["rows_rate"] = 100.0 * out["done_rows"] / out["counted_rows"].where(out["counted_rows"] > 0)
    return out[[*keys, *GROUP_COLUMNS]]


def kept_people(*, campaign: Campaign, today: dt.date | None = None, within: Iterable[OrgUnit] = (),
                category: str | None = None, status: str | None = None):
    """Today's people of the campaign (subtrees of `within`, `category`) in tree order, as a lazy
    queryset of dicts for a paginator; with `status`, those having at least one requirement in
    that state (`dashboard.people_list`'s rule, from the person rows). Their lists of missing
    requirements: `kept_missing`."""
    today = today or timezone.localdate()
    people = _counts(KeptPerson, campaign=campaign, within=within, category=category).annotate(
        n_missing=F("total") - F("on_time") - F("late"))
    counted = Q(exempt=False)
    states = {
        OVERDUE: counted & Q(n_missing__gt=0, due__lt=today), PENDING: counted & Q(n_missing__gt=0, due__gte=today),
        COMPLETED: counted & Q(on_time__gt=0), COMPLETED_LATE: counted & Q(late__gt=0), EXEMPT: Q(exempt=True),
    }
    if status in states:
        people = people.filter(states[status])
    return people.order_by("unit__path", "employee__employee_code").values(
        "employee_id", "category", "exempt", "on_time", "late", "total", "due",
        employee_code=F("employee__employee_code"), full_name=F("employee__full_name"), unit_name=F("unit__name"),
        unit_path=F("unit__path"))


def kept_missing(*, campaign: Campaign, employee_ids: Iterable[int]) -> dict[int, list[str]]:
    """The requirements (labels, in the campaign's order) each of these people has not completed and
    is not exempt from: pending or overdue by their due date."""
    # The person's rows alone (the unique index on campaign, employee, requirement), labels and
    # order from the campaign's few requirements: a join lets the planner walk every requirement's rows.
    requirements = {pk: (position, label) for position, (pk, label) in enumerate(
        Requirement.objects.filter(campaign=campaign).order_by("order", "id").values_list("pk", "directive__number"))}
    rows = (KeptStatus.objects.all_agencies()
            .filter(campaign_id=campaign.pk, employee_id__in=list(employee_ids), exempt=False,
                    evidence_date__isnull=True)
            .values_list("employee_id", "requirement_id"))
    missing: dict[int, list[tuple[int, str]]] = {}
    for employee_id, requirement_id in rows:
        missing.setdefault(employee_id, []).append(requirements[requirement_id])
    return {employee_id: [label for _, label in sorted(found)] for employee_id, found in missing.items()}


def kept_trend(*, campaign: Campaign, dates: list[dt.date], within: Iterable[OrgUnit] = (),
               category: str | None = None) -> pd.DataFrame:
    """`dashboard.trend` of today's table from the counters (the trend's rule: a row was done at T
    when its evidence is dated ≤ T; audience and exemptions of today): rows and people done per
    evidence date (`KeptDayCount`), totals from `KeptUnitCount` — a few rows per unit and day."""
    within = list(within)
    sums = _counts(KeptUnitCount, campaign=campaign, within=within, category=category).aggregate(
        rows=Sum("rows"), exempt=Sum("exempt"), people=Sum("people"), exempt_people=Sum("exempt_people"))
    total = int(sums["rows"] or 0) - int(sums["exempt"] or 0)
    counted = int(sums["people"] or 0) - int(sums["exempt_people"] or 0)
    by_day = list(_counts(KeptDayCount, campaign=campaign, within=within, category=category)
                  .values("day").annotate(n_rows=Sum("done_rows"), n_people=Sum("done_people"))
                  .order_by().values_list("day", "n_rows", "n_people"))
    rows = []
    for day in dates:
        done = sum(int(n) for d, n, _ in by_day if d <= day)
        done_people = sum(int(n) for d, _, n in by_day if d <= day)
        rows.append({"as_of": day, "done": done, "total": total, "rows_rate": rate(done, total),
                     "done_people": done_people, "people": counted, "people_rate": rate(done_people, counted)})
    return pd.DataFrame(rows, columns=["as_of", "done", "total", "rows_rate", "done_people", "people", "people_rate"])


def _code_points(field: str):
    """`field` ordered by Unicode code points (the report's order, `compliance._people`), not by the
    database's locale: PostgreSQL's "C" collation, SQLite's BINARY."""
    return Collate(F(field), "BINARY" if connection.vendor == "sqlite" else "C")


def _rows_shown(status: str | None, today: dt.date):
    """How many of a person's rows have `status` today (all of them when None), from the person row
    (an exemption covers the whole campaign: a person's rows are all exempt or none)."""
    counted, missing = Q(exempt=False), F("total") - F("on_time") - F("late")
    whens = {
        EXEMPT: When(exempt=True, then=F("total")), COMPLETED: When(counted, then=F("on_time")),
        COMPLETED_LATE: When(counted, then=F("late")),
        PENDING: When(counted & Q(due__gte=today), then=missing),
        OVERDUE: When(counted & Q(due__lt=today), then=missing),
    }
    if status not in whens:
        return F("total")
    return Case(whens[status], default=Value(0), output_field=IntegerField())


class KeptDetail:
    """Today's (person, requirement) rows of the campaign ("Chi tiết") in the report's order — unit
    name, employee code, requirement order — for a paginator: one pass over the person rows (ids
    and how many rows each shows), then only the people of the slice taken have their rows read.
    Rows as dicts: employee_code, full_name, unit, category, requirement, status, evidence,
    evidence_date (a date or None)."""

    def __init__(self, *, campaign: Campaign, today: dt.date | None = None, within: Iterable[OrgUnit] = (),
                 category: str | None = None, status: str | None = None):
        self.campaign, self.today, self.status = campaign, today or timezone.localdate(), status or None
        people = _counts(KeptPerson, campaign=campaign, within=within, category=category).annotate(
            n=_rows_shown(self.status, self.today)).filter(n__gt=0)
        found = list(people.order_by(_code_points("unit__name"), _code_points("employee__employee_code"))
                     .values_list("employee_id", "n"))
        self.ids = [employee_id for employee_id, _ in found]
        self.ends = list(accumulate(n for _, n in found))

    def __len__(self) -> int:
        return self.ends[-1] if self.ends else 0

    def rows(self, start: int, stop: int) -> list[dict]:
        stop = min(stop, len(self))
        if start >= stop:
            return []
        first, last = bisect_right(self.ends, start), bisect_right(self.ends, stop - 1)
        ids = self.ids[first:last + 1]
        base = self.ends[first - 1] if first else 0
        return self._read(ids)[start - base:stop - base]

    def _read(self, ids: list[int]) -> list[dict]:
        """The rows of these people (in this order) that the filter shows."""
        requirements = {pk: (position, label) for position, (pk, label) in enumerate(
            Requirement.objects.filter(campaign=self.campaign).order_by("order", "id")
            .values_list("pk", "directive__number"))}
        people = {row[0]: row[1:] for row in KeptPerson.objects.all_agencies().filter(
            campaign_id=self.campaign.pk, employee_id__in=ids).values_list(
            "employee_id", "employee__employee_code", "employee__full_name", "unit__name", "category")}
        table = pd.DataFrame.from_records(
            list(KeptStatus.objects.all_agencies().filter(campaign_id=self.campaign.pk, employee_id__in=ids)
                 .values_list("employee_id", "requirement_id", "due", "exempt", "evidence", "evidence_date")),
            columns=["employee_id", "requirement_id", "due", "exempt", "evidence", "evidence_date"])
        if table.empty:
            return []
        table["due_day"] = table["due"].map(dt.date.toordinal).astype("int64")
        table["day"] = table["evidence_date"].map(lambda d: d.toordinal() if d else None).astype("float64")
        table["exempt"] = table["exempt"].astype(bool)
        table["status"] = statuses_from(table, as_of=self.today)
        if self.status:
            table = table[table["status"] == self.status]
        position = {employee_id: number for number, employee_id in enumerate(ids)}
        rows = sorted(zip(table["employee_id"], table["requirement_id"], table["status"], table["evidence"],
                          table["evidence_date"], strict=True),
                      key=lambda row: (position[row[0]], requirements[row[1]][0]))
        out = []
        for employee_id, requirement_id, status, evidence, evidence_date in rows:
            code, name, unit, category = people[employee_id]
            out.append({"employee_id": int(employee_id), "employee_code": code, "full_name": name, "unit": unit,
                        "category": category, "requirement": requirements[requirement_id][1], "status": status,
                        "evidence": evidence,
                        "evidence_date": evidence_date if isinstance(evidence_date, dt.date) else None})
        return out
