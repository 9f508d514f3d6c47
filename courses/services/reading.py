"""Lesson reading: opening a lesson starts the clock, "Tôi đã đọc và hiểu" stops it.

Both times come from the server, so the reading time cannot be typed in by the learner. The
acknowledgement is not evidence for compliance (CONTRACT.md: attendance, quiz, manual record);
it feeds the learner's next action and HR's view of who read what.
"""

from __future__ import annotations

import datetime as dt
import functools

from django.db import connection, transaction
from django.utils import timezone

from core.errors import DomainError
from core.rows import ModelColumns, column, table
from courses.models import LessonPage, LessonReading
from org.scoping import agency_object_required

# Seconds between opening and acknowledging count up to this many times the estimated reading
# time (and at least MIN_CAP_MINUTES): a tab left open overnight is not eight hours of study.
CAP_FACTOR = 3
MIN_CAP_MINUTES = 30


class LessonUnavailable(DomainError):
    code = "lesson_unavailable"


class EmployeeInactive(DomainError):
    code = "employee_inactive"


def reading_cap_seconds(lesson: LessonPage) -> int:
    return max(lesson.estimated_minutes * CAP_FACTOR, MIN_CAP_MINUTES) * 60


def _check(lesson: LessonPage, employee, user=None) -> None:
    # the lesson is shared content; the reading is the person's own, never another agency's
    agency_object_required(actor=user, agency=employee.agency_id)
    if not lesson.live:
        raise LessonUnavailable(f'lesson "{lesson.title}" is not published')
    if not employee.is_active:
        raise EmployeeInactive(f"employee {employee.employee_code} is no longer active")


def _locked_reading(*, lesson: LessonPage, employee, user=None) -> LessonReading:
    """The person's reading of the lesson, locked (created when missing). The lock is taken as the
    row is read: one query when it exists (get_or_create, then a locked read again, took two)."""
    readings = LessonReading.objects.select_for_update()
    reading = readings.filter(lesson=lesson, employee=employee).first()
    if reading is None:
        reading, _ = LessonReading.objects.get_or_create(lesson=lesson, employee=employee, defaults={"user": user})
        reading = readings.get(pk=reading.pk)
    return reading


@functools.cache
def _reopen_query() -> tuple[str, ModelColumns]:
    """The opening's UPDATE … RETURNING, built once per process (every opening of a lesson pays for
    it, and Django's compiler cost more Python than the query). The table's own name qualifies the
    columns: SQLite and PostgreSQL both accept that in RETURNING."""
    name = table(LessonReading)
    reading = ModelColumns.of(LessonReading, name)
    sql = (
        f"UPDATE {name} SET {column(LessonReading, 'opened_at')} = %s"
        f" WHERE {column(LessonReading, 'lesson')} = %s AND {column(LessonReading, 'employee')} = %s"
        f" AND {column(LessonReading, 'acknowledged_at')} IS NULL"
        f" RETURNING {reading.select()}"
    )
    return sql, reading


def _reopened(*, lesson: LessonPage, employee, now: dt.datetime) -> LessonReading | None:
    """The person's unacknowledged reading of the lesson with `opened_at` set to `now`, in one
    statement (it locks the row as it writes; an acknowledgement under way is waited for, and a row
    it acknowledged meanwhile no longer matches). None when there is no such row: none yet, or
    acknowledged — an acknowledged reading never changes again."""
    sql, reading = _reopen_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, [connection.ops.adapt_datetimefield_value(now), lesson.pk, employee.pk])
        row = cursor.fetchone()
    return None if row is None else reading.instance(row)


def lesson_open(*, lesson: LessonPage, employee, user=None, now: dt.datetime | None = None) -> LessonReading:
    """Record that the employee opened the lesson. Until it is acknowledged, the latest opening
    is the one the reading time is measured from; after that nothing changes. Every opening but
    the first is one UPDATE (`_reopened`), with no transaction of its own."""
    _check(lesson, employee, user)
    now = now or timezone.now()
    reading = _reopened(lesson=lesson, employee=employee, now=now)
    if reading is not None:
        return reading
    # The first opening creates the row, opened now; a row another request created meanwhile is
    # opened again, and an acknowledged one is returned as it is.
    reading, created = LessonReading.objects.get_or_create(
        lesson=lesson, employee=employee, defaults={"user": user, "opened_at": now})
    if not created:
        reading = _reopened(lesson=lesson, employee=employee, now=now) or reading
    return reading


@transaction.atomic
def lesson_acknowledge(*, lesson: LessonPage, employee, user=None, now: dt.datetime | None = None) -> LessonReading:
    """"Tôi đã đọc và hiểu nội dung bài học": records `acknowledged_at` and the seconds since the
    lesson was opened, capped by `reading_cap_seconds`. Acknowledging again changes nothing."""
    _check(lesson, employee, user)
    now = now or timezone.now()
    reading = _locked_reading(lesson=lesson, employee=employee, user=user)
    if reading.acknowledged:
        return reading
    spent = int((now - reading.opened_at).total_seconds()) if reading.opened_at else 0
    reading.seconds_spent = min(max(spent, 0), reading_cap_seconds(lesson))
    reading.acknowledged_at = now
    if user is not None:
        reading.user = user
    reading.save(update_fields=["seconds_spent", "acknowledged_at", "user"])
    return reading
