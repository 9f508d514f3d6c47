"""Who was employed, and in which unit, on a given day (docs/roster.md "History").

The `Employee` row is the present; `UnitMove` and `EmploymentPeriod` hold what changed, dated.
`staff_on(agency_id=, as_of=)` is the agency's staff employed on T, each annotated with
- `unit_on_id`, `unit_on_path`, `unit_on_name`: their unit on T (the `from_unit` of their first
  move dated after T, else their current unit);
- `start_on`: the start of the period of employment that holds T (None: since before the roster
  knew).
Employed on T: start empty or ≤ T, and no leaving date ≤ T (a person made inactive without a
leaving date counts as gone); or inside one of their earlier, closed periods.

Moves and returns are rare, so when the agency has none that reach T the annotations are plain
columns and the query stays a simple filter (the 30,000-staff reports do not pay for history
they do not have).
"""

from __future__ import annotations

import datetime as dt
import functools

from django.db import connection
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, QuerySet, Subquery, When
from django.db.models.functions import Coalesce

from core.rows import column, table
from org.models import Employee, EmploymentPeriod, UnitMove


def _current_period_q(as_of: dt.date) -> Q:
    started = Q(start_date__isnull=True) | Q(start_date__lte=as_of)
    still_there = Q(left_date__gt=as_of) | Q(left_date__isnull=True, is_active=True)
    return started & still_there


def _history_reaching(*, agency_id: int, as_of: dt.date) -> tuple[bool, bool]:
    """Whether the agency has a move dated after `as_of`, and an earlier period holding `as_of`
    (one query, hand-written: built with the ORM its two EXISTS cost ≈ 1 ms of Python, and every
    audience read pays for it, a learner's upcoming sessions on each visit of their page)."""
    day = connection.ops.adapt_datefield_value(as_of)
    with connection.cursor() as cursor:
        cursor.execute(_history_query(), [agency_id, day, agency_id, day, day])
        moves, periods = cursor.fetchone()
    return bool(moves), bool(periods)


@functools.cache
def _history_query() -> str:
    staff = f"INNER JOIN {table(Employee)} e ON e.{column(Employee, 'pk')}"
    return (
        f"SELECT EXISTS (SELECT 1 FROM {table(UnitMove)} m {staff} = m.{column(UnitMove, 'employee')}"
        f" WHERE e.{column(Employee, 'agency')} = %s AND m.{column(UnitMove, 'moved_on')} > %s),"
        f" EXISTS (SELECT 1 FROM {table(EmploymentPeriod)} p {staff} = p.{column(EmploymentPeriod, 'employee')}"
        f" WHERE e.{column(Employee, 'agency')} = %s AND (p.{column(EmploymentPeriod, 'start_date')} IS NULL"
        f" OR p.{column(EmploymentPeriod, 'start_date')} <= %s) AND p.{column(EmploymentPeriod, 'end_date')} > %s)"
    )


def staff_on(*, agency_id: int, as_of: dt.date) -> QuerySet[Employee]:
    """The agency's staff employed on `as_of`, annotated with their unit and period start then."""
    qs = Employee.objects.filter(agency_id=agency_id)
    current = _current_period_q(as_of)

    has_moves, has_periods = _history_reaching(agency_id=agency_id, as_of=as_of)
    if has_moves:
        later = UnitMove.objects.filter(employee=OuterRef("pk"), moved_on__gt=as_of).order_by("moved_on", "id")
        qs = qs.annotate(
            unit_on_id=Coalesce(Subquery(later.values("from_unit_id")[:1]), F("unit_id"), output_field=IntegerField()),
            unit_on_path=Coalesce(Subquery(later.values("from_unit__path")[:1]), F("unit__path")),
            unit_on_name=Coalesce(Subquery(later.values("from_unit__name")[:1]), F("unit__name")),
        )
    else:
        qs = qs.annotate(unit_on_id=F("unit_id"), unit_on_path=F("unit__path"), unit_on_name=F("unit__name"))

    if not has_periods:
        return qs.annotate(start_on=F("start_date")).filter(current)
    past = EmploymentPeriod.objects.filter(
        Q(start_date__isnull=True) | Q(start_date__lte=as_of), employee=OuterRef("pk"), end_date__gt=as_of,
    ).order_by("end_date")
    return (
        qs.annotate(in_past_period=Exists(past))
        .filter(current | Q(in_past_period=True))
        .annotate(start_on=Case(When(current, then=F("start_date")),
                                default=Subquery(past.values("start_date")[:1])))
    )


def in_units_on(staff: QuerySet[Employee], paths: list[str]) -> QuerySet[Employee]:
    """`staff_on` narrowed to people whose unit on that day is in one of the subtrees `paths`."""
    if not paths:
        return staff
    subtrees = Q()
    for path in paths:
        subtrees |= Q(unit_on_path__startswith=path)
    return staff.filter(subtrees)


def unit_on(*, employee: Employee, as_of: dt.date):
    """One person's unit on `as_of` (their current unit when no move is dated after it)."""
    move = (UnitMove.objects.filter(employee=employee, moved_on__gt=as_of).select_related("from_unit")
            .order_by("moved_on", "id").first())
    return move.from_unit if move else employee.unit
