"""Reading study sessions: who is expected (audience, make-up roster), who came, what is next.

The session's audience defaults to its campaign's (`campaign_audience` on the session date); the
session's own units / categories, when set, narrow it (a session for one department).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from core.rows import ModelColumns, column, table
from courses.selectors import directive_pages
from learning.models import (
    Attendance,
    AttendanceStatus,
    Campaign,
    CheckinAttempt,
    SessionRecord,
    SessionRecordKind,
    StudySession,
)
from learning.selectors.audience import campaign_audience
from org.models import Employee, OrgUnit
from org.selectors.access import employee_of, is_hr
from org.selectors.history import in_units_on

ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


def session_audience(session: StudySession) -> QuerySet[Employee]:
    """Staff expected at `session`: the campaign's audience on the session day, narrowed to the
    session's own units and categories when it has any."""
    people = campaign_audience(campaign=session.campaign, as_of=session.date)
    paths = [unit.path for unit in session.audience_units.all()]  # prefetched by upcoming_sessions_for
    if paths:
        people = in_units_on(people, paths)  # their unit on the session day
    if session.audience_categories:
        people = people.filter(category__in=list(session.audience_categories))
    return people


def attended_all_elsewhere_ids(session: StudySession) -> set[int]:
    """Staff who were present or late at another session (from the campaign start on) covering
    every directive of `session`: they need no make-up."""
    directive_ids = list(session.directives.values_list("pk", flat=True))
    if not directive_ids:
        return set()
    covered: set[int] | None = None
    rows = (
        Attendance.objects.filter(
            status__in=ATTENDED,
            session__directives__in=directive_ids,
            session__date__gte=session.campaign.start,
        )
        .exclude(session=session)
        .values_list("employee_id", "session__directives")
    )
    by_directive: dict[int, set[int]] = {d: set() for d in directive_ids}
    for employee_id, directive_id in rows:
        by_directive[directive_id].add(employee_id)
    for people in by_directive.values():
        covered = people if covered is None else covered & people
    return covered or set()


def session_makeup_roster(session: StudySession) -> QuerySet[Employee]:
    """Everyone in the audience who has not yet attended a session covering the same directives."""
    return session_audience(session).exclude(pk__in=attended_all_elsewhere_ids(session))


def session_roster(session: StudySession) -> QuerySet[Employee]:
    """The people listed for marking and on the sign-in sheet, by unit then name.

    A make-up session lists the make-up roster; anyone already recorded at the session stays listed.
    """
    expected = session_makeup_roster(session) if session.is_makeup else session_audience(session)
    recorded = Employee.objects.filter(attendances__session=session)
    ids = set(expected.values_list("pk", flat=True)) | set(recorded.values_list("pk", flat=True))
    return (
        Employee.objects.filter(pk__in=ids)
        .select_related("unit")
        .order_by("unit__path", "search_name", "employee_code")
    )


@dataclass(frozen=True)
class RosterLine:
    employee: Employee
    attendance: Attendance | None

    @property
    def status(self) -> str:
        return self.attendance.status if self.attendance else ""


def session_roster_lines(session: StudySession) -> list[RosterLine]:
    """The roster with each person's attendance (or None), in two queries."""
    attendances = {
        a.employee_id: a for a in Attendance.objects.filter(session=session).select_related("recorded_by")
    }
    return [RosterLine(employee=e, attendance=attendances.get(e.pk)) for e in session_roster(session)]


def session_counts(session: StudySession, lines: list[RosterLine] | None = None) -> dict[str, int]:
    """How many of the roster have each status, and how many are still unmarked."""
    lines = session_roster_lines(session) if lines is None else lines
    counts = {status: 0 for status in AttendanceStatus.values}
    for line in lines:
        if line.attendance:
            counts[line.status] += 1
    counts["unmarked"] = sum(1 for line in lines if line.attendance is None)
    counts["total"] = len(lines)
    return counts


def session_records(session: StudySession) -> list[SessionRecord]:
    """The originals of a session in the order a reader expects them: signed sheets, minutes,
    photos, other; each kind in upload order (the admin list and the evidence pack)."""
    rank = {kind: order for order, kind in enumerate(SessionRecordKind.values)}
    records = session.records.select_related("uploaded_by")
    return sorted(records, key=lambda r: (rank.get(r.kind, len(rank)), r.uploaded_at, r.pk))


def refused_checkins(session: StudySession) -> QuerySet[CheckinAttempt]:
    return (
        CheckinAttempt.objects.filter(session=session, successful=False)
        .select_related("employee", "user")
        .order_by("-created_at")
    )


def session_directive_numbers(session: StudySession) -> str:
    """The numbers of the session's directives, "23-QĐ/TW, 33/CT-TTg", in issue order (those issued
    the same day in page-tree order: a tie left to the database came out either way on PostgreSQL),
    as the sign-in sheet and the evidence pack name them."""
    return ", ".join(d.number for d in session.directives.order_by("issue_date", "path"))


def session_start(session: StudySession) -> dt.datetime:
    """The session's start as an aware local datetime (midnight when no time is set)."""
    tz = timezone.get_current_timezone()
    return dt.datetime.combine(session.date, session.start_time or dt.time.min, tzinfo=tz)


def session_end(session: StudySession) -> dt.datetime:
    tz = timezone.get_current_timezone()
    return dt.datetime.combine(session.date, session.end_time or dt.time.max, tzinfo=tz)


def upcoming_sessions_for(employee: Employee, *, today: dt.date | None = None, limit: int = 10) -> list[StudySession]:
    """Sessions from today on whose audience includes `employee`, soonest first, each with its
    directives as `directive_list` (what the page lists and the attendance offers match)."""
    today = today or timezone.localdate()
    found = []
    for session in _upcoming_candidates(employee.agency_id, today):
        if session_audience(session).filter(pk=employee.pk).exists():
            found.append(session)
            if len(found) >= limit:
                break
    _add_directive_lists(found)
    return found


_CANDIDATES = 200  # sessions looked at, soonest first


def _upcoming_candidates(agency_id: int, today: dt.date) -> list[StudySession]:
    """The agency's sessions from `today` on (date, then start time), each with its campaign and
    both audience unit lists as the audience rule reads them (`audience_units.all()`: the units'
    id and path), in one hand-written query: the ORM's three (the sessions and two prefetches)
    cost ≈ 3 ms of Python per visit of "Việc học của tôi", mostly Django's compiler."""
    sql, parts = _candidates_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, [agency_id, connection.ops.adapt_datefield_value(today)])
        return [_with_audience(row, *parts) for row in cursor.fetchall()]


def session_with_audience(pk: int) -> StudySession | None:
    """The session `pk` with its campaign and both audience unit lists, as `_upcoming_candidates`
    reads them, in one hand-written query (every QR scan and confirmation reads it); None when
    there is no such session."""
    if not 0 < pk < 2**63:  # no such id (and too large a number for SQLite)
        return None
    sql, parts = _session_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        row = cursor.fetchone()
    return None if row is None else _with_audience(row, *parts)


def _with_audience(row, session_part: ModelColumns, campaign_part: ModelColumns) -> StudySession:
    session, campaign = session_part.instance(row), campaign_part.instance(row)
    StudySession.campaign.field.set_cached_value(session, campaign)
    _set_prefetched(session, "audience_units", row[campaign_part.end])
    _set_prefetched(campaign, "audience_units", row[campaign_part.end + 1])
    return session


@functools.cache
def _audience_select() -> tuple[str, tuple[ModelColumns, ModelColumns]]:
    """SELECT of a session, its campaign and both audience unit lists ("id:path,…"), FROM the two."""
    session = ModelColumns.of(StudySession, "s")
    campaign = ModelColumns.of(Campaign, "c", session.end)
    quote, units = connection.ops.quote_name, {}
    for model in (StudySession, Campaign):
        through = model.audience_units.through
        owner = through._meta.get_field(model._meta.model_name).column
        unit = through._meta.get_field("orgunit").column
        pairs = f"CAST(o.{column(OrgUnit, 'pk')} AS TEXT) || ':' || o.{column(OrgUnit, 'path')}"
        units[model] = (f"(SELECT {_string_agg(pairs)} FROM {table(through)} a INNER JOIN {table(OrgUnit)} o"
                        f" ON o.{column(OrgUnit, 'pk')} = a.{quote(unit)} WHERE a.{quote(owner)} = ")
    sql = (
        f"SELECT {session.select()}, {campaign.select()},"
        f" {units[StudySession]}s.{column(StudySession, 'pk')}),"
        f" {units[Campaign]}c.{column(Campaign, 'pk')})"
        f" FROM {table(StudySession)} s"
        f" INNER JOIN {table(Campaign)} c ON c.{column(Campaign, 'pk')} = s.{column(StudySession, 'campaign')}"
    )
    return sql, (session, campaign)


@functools.cache
def _candidates_query() -> tuple[str, tuple[ModelColumns, ModelColumns]]:
    select, parts = _audience_select()
    sql = (
        f"{select} WHERE c.{column(Campaign, 'agency')} = %s AND s.{column(StudySession, 'date')} >= %s"
        f" ORDER BY s.{column(StudySession, 'date')}, s.{column(StudySession, 'start_time')}"
        f" LIMIT {_CANDIDATES}"
    )
    return sql, parts


@functools.cache
def _session_query() -> tuple[str, tuple[ModelColumns, ModelColumns]]:
    select, parts = _audience_select()
    return f"{select} WHERE s.{column(StudySession, 'pk')} = %s", parts


def _string_agg(expression: str) -> str:
    return f"string_agg({expression}, ',')" if connection.vendor == "postgresql" else f"group_concat({expression}, ',')"


def _set_prefetched(instance, name: str, pairs: str | None) -> None:
    """`instance.<name>.all()` as `prefetch_related(Prefetch(name, OrgUnit.objects.only("path")))`
    leaves it: the units (id and path) in path order, read without a query."""
    units = []
    for pair in (pairs or "").split(","):
        if pair:
            pk, path = pair.split(":", 1)
            units.append(OrgUnit.from_db(connection.alias, ["id", "path"], [int(pk), path]))
    units.sort(key=lambda unit: unit.path)
    queryset = getattr(instance, name).all()
    queryset._result_cache, queryset._prefetch_done = units, True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset


def _add_directive_lists(sessions: list[StudySession]) -> None:
    """Set each session's `directive_list` (page-tree order, as `session.directives.all()`): the links
    in one narrow query, the pages from the content cache (no page columns read per request)."""
    if not sessions:
        return
    links = list(StudySession.directives.through.objects.filter(studysession_id__in=[s.pk for s in sessions])
                 .values_list("studysession_id", "directivepage_id"))
    pages = directive_pages(directive_id for _, directive_id in links)
    by_session: dict[int, list] = {}
    for session_id, directive_id in links:
        if directive_id in pages:
            by_session.setdefault(session_id, []).append(pages[directive_id])
    for session in sessions:
        session.directive_list = sorted(by_session.get(session.pk, []), key=lambda page: page.path)


def attendance_history_for(employee: Employee, *, limit: int = 20) -> list[Attendance]:
    """The person's own attendance records, latest session first (at most `limit`), each with its
    session: hand-written, as every visit of "Việc học của tôi" reads it (the ORM's compiler cost
    more Python than the query)."""
    sql, attendance_part, session_part = _history_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, [employee.pk, limit])
        rows = cursor.fetchall()
    records = []
    for row in rows:
        attendance = attendance_part.instance(row)
        Attendance.session.field.set_cached_value(attendance, session_part.instance(row))
        records.append(attendance)
    return records


@functools.cache
def _history_query() -> tuple[str, ModelColumns, ModelColumns]:
    attendance = ModelColumns.of(Attendance, "a")
    session = ModelColumns.of(StudySession, "s", attendance.end)
    sql = (
        f"SELECT {attendance.select()}, {session.select()} FROM {table(Attendance)} a"
        f" INNER JOIN {table(StudySession)} s ON s.{column(StudySession, 'pk')} = a.{column(Attendance, 'session')}"
        f" WHERE a.{column(Attendance, 'employee')} = %s"
        f" ORDER BY s.{column(StudySession, 'date')} DESC, s.{column(StudySession, 'start_time')} DESC LIMIT %s"
    )
    return sql, attendance, session


def learner_sessions_context(user, *, upcoming: list | None = None) -> dict:
    """Context for `learning/includes/upcoming_sessions.html` on "Việc học của tôi" (`upcoming`:
    the person's `upcoming_sessions_for`, when the caller already has them)."""
    employee = employee_of(user)
    if employee is None:
        return {"upcoming_sessions": [], "attendance_history": []}
    return {
        "upcoming_sessions": upcoming if upcoming is not None else upcoming_sessions_for(employee),
        "attendance_history": attendance_history_for(employee),
    }


def can_manage_session(user, session: StudySession) -> bool:
    """HR of the session's agency (or a superuser) may mark, import and project the QR code."""
    if getattr(user, "is_superuser", False):
        return True
    if not is_hr(user):
        return False
    employee = employee_of(user)
    return employee is not None and employee.agency_id == session.campaign.agency_id


def manageable_sessions(user) -> QuerySet[StudySession]:
    sessions = StudySession.objects.select_related("campaign")
    if getattr(user, "is_superuser", False):
        return sessions
    employee = employee_of(user)
    if employee is None or not is_hr(user):
        return sessions.none()
    return sessions.filter(campaign__agency_id=employee.agency_id)
