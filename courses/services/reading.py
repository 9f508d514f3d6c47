"""Lesson reading: opening a lesson starts the clock, "Tôi đã đọc và hiểu" stops it.

Both times come from the server, so the reading time cannot be typed in by the learner. The
acknowledgement is not evidence for compliance (CONTRACT.md: attendance, quiz, manual record);
it feeds the learner's next action and HR's view of who read what.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from core.errors import DomainError
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
    """The person's reading of the lesson, locked (created on the first opening). The lock is taken
    as the row is read: one query on every opening but the first (get_or_create, then a locked
    read again, took two)."""
    readings = LessonReading.objects.select_for_update()
    reading = readings.filter(lesson=lesson, employee=employee).first()
    if reading is None:
        reading, _ = LessonReading.objects.get_or_create(lesson=lesson, employee=employee, defaults={"user": user})
        reading = readings.get(pk=reading.pk)
    return reading


@transaction.atomic
def lesson_open(*, lesson: LessonPage, employee, user=None, now: dt.datetime | None = None) -> LessonReading:
    """Record that the employee opened the lesson. Until it is acknowledged, the latest opening
    is the one the reading time is measured from; after that nothing changes."""
    _check(lesson, employee, user)
    reading = _locked_reading(lesson=lesson, employee=employee, user=user)
    if reading.acknowledged:
        return reading
    reading.opened_at = now or timezone.now()
    reading.save(update_fields=["opened_at"])
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
