"""Compliance: the one place that turns evidence into statuses (CONTRACT.md "Compliance").

Status of one (staff member, requirement) as of date T:
- evidence = attendance present/late at any session covering the directive (dated session.date),
  a passed quiz linked to the directive (dated `Attempt.evidence_date`), or a manual record;
  only evidence dated in [campaign.start, T] counts and the earliest is reported; on a tie of
  dates the kind is chosen in the order attendance, quiz, manual;
- `exempt` when the person is exempted from the campaign, whatever the evidence;
- otherwise `completed` (evidence ≤ due), `completed_late` (evidence > due), `pending`
  (none and T ≤ due) or `overdue` (none and T > due), where `due` is the person's own
  (`learning.selectors.audience.person_due`: a newcomer's start + `new_hire_days` when the campaign
  sets it).

The audience as of T (`learning.selectors.audience`, docs/compliance.md): staff of the campaign's
agency employed on T by the roster history, whose unit on T is in the audience units' subtrees,
in the audience categories (empty = all); the `unit` of a row is the person's unit on T.

Everything is computed in bulk: one query for the audience, one per evidence source, one for the
requirements and one for the exemptions, whatever the audience size; the rest is pandas.
One person's statuses ("Việc học của tôi", on every visit) take the same rule through database
aggregates instead (`employee_campaign_status`): pandas costs more than a person's few rows;
a test holds the two paths to the same answers. The refresh of the kept statuses after one write
(`compliance_person`: one person's rows and horizon) takes the same per-person path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from django.db.models import Exists, Min, OuterRef, Q, QuerySet
from django.utils import timezone

from core import evidence as evidence_registry
from learning.models import Campaign, Exemption, Requirement
from learning.selectors.audience import campaign_audience, person_due
from learning.selectors.summaries import REPORT_SLICE_ROWS, Summary, TableFigures
from learning.statuses import COMPLETED, COMPLETED_LATE, DONE_STATUSES, EXEMPT, OVERDUE, PENDING
from org.models import Employee, EmploymentPeriod, OrgUnit, UnitMove

CSV_COLUMNS = ["employee_code", "full_name", "unit", "category", "requirement", "status", "evidence", "evidence_date"]
ID_COLUMNS = ["employee_id", "requirement_id", "directive_id", "unit_id", "unit_path"]
# `due_day`: the row's due date as an ordinal (the person's own, `person_due`), for reminders.
TABLE_COLUMNS = CSV_COLUMNS + ID_COLUMNS + ["requirement_order", "due_day"]



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
    due: dt.date | None = None  # this person's due date (a newcomer's own with `new_hire_days`)


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
    frames.clear()
    # Sorted by (person, directive, day, rank), the first row of each (person, directive): one
    # index array and the kept rows, not a sorted copy and a deduplicated copy of 1.5 million rows.
    columns = {name: evidence[name].to_numpy() for name in evidence.columns}
    del evidence
    order = np.lexsort((columns["rank"], columns["day"], columns["directive_id"], columns["employee_id"]))
    employee_ids, directive_ids = columns["employee_id"][order], columns["directive_id"][order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (employee_ids[1:] != employee_ids[:-1]) | (directive_ids[1:] != directive_ids[:-1])
    del employee_ids, directive_ids
    keep = order[first]
    return pd.DataFrame({name: values[keep] for name, values in columns.items()})


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


def _statuses(table: pd.DataFrame, *, exempt_ids: set[int], as_of: dt.date) -> pd.Series:
    """`_status` over a table whose `due_day` holds each row's due date (an ordinal)."""
    has_evidence = table["day"].notna()
    on_time = has_evidence & (table["day"] <= table["due_day"])
    status = pd.Series(PENDING, index=table.index, dtype=object)
    status[table["due_day"] < as_of.toordinal()] = OVERDUE
    status[has_evidence] = COMPLETED_LATE
    status[on_time] = COMPLETED
    status[table["employee_id"].isin(exempt_ids)] = EXEMPT
    return status


def statuses_from(table: pd.DataFrame, *, as_of: dt.date) -> pd.Series:
    """`_statuses` over rows kept without their status (`learning.selectors.kept`): `day` (the
    earliest evidence's ordinal, NaN when none), `due_day` and `exempt` (a boolean per row)."""
    return _statuses(table, exempt_ids=set(table.loc[table["exempt"], "employee_id"].tolist()), as_of=as_of)


def _people(audience: QuerySet[Employee], *, campaign: Campaign) -> pd.DataFrame:
    """The audience in report order: unit (on the day) name, then employee code (Unicode code
    points, as Python's sorted(): locale-independent and the same on every machine), with each
    person's due date as an ordinal."""
    people = _source(
        list(audience.values_list("id", "employee_code", "full_name", "unit_on_id", "unit_on_name", "unit_on_path",
                                  "category", "start_on")),
        ["employee_id", "employee_code", "full_name", "unit_id", "unit", "unit_path", "category", "start_on"],
    )
    dues = {start: person_due(campaign=campaign, start_date=start).toordinal()
            for start in set(people["start_on"].tolist())}
    people["due_day"] = pd.Series([dues[start] for start in people["start_on"]], index=people.index, dtype="int64")
    return people.drop(columns="start_on").sort_values(["unit", "employee_code"], kind="stable", ignore_index=True)


@dataclass(frozen=True)
class _Inputs:
    """What the rows of a table are made of: the audience in report order, the requirements in
    campaign order, the exempt people, and the earliest evidence per (person, directive) as an
    sorted array of integer keys (`_key`, unique) with its day, kind and date by position — each
    array ending with the value of "no evidence", which position -1 (not found) picks."""

    people: pd.DataFrame
    requirements: pd.DataFrame
    exempt_ids: set[int]
    as_of: dt.date
    span: int  # above every directive id: key = employee_id * span + directive_id
    evidence_keys: np.ndarray
    evidence_day: np.ndarray  # float ordinals, NaN
    evidence_kind: np.ndarray  # source kinds, ""
    evidence_date: np.ndarray  # dates, None


def _inputs(*, campaign: Campaign, as_of: dt.date, audience: QuerySet[Employee]) -> _Inputs | None:
    """The queries of a table (None when it has no rows)."""
    requirements = _source(
        list(Requirement.objects.filter(campaign=campaign).order_by("order", "id")
             .values_list("id", "directive_id", "directive__number")),
        ["requirement_id", "directive_id", "requirement"],
    )
    people = _people(audience, campaign=campaign)
    if requirements.empty or people.empty:
        return None
    requirements["requirement_order"] = range(len(requirements))
    exempt_ids = set(Exemption.objects.filter(campaign=campaign).values_list("employee_id", flat=True))
    small = len(people) <= SMALL_AUDIENCE
    evidence = _earliest_evidence(
        employees=people["employee_id"].tolist() if small else audience.values("pk"),
        directive_ids=requirements["directive_id"].tolist(),
        start=campaign.start,
        end=as_of,
    )
    span = int(max(requirements["directive_id"].max(), evidence["directive_id"].max() if len(evidence) else 0)) + 1
    kinds = np.array([str(source.kind) for source in evidence_registry.sources()], dtype=object)
    dates = {day: dt.date.fromordinal(day) for day in evidence["day"].unique().tolist()}
    return _Inputs(
        people=people, requirements=requirements, exempt_ids=exempt_ids, as_of=as_of, span=span,
        evidence_keys=_key(evidence["employee_id"], evidence["directive_id"], span),  # sorted: `_earliest_evidence` order
        evidence_day=np.append(evidence["day"].to_numpy(dtype="float64"), np.nan),
        evidence_kind=np.append(kinds[evidence["rank"].to_numpy(dtype="int64")], ""),
        evidence_date=np.append(evidence["day"].map(dates).to_numpy(dtype=object), None),
    )


def _key(employee_ids, directive_ids, span: int) -> np.ndarray:
    return np.asarray(employee_ids, dtype="int64") * span + np.asarray(directive_ids, dtype="int64")


def _find(keys: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The position of each wanted key in the sorted unique `keys`, -1 when absent (a binary
    search: no hash table over 1.5 million keys)."""
    if not len(keys):
        return np.full(len(wanted), -1)
    found = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return np.where(keys[found] == wanted, found, -1)


def _rows(inputs: _Inputs, people: pd.DataFrame) -> pd.DataFrame:
    """The table of `people` (the audience or a slice of it, in report order) × the requirements.

    Built column by column in its final order, each column taken once from its source by position
    (no cross merge, no merged copy, no reordering copy): the table is the largest object of an
    export at scale (1.9 million rows at 100,000 staff), so it is made once."""
    requirements = inputs.requirements
    count = len(requirements)
    who = np.repeat(np.arange(len(people)), count)  # people-major, requirements in campaign order
    what = np.tile(np.arange(count), len(people))
    employee_ids = people["employee_id"].to_numpy(dtype="int64")[who]
    directive_ids = requirements["directive_id"].to_numpy(dtype="int64")[what]
    found = _find(inputs.evidence_keys, _key(employee_ids, directive_ids, inputs.span))
    due_day = people["due_day"].to_numpy(dtype="int64")[who]
    status = _statuses(pd.DataFrame({"day": inputs.evidence_day[found], "due_day": due_day,
                                     "employee_id": employee_ids}, copy=False),
                       exempt_ids=inputs.exempt_ids, as_of=inputs.as_of).to_numpy()
    columns = {name: people[name].array.take(who) for name in TABLE_COLUMNS if name in people.columns}
    del who
    columns.update({name: requirements[name].array.take(what) for name in TABLE_COLUMNS
                    if name in requirements.columns})
    columns.update(employee_id=employee_ids, directive_id=directive_ids, due_day=due_day, status=_objects(status),
                   evidence=_objects(inputs.evidence_kind[found]), evidence_date=_objects(inputs.evidence_date[found]))
    return pd.DataFrame({name: columns[name] for name in TABLE_COLUMNS}, copy=False)


class TableSlices:
    """`compliance_table` in consecutive slices of whole people of about `rows` rows each (at least
    one slice, empty when the table is): concatenated, they are the table. The queries ran when
    this was made; each iteration builds one slice at a time, so an export streaming them holds the
    audience, the evidence and one slice, never the whole table."""

    def __init__(self, inputs: _Inputs | None, rows: int):
        self.inputs, self.rows = inputs, rows

    def resliced(self, rows: int) -> TableSlices:
        """The same table (the same queries' results) in slices of about `rows` rows."""
        return TableSlices(self.inputs, rows)

    def __iter__(self) -> Iterator[pd.DataFrame]:
        if self.inputs is None:
            yield _empty_table()
            return
        people = self.inputs.people
        step = max(1, self.rows // len(self.inputs.requirements))
        for first in range(0, len(people), step):
            yield _rows(self.inputs, people.iloc[first:first + step])


def _objects(values: np.ndarray):
    """An object column kept as such (pandas would infer `str` from an array of strings)."""
    return pd.Series(values, dtype=object, copy=False)


def _compute(*, campaign: Campaign, as_of: dt.date, audience: QuerySet[Employee]) -> pd.DataFrame:
    inputs = _inputs(campaign=campaign, as_of=as_of, audience=audience)
    return _empty_table() if inputs is None else _rows(inputs, inputs.people)


def compliance_table(*, campaign: Campaign, as_of: dt.date | None = None, unit: OrgUnit | None = None) -> pd.DataFrame:
    """One row per (person in the audience, requirement): the CONTRACT CSV columns plus ids,
    sorted by unit name, employee code, requirement order. `unit` limits it to a subtree."""
    as_of = as_of or _today()
    audience = campaign_audience(campaign=campaign, as_of=as_of, unit=unit)
    return _compute(campaign=campaign, as_of=as_of, audience=audience)


def compliance_table_slices(*, campaign: Campaign, as_of: dt.date | None = None, unit: OrgUnit | None = None,
                            rows: int = 50_000) -> TableSlices:
    """`compliance_table(campaign=, as_of=, unit=)` as `TableSlices` of about `rows` rows."""
    as_of = as_of or _today()
    audience = campaign_audience(campaign=campaign, as_of=as_of, unit=unit)
    return TableSlices(_inputs(campaign=campaign, as_of=as_of, audience=audience), rows)


def compliance_summary(*, campaign: Campaign, as_of: dt.date | None = None) -> Summary:
    """`summary(compliance_table(campaign=, as_of=))` added up slice by slice of people: the whole
    table (≈ 450 MiB at 100,000 staff) is never in memory."""
    return TableFigures.of(compliance_table_slices(campaign=campaign, as_of=as_of, rows=REPORT_SLICE_ROWS)).overall


def compliance_table_of(*, campaign: Campaign, employee_ids, as_of: dt.date | None = None) -> pd.DataFrame:
    """`compliance_table(campaign=, as_of=)` restricted to the given people (those of them in the
    audience on that day): the same rule and the same rows, computed for a few people — what the
    kept statuses (`learning.services.kept`) store after each write."""
    as_of = as_of or _today()
    audience = campaign_audience(campaign=campaign, as_of=as_of).filter(pk__in=list(employee_ids))
    return _compute(campaign=campaign, as_of=as_of, audience=audience)


LAST_DAY = dt.date(9999, 12, 31)


def _roster_days(*, staff: QuerySet[Employee], as_of: dt.date) -> list[dt.date | None]:
    """The roster dates of `staff` after `as_of` the rule compares with the day (`compliance_horizon`)."""
    days = list(staff.aggregate(a=Min("start_date", filter=Q(start_date__gt=as_of)),
                                b=Min("left_date", filter=Q(left_date__gt=as_of))).values())
    days += UnitMove.objects.filter(employee__in=staff, moved_on__gt=as_of).aggregate(a=Min("moved_on")).values()
    days += EmploymentPeriod.objects.filter(employee__in=staff).aggregate(
        a=Min("start_date", filter=Q(start_date__gt=as_of)), b=Min("end_date", filter=Q(end_date__gt=as_of))).values()
    return days


def compliance_horizon(*, campaign: Campaign, as_of: dt.date, employee_ids=None) -> dt.date | None:
    """The first day after `as_of` on which the table of these people (None: the agency's staff)
    may differ from the table of `as_of` with no write at all — the dates the rule compares with
    the day: a start, a leaving date, a move or an earlier period's bounds dated later, evidence
    dated later, the campaign's start when it has not come. (The due date needs no horizon: the
    kept rows hold it and pending/overdue is derived when read.) None: no such day."""
    staff = Employee.objects.filter(agency_id=campaign.agency_id)
    if employee_ids is not None:
        staff = staff.filter(pk__in=list(employee_ids))
    later = dt.timedelta(days=1) + as_of
    days = [campaign.start] if campaign.start > as_of else []
    days += _roster_days(staff=staff, as_of=as_of)
    directive_ids = list(Requirement.objects.filter(campaign=campaign).values_list("directive_id", flat=True))
    found = _earliest_evidence(employees=list(employee_ids) if employee_ids is not None else staff.values("pk"),
                               directive_ids=directive_ids, start=max(later, campaign.start), end=LAST_DAY)
    if len(found):
        days.append(dt.date.fromordinal(int(found["day"].min())))
    return min((day for day in days if day is not None), default=None)


@dataclass(frozen=True)
class PersonRow:
    """One row of `compliance_table_of` for one person (the columns the kept statuses store)."""

    requirement_id: int
    unit_id: int
    category: str
    due: dt.date
    status: str
    evidence: str  # the kind, "" when none
    evidence_date: dt.date | None


def compliance_person(*, campaign: Campaign, employee_id: int,
                      as_of: dt.date | None = None) -> tuple[list[PersonRow], dt.date | None]:
    """`compliance_table_of(campaign=, employee_ids=[employee_id], as_of=)` (in requirement order;
    empty when the person is not in the audience) and `compliance_horizon(…, employee_ids=[employee_id])`
    of one person, by the per-person path of "Việc học của tôi" (`_person_evidence`, `_status`):
    the same rule, its evidence read once for both (one query per source), no pandas — what one
    write costs the kept statuses. Tests hold it to the table and the horizon on random worlds."""
    as_of = as_of or _today()
    requirements = list(Requirement.objects.filter(campaign=campaign).order_by("order", "id")
                        .values_list("id", "directive_id"))
    employee = Employee(pk=employee_id)
    evidence = _person_evidence(employee=employee, directive_ids={d for _, d in requirements}, start=campaign.start,
                                end=LAST_DAY)
    days = [campaign.start] if campaign.start > as_of else []
    days += _roster_days(staff=Employee.objects.filter(agency_id=campaign.agency_id, pk=employee_id), as_of=as_of)
    days += [dt.date.fromordinal(day) for found in evidence.values() for day, _ in found if day > as_of.toordinal()]
    horizon = min((day for day in days if day is not None), default=None)
    exempted = Exemption.objects.filter(campaign=campaign, employee_id=OuterRef("pk"))
    me = (campaign_audience(campaign=campaign, as_of=as_of).filter(pk=employee_id).annotate(exempt=Exists(exempted))
          .values_list("unit_on_id", "category", "start_on", "exempt").first())
    if me is None or not requirements:
        return [], horizon
    unit_id, category, start_on, exempt = me
    due = person_due(campaign=campaign, start_date=start_on)
    kinds = [str(source.kind) for source in evidence_registry.sources()]
    rows = []
    for requirement_id, directive_id in requirements:
        counted = [found for found in evidence.get(directive_id, []) if found[0] <= as_of.toordinal()]
        day, rank = _earliest_from(counted, campaign.start)
        rows.append(PersonRow(requirement_id=requirement_id, unit_id=unit_id, category=category or "", due=due,
                              status=_status(day=day, exempt=exempt, due=due, as_of=as_of),
                              evidence=kinds[rank] if rank is not None else "",
                              evidence_date=dt.date.fromordinal(day) if day is not None else None))
    return rows, horizon


def compliance_table_slice(*, campaign: Campaign, as_of: dt.date | None = None, offset: int,
                           limit: int) -> tuple[int, pd.DataFrame]:
    """Rows [offset, offset + limit) of `compliance_table(campaign=, as_of=)` and its row count,
    computing only the people those rows belong to (a page of the API). Every person has one row
    per requirement, so a slice of rows is a slice of the audience in report order: the audience is
    read once (one query), the statuses of at most limit/requirements + 2 people are computed —
    the same rule, the same rows, a fraction of the cost for a large agency."""
    as_of = as_of or _today()
    audience = campaign_audience(campaign=campaign, as_of=as_of)
    per_person = Requirement.objects.filter(campaign=campaign).count()
    people = _people(audience, campaign=campaign)
    total = len(people) * per_person
    if not per_person or offset >= total or limit <= 0:
        return total, _empty_table()
    first, last = offset // per_person, (offset + limit - 1) // per_person
    ids = people["employee_id"].iloc[first:last + 1].tolist()
    table = _compute(campaign=campaign, as_of=as_of, audience=audience.filter(pk__in=ids))
    skip = offset - first * per_person
    return total, table.iloc[skip:skip + limit].reset_index(drop=True)


LEAN_COLUMNS = ["campaign_id", "agency_id", "employee_id", "unit_id", "unit_path", "category", "requirement_id",
                "directive_id", "requirement", "requirement_order", "status", "evidence", "evidence_date"]


def compliance_tables(*, campaigns: list[Campaign], as_of: dt.date | None = None) -> pd.DataFrame:
    """The compliance rows of many campaigns at once (a province-wide campaign in each of its
    agencies): the same audience rule (`campaign_audience`) and status rule (`_statuses`) as
    `compliance_table`, without names (the province's aggregates need no personal data).

    Queries: one audience query per campaign (its own audience adjustments), then one for the
    requirements, one for the exemptions and one per evidence source for all the agencies
    together (per distinct campaign start, normally one): not one per agency per source.
    Rows in campaign order, then people by unit name and code, then requirement order."""
    as_of = as_of or _today()
    if not campaigns:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in LEAN_COLUMNS})
    by_id = {campaign.pk: campaign for campaign in campaigns}
    people = []
    for campaign in campaigns:
        frame = _people(campaign_audience(campaign=campaign, as_of=as_of), campaign=campaign)
        people.append(frame.drop(columns=["employee_code", "full_name", "unit"])
                      .assign(campaign_id=campaign.pk, agency_id=campaign.agency_id, start=campaign.start.toordinal()))
    people = pd.concat(people, ignore_index=True)
    requirements = _source(
        list(Requirement.objects.filter(campaign__in=list(by_id)).order_by("campaign_id", "order", "id")
             .values_list("campaign_id", "id", "directive_id", "directive__number")),
        ["campaign_id", "requirement_id", "directive_id", "requirement"],
    )
    if requirements.empty or people.empty:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in LEAN_COLUMNS})
    requirements["requirement_order"] = requirements.groupby("campaign_id").cumcount()
    exempt_ids: dict[int, set[int]] = {}
    for campaign_id, employee_id in Exemption.objects.filter(campaign__in=list(by_id)).values_list(
            "campaign_id", "employee_id"):
        exempt_ids.setdefault(campaign_id, set()).add(employee_id)
    evidence = _evidence_for_starts(campaigns=campaigns, directive_ids=requirements["directive_id"].unique().tolist(),
                                    as_of=as_of)
    # Every person × every requirement of their own campaign, in the order of `people`.
    table = people.merge(requirements, on="campaign_id", how="left")
    table = table[table["requirement_id"].notna()]
    table = table.astype({"requirement_id": "int64", "directive_id": "int64", "requirement_order": "int64"})
    table = table.merge(evidence, on=["start", "employee_id", "directive_id"], how="left") if len(evidence) else \
        table.assign(day=float("nan"), rank=float("nan"))
    status = pd.Series(index=table.index, dtype=object)
    for campaign_id, index in table.groupby("campaign_id", sort=False).groups.items():
        status[index] = _statuses(table.loc[index], exempt_ids=exempt_ids.get(campaign_id, set()), as_of=as_of)
    table["status"] = status
    kinds = {rank: str(source.kind) for rank, source in enumerate(evidence_registry.sources())}
    table["evidence"] = table["rank"].map(kinds).astype(object).where(table["rank"].notna(), "")
    days = {day: dt.date.fromordinal(int(day)) for day in table["day"].dropna().unique()}
    table["evidence_date"] = table["day"].map(days).astype(object).where(table["day"].notna(), None)
    return table[LEAN_COLUMNS].reset_index(drop=True)


def _evidence_for_starts(*, campaigns: list[Campaign], directive_ids: list[int], as_of: dt.date) -> pd.DataFrame:
    """The earliest evidence per (start, person, directive): one pass of the sources per distinct
    campaign start, over the staff of every agency starting then (evidence before a campaign's
    start never counts, so campaigns with different starts cannot share one pass)."""
    frames = []
    starts: dict[dt.date, list[int]] = {}
    for campaign in campaigns:
        starts.setdefault(campaign.start, []).append(campaign.agency_id)
    for start, agency_ids in starts.items():
        employees = Employee.objects.filter(agency_id__in=agency_ids).values("pk")
        found = _earliest_evidence(employees=employees, directive_ids=directive_ids, start=start, end=as_of)
        if len(found):
            frames.append(found.assign(start=start.toordinal()))  # an integer key merges fast
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True)


def completed_employee_ids(*, campaign: Campaign, as_of: dt.date | None = None) -> set[int]:
    """Everyone in the audience who completed (on time or late) every requirement; exempt people
    and campaigns without requirements give nobody."""
    table = compliance_table(campaign=campaign, as_of=as_of)
    if table.empty:
        return set()
    done = table["status"].isin(DONE_STATUSES).groupby(table["employee_id"]).all()
    return {int(pk) for pk in done[done].index}


def completion_dates(*, campaign: Campaign, as_of: dt.date | None = None) -> dict[int, dt.date]:
    """employee id → the day they completed the campaign: the date of the evidence that completed
    their last requirement (the latest of their requirements' earliest evidence), for everyone in
    `completed_employee_ids`. Certificates are dated and numbered by it."""
    table = compliance_table(campaign=campaign, as_of=as_of)
    if table.empty:
        return {}
    done = table["status"].isin(DONE_STATUSES).groupby(table["employee_id"]).all()
    finished = table[table["employee_id"].isin(done[done].index)]
    latest = finished.groupby("employee_id")["evidence_date"].max()
    return {int(pk): day for pk, day in latest.items() if day is not None}


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
                            evidence: dict[int, list[tuple[int, int]]], as_of: dt.date,
                            due: dt.date) -> CampaignStatus:
    kinds = [source.kind for source in evidence_registry.sources()]
    items = []
    for requirement in requirements:
        day, rank = _earliest_from(evidence.get(requirement.directive_id, []), campaign.start)
        items.append(RequirementStatus(
            requirement=requirement,
            directive=requirement.directive,
            status=_status(day=day, exempt=exempt, due=due, as_of=as_of),
            evidence=str(kinds[rank]) if rank is not None else "",
            evidence_date=dt.date.fromordinal(day) if day is not None else None,
        ))
    return CampaignStatus(
        campaign=campaign,
        items=items,
        completed=sum(item.status in DONE_STATUSES for item in items),
        total=len(items),
        exempt=exempt,
        due=due,
    )


def requirement_status(*, evidence_date: dt.date | None, exempt: bool, due: dt.date, as_of: dt.date) -> str:
    """The rule for one row whose earliest evidence is dated `evidence_date` (None: none)."""
    return _status(day=evidence_date.toordinal() if evidence_date else None, exempt=exempt, due=due, as_of=as_of)


PERSON_CAMPAIGNS_ORDER = ("-year", "due", "title")  # also my_statuses' hand-written read


def person_campaigns(employee: Employee) -> QuerySet[Campaign]:
    """The campaigns of the person's agency in the order "Việc học của tôi" lists them."""
    return Campaign.objects.filter(agency_id=employee.agency_id).order_by(*PERSON_CAMPAIGNS_ORDER)


def employee_campaign_status(*, employee: Employee, as_of: dt.date | None = None,
                             campaigns: list[Campaign] | None = None) -> list[CampaignStatus]:
    """The campaigns whose audience holds `employee` as of `as_of`, each with its requirements
    (what "Việc học của tôi" shows on every visit: a handful of indexed queries in all, plus two
    per campaign for its audience). `campaigns`: only these (of `person_campaigns`, in its order)."""
    as_of = as_of or _today()
    dues: dict[int, dt.date] = {}  # campaign → the person's due date in it
    candidates = list(person_campaigns(employee)) if campaigns is None else campaigns
    for campaign in candidates:
        mine = campaign_audience(campaign=campaign, as_of=as_of).filter(pk=employee.pk).values_list("start_on")
        for (start_on,) in mine:
            dues[campaign.pk] = person_due(campaign=campaign, start_date=start_on)
    campaigns = [campaign for campaign in candidates if campaign.pk in dues]
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
                                exempt=campaign.pk in exempt_from, evidence=evidence, as_of=as_of,
                                due=dues[campaign.pk])
        for campaign in campaigns
    ]
