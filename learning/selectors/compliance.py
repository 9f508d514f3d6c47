"""Compliance: the one place that turns evidence into statuses (CONTRACT.md "Compliance").

Status of one (staff member, requirement) as of date T:
- evidence = attendance present/late at any session covering the directive (dated session.date),
  a passed quiz linked to the directive (dated `Attempt.evidence_date`), or a manual record;
  only evidence dated in [campaign.start, T] counts and the earliest is reported; on a tie of
  dates the kind is chosen in the order attendance, quiz, manual;
- `exempt` when the person is exempted from the campaign, whatever the evidence;
- otherwise `completed` (evidence ≤ due), `completed_late` (evidence > due), `pending`
  (none and T ≤ due) or `overdue` (none and T > due).

The audience as of T (see docs/compliance.md): staff of the campaign's agency, in the audience
units' subtrees and categories (empty = all), in post on T — start_date empty or ≤ T, and not
left (left_date empty or > T; inactive without a left_date counts as left) — and who joined on or
before the due date (newcomers after the deadline belong to the next campaign).

Everything is computed in bulk: one query for the audience, one per evidence source, one for the
requirements and one for the exemptions, whatever the audience size; the rest is pandas.
One person's statuses ("Việc học của tôi", on every visit) take the same rule through database
aggregates instead (`employee_campaign_status`): pandas costs more than a person's few rows;
a test holds the two paths to the same answers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from django.db.models import QuerySet
from django.utils import timezone

from core import evidence as evidence_registry
from learning.models import Campaign, Exemption, Requirement
from learning.selectors.audience import campaign_audience
from org.models import Employee, OrgUnit

COMPLETED = "completed"
COMPLETED_LATE = "completed_late"
PENDING = "pending"
OVERDUE = "overdue"
EXEMPT = "exempt"
STATUSES = (COMPLETED, COMPLETED_LATE, PENDING, OVERDUE, EXEMPT)
DONE_STATUSES = (COMPLETED, COMPLETED_LATE)


CSV_COLUMNS = ["employee_code", "full_name", "unit", "category", "requirement", "status", "evidence", "evidence_date"]
ID_COLUMNS = ["employee_id", "requirement_id", "directive_id", "unit_id", "unit_path"]
TABLE_COLUMNS = CSV_COLUMNS + ID_COLUMNS + ["requirement_order"]



@dataclass(frozen=True)
class RequirementStatus:
    requirement: Requirement
    directive: Any  # courses.DirectivePage
    status: str
    evidence: str  # attendance | quiz | manual | "" when none
    evidence_date: dt.date | None


@dataclass(frozen=True)
class CampaignStatus:
    campaign: Campaign
    items: list[RequirementStatus] = field(default_factory=list)
    completed: int = 0
    total: int = 0
    exempt: bool = False


def _today() -> dt.date:
    return timezone.localdate()


# --- evidence: a constant number of queries for the whole audience -----------------------------
#
# Every kind of evidence is a source in the registry of `core.evidence` (attendance and manual
# records from this app, passed quizzes from the quiz engine, …): compliance knows only the
# registry. Each source yields (employee_id, directive_id, day) with `day` the date's proleptic
# ordinal, so that sorting and comparing are integer operations on hundreds of thousands of rows.

SMALL_AUDIENCE = 500  # up to this many people, sources filter by an explicit list of ids


def _source(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame.from_records(rows, columns=columns)


def _earliest_evidence(*, employees: QuerySet | list[int], directive_ids: list[int], start: dt.date, end: dt.date) -> pd.DataFrame:
    """(employee_id, directive_id) → the earliest day with evidence in [start, end] and its rank
    (the position of its source in `core.evidence.sources()`, which breaks ties of dates)."""
    frames = []
    if directive_ids and start <= end:
        for rank, source in enumerate(evidence_registry.sources()):
            frame = source.frame(employees=employees, directive_ids=directive_ids, start=start, end=end)
            if len(frame):
                frames.append(frame.assign(rank=rank))
    if not frames:
        return pd.DataFrame({"employee_id": [], "directive_id": [], "day": [], "rank": []}, dtype="int64")
    evidence = pd.concat(frames, ignore_index=True)
    evidence = evidence.sort_values(["employee_id", "directive_id", "day", "rank"], kind="stable")
    return evidence.drop_duplicates(["employee_id", "directive_id"], keep="first")


# --- the table --------------------------------------------------------------------------------


def _empty_table() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=object) for name in TABLE_COLUMNS})


def _status(*, day: int | None, exempt: bool, due: dt.date, as_of: dt.date) -> str:
    """The rule for one row (`day`: ordinal of the earliest evidence, None when none); `_statuses`
    is the same rule over a whole table, and tests hold the two to the same answers."""
    if exempt:
        return EXEMPT
    if day is None:
        return PENDING if as_of <= due else OVERDUE
    return COMPLETED if day <= due.toordinal() else COMPLETED_LATE


def _statuses(table: pd.DataFrame, *, exempt_ids: set[int], due: dt.date, as_of: dt.date) -> pd.Series:
    has_evidence = table["day"].notna()
    on_time = has_evidence & (table["day"] <= due.toordinal())
    no_evidence_status = PENDING if as_of <= due else OVERDUE
    status = pd.Series(no_evidence_status, index=table.index, dtype=object)
    status[has_evidence] = COMPLETED_LATE
    status[on_time] = COMPLETED
    status[table["employee_id"].isin(exempt_ids)] = EXEMPT
    return status


def _people(audience: QuerySet[Employee]) -> pd.DataFrame:
    """The audience in report order: unit name, then employee code (Unicode code points, as
    Python's sorted(): locale-independent and the same on every machine)."""
    people = _source(
        list(audience.values_list("id", "employee_code", "full_name", "unit_id", "unit__name", "unit__path",
                                  "category")),
        ["employee_id", "employee_code", "full_name", "unit_id", "unit", "unit_path", "category"],
    )
    return people.sort_values(["unit", "employee_code"], kind="stable", ignore_index=True)


def _compute(*, campaign: Campaign, as_of: dt.date, audience: QuerySet[Employee]) -> pd.DataFrame:
    requirements = _source(
        list(Requirement.objects.filter(campaign=campaign).order_by("order", "id")
             .values_list("id", "directive_id", "directive__number")),
        ["requirement_id", "directive_id", "requirement"],
    )
    people = _people(audience)
    if requirements.empty or people.empty:
        return _empty_table()
    requirements["requirement_order"] = range(len(requirements))
    exempt_ids = set(Exemption.objects.filter(campaign=campaign).values_list("employee_id", flat=True))
    small = len(people) <= SMALL_AUDIENCE
    evidence = _earliest_evidence(
        employees=people["employee_id"].tolist() if small else audience.values("pk"),
        directive_ids=requirements["directive_id"].tolist(),
        start=campaign.start,
        end=as_of,
    )
    # Both merges keep the left frame's order: people (sorted) × requirements (in campaign order).
    table = people.merge(requirements, how="cross")
    table = table.merge(evidence, on=["employee_id", "directive_id"], how="left")
    table["status"] = _statuses(table, exempt_ids=exempt_ids, due=campaign.due, as_of=as_of)
    kinds = {rank: str(source.kind) for rank, source in enumerate(evidence_registry.sources())}
    table["evidence"] = table["rank"].map(kinds).astype(object).where(table["rank"].notna(), "")
    days = {day: dt.date.fromordinal(int(day)) for day in table["day"].dropna().unique()}
    table["evidence_date"] = table["day"].map(days).astype(object).where(table["day"].notna(), None)
    return table[TABLE_COLUMNS]


def compliance_table(*, campaign: Campaign, as_of: dt.date | None = None, unit: OrgUnit | None = None) -> pd.DataFrame:
    """One row per (person in the audience, requirement): the CONTRACT CSV columns plus ids,
    sorted by unit name, employee code, requirement order. `unit` limits it to a subtree."""
    as_of = as_of or _today()
    audience = campaign_audience(campaign=campaign, as_of=as_of)
    if unit is not None:
        # Re-read the path: treebeard moves sibling paths when a unit is inserted in name order.
        path = OrgUnit.objects.filter(pk=unit.pk).values_list("path", flat=True).first() or unit.path
        audience = audience.filter(unit__path__startswith=path)
    return _compute(campaign=campaign, as_of=as_of, audience=audience)


def completed_employee_ids(*, campaign: Campaign, as_of: dt.date | None = None) -> set[int]:
    """Everyone in the audience who completed (on time or late) every requirement; exempt people
    and campaigns without requirements give nobody."""
    table = compliance_table(campaign=campaign, as_of=as_of)
    if table.empty:
        return set()
    done = table["status"].isin(DONE_STATUSES).groupby(table["employee_id"]).all()
    return {int(pk) for pk in done[done].index}


def _person_evidence(*, employee: Employee, directive_ids: set[int], start: dt.date,
                     end: dt.date) -> dict[int, list[tuple[int, int]]]:
    """directive_id → sorted (day, rank) of one person's evidence in [start, end], from the same
    sources as `_earliest_evidence` (one query per source for all the person's campaigns): pandas
    costs more than the few rows of one person."""
    if not directive_ids or start > end:
        return {}
    evidence: dict[int, list[tuple[int, int]]] = {}
    for rank, source in enumerate(evidence_registry.sources()):
        for directive_id, day in source.person_rows(employee_id=employee.pk, directive_ids=directive_ids,
                                                    start=start, end=end):
            evidence.setdefault(directive_id, []).append((day.toordinal(), rank))
    return {directive_id: sorted(found) for directive_id, found in evidence.items()}


def _earliest_from(found: list[tuple[int, int]], start: dt.date) -> tuple[int | None, int | None]:
    """The earliest (day, rank) on or after `start` (ties: attendance, quiz, manual), or Nones."""
    return next(((day, rank) for day, rank in found if day >= start.toordinal()), (None, None))


def _person_campaign_status(*, campaign: Campaign, requirements: list[Requirement], exempt: bool,
                            evidence: dict[int, list[tuple[int, int]]], as_of: dt.date) -> CampaignStatus:
    kinds = [source.kind for source in evidence_registry.sources()]
    items = []
    for requirement in requirements:
        day, rank = _earliest_from(evidence.get(requirement.directive_id, []), campaign.start)
        items.append(RequirementStatus(
            requirement=requirement,
            directive=requirement.directive,
            status=_status(day=day, exempt=exempt, due=campaign.due, as_of=as_of),
            evidence=str(kinds[rank]) if rank is not None else "",
            evidence_date=dt.date.fromordinal(day) if day is not None else None,
        ))
    return CampaignStatus(
        campaign=campaign,
        items=items,
        completed=sum(item.status in DONE_STATUSES for item in items),
        total=len(items),
        exempt=exempt,
    )


def employee_campaign_status(*, employee: Employee, as_of: dt.date | None = None) -> list[CampaignStatus]:
    """The campaigns whose audience holds `employee` as of `as_of`, each with its requirements
    (what "Việc học của tôi" shows on every visit: a handful of indexed queries in all, plus two
    per campaign for its audience)."""
    as_of = as_of or _today()
    campaigns = [
        campaign for campaign in Campaign.objects.filter(agency_id=employee.agency_id).order_by("-year", "due", "title")
        if campaign_audience(campaign=campaign, as_of=as_of).filter(pk=employee.pk).exists()
    ]
    requirements: dict[int, list[Requirement]] = {}
    for requirement in (Requirement.objects.filter(campaign__in=campaigns).select_related("directive")
                        .order_by("campaign_id", "order", "id")):
        requirements.setdefault(requirement.campaign_id, []).append(requirement)
    campaigns = [campaign for campaign in campaigns if requirements.get(campaign.pk)]
    if not campaigns:
        return []
    exempt_from = set(Exemption.objects.filter(campaign__in=campaigns, employee=employee)
                      .values_list("campaign_id", flat=True))
    evidence = _person_evidence(
        employee=employee, directive_ids={r.directive_id for rs in requirements.values() for r in rs},
        start=min(campaign.start for campaign in campaigns), end=as_of,
    )
    return [
        _person_campaign_status(campaign=campaign, requirements=requirements[campaign.pk],
                                exempt=campaign.pk in exempt_from, evidence=evidence, as_of=as_of)
        for campaign in campaigns
    ]


# --- summaries shared by the reports and dashboards ------------------------------------------


def completion_rate(statuses: pd.Series) -> float | None:
    """(completed + completed_late) / (rows − exempt), in percent; None when nobody counts."""
    counted = int((statuses != EXEMPT).sum())
    if counted == 0:
        return None
    return 100.0 * int(statuses.isin(DONE_STATUSES).sum()) / counted


def status_counts(table: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Counts of each status per group, with `done`, `counted` (rows − exempt) and `percent`
    (unrounded; None/NaN when nothing counts)."""
    counts = pd.crosstab([table[key] for key in by], table["status"]) if len(table) else pd.DataFrame()
    counts = counts.reindex(columns=list(STATUSES), fill_value=0)
    counts["done"] = counts[COMPLETED] + counts[COMPLETED_LATE]
    counts["counted"] = counts[list(STATUSES)].sum(axis=1) - counts[EXEMPT]
    counts["percent"] = 100.0 * counts["done"] / counts["counted"].where(counts["counted"] > 0)
    return counts


def people_summary(table: pd.DataFrame) -> pd.DataFrame:
    """One row per person: `exempt`, and `done_all` (every requirement completed or late)."""
    if table.empty:
        return pd.DataFrame(columns=["employee_id", "unit_id", "unit", "exempt", "done_all"])
    people = table.groupby("employee_id", sort=False)[["unit_id", "unit"]].first()
    people["exempt"] = (table["status"] == EXEMPT).groupby(table["employee_id"], sort=False).any()
    people["done_all"] = table["status"].isin(DONE_STATUSES).groupby(table["employee_id"], sort=False).all()
    return people.reset_index()


def rolled_up(table: pd.DataFrame, *, depth: int) -> pd.DataFrame:
    """The table with each person's unit replaced by its ancestor at `depth` (2 = the agency's
    departments; units above that depth stay as they are), sorted again by unit name."""
    if table.empty:
        return table
    cut = OrgUnit.steplen * depth
    paths = table["unit_path"].str.slice(0, cut)
    ancestors = dict(OrgUnit.objects.filter(path__in=paths.unique().tolist()).values_list("path", "id"))
    names = dict(OrgUnit.objects.filter(path__in=list(ancestors)).values_list("path", "name"))
    out = table.assign(unit_path=paths, unit_id=paths.map(ancestors), unit=paths.map(names))
    return out.sort_values(["unit", "employee_code", "requirement_order"], kind="stable", ignore_index=True)


def unit_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per unit (in the table's order): people, exempt, counted, done_all and percent of people
    who completed every requirement, plus one `percent` column per requirement number. Pass
    `rolled_up(table, depth=2)` for figures per department, sub-units included."""
    people = people_summary(table)
    if people.empty:
        return pd.DataFrame(columns=["unit_id", "unit", "people", "exempt", "counted", "done_all", "percent"])
    units = people.groupby("unit_id", sort=False).agg(
        unit=("unit", "first"), people=("employee_id", "size"), exempt=("exempt", "sum"),
        done_all=("done_all", "sum"),
    )
    units["counted"] = units["people"] - units["exempt"]
    units["percent"] = 100.0 * units["done_all"] / units["counted"].where(units["counted"] > 0)
    by_requirement = status_counts(table, ["unit_id", "requirement"])["percent"].unstack("requirement")
    order = list(dict.fromkeys(table["requirement"]))
    units = units.join(by_requirement[order])
    return units.reset_index()[["unit_id", "unit", "people", "exempt", "counted", "done_all", "percent", *order]]


def requirement_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per requirement, in campaign order: counts of each status, done, counted and percent."""
    counts = status_counts(table, ["requirement"])
    order = list(dict.fromkeys(table["requirement"]))
    return counts.reindex(order).reset_index()


def overall_summary(table: pd.DataFrame) -> dict[str, Any]:
    """The headline figures: people, exempt_people, counted, done_all, percent_people; and the
    per-cell completion % of CONTRACT.md (`percent_cells`) with the count of each status."""
    people = people_summary(table)
    exempt_count = int(people["exempt"].sum()) if len(people) else 0
    counted = len(people) - exempt_count
    done_all = int(people["done_all"].sum()) if len(people) else 0
    counts = table["status"].value_counts() if len(table) else pd.Series(dtype=int)
    rate = completion_rate(table["status"]) if len(table) else None
    return {
        "people": len(people),
        "exempt_people": exempt_count,
        "counted": counted,
        "done_all": done_all,
        "percent_people": 100.0 * done_all / counted if counted else None,
        "percent_cells": rate,
        **{status: int(counts.get(status, 0)) for status in STATUSES},
    }
