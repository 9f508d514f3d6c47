"""The lecture video of a lesson: playback heartbeats become watched intervals on the server, and
reaching the lesson's threshold is evidence (docs/video.md).

The player sends, every ~10 s and on pause/end, the contiguous ranges it played since the previous
beat; a seek forward starts a new range, so the skipped part is never sent. The server does not
trust the ranges: it cuts them to the video's duration, and refuses a beat that adds more new
seconds than the wall clock allows — the time since the previous beat × MAX_RATE, plus SLACK. Time
a beat did not use carries over (up to CREDIT_CAP) so that a late beat followed by an early one on
a slow connection is not refused. Beats of one person and lesson are serialised on its row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core.errors import DomainError
from core.evidence import evidence_announce
from courses.intervals import clamp, measure, merge, parse_ranges
from courses.models import LessonPage, VideoProgress
from org.scoping import agency_object_required
from org.services.audit import audit_log

from .reading import EmployeeInactive, LessonUnavailable

MAX_RATE = 2.0  # the fastest playback rate the player offers
SLACK = 5.0  # seconds: latency between the player and the server
CREDIT_CAP = 60.0  # seconds of playback unused wall-clock time may still allow


class NoVideo(DomainError):
    code = "no_video"


class TooFast(DomainError):
    """More new seconds than the wall clock allows since the previous beat: refused, nothing kept."""

    code = "video_too_fast"


@dataclass(frozen=True)
class BeatResult:
    progress: VideoProgress
    added: float  # new seconds this beat added
    reached_now: bool  # this beat took the share to the threshold


def video_beat(*, lesson: LessonPage, employee, ranges: object, user=None,
               now: dt.datetime | None = None) -> BeatResult:
    """Record the ranges the employee's player says it played since its previous beat. Raises
    BadRanges (malformed), TooFast (more than the clock allows), NoVideo, LessonUnavailable."""
    agency_object_required(actor=user, agency=employee.agency_id)
    if not lesson.live:
        raise LessonUnavailable(f'lesson "{lesson.title}" is not published')
    if not employee.is_active:
        raise EmployeeInactive(f"employee {employee.employee_code} is no longer active")
    if not lesson.has_video:
        raise NoVideo(f'lesson "{lesson.title}" has no video')
    played = parse_ranges(ranges)
    now = now or timezone.now()
    progress_id = _progress_id(lesson=lesson, employee=employee, user=user)
    with transaction.atomic():
        # An UPDATE first: it takes the row lock on PostgreSQL and the write lock on SQLite before
        # anything is read, so two beats in flight cannot both add the same seconds or lose one.
        VideoProgress.objects.filter(pk=progress_id).update(beats=F("beats") + 1)
        progress = VideoProgress.objects.select_for_update().get(pk=progress_id)
        return _apply(progress, lesson=lesson, played=played, user=user, now=now)


def _progress_id(*, lesson: LessonPage, employee, user) -> int:
    progress, _ = VideoProgress.objects.get_or_create(
        lesson=lesson, employee=employee,
        defaults={"user": user, "video_id": lesson.video_id, "duration": lesson.video_duration})
    return progress.pk


def _apply(progress: VideoProgress, *, lesson: LessonPage, played, user, now: dt.datetime) -> BeatResult:
    if progress.video_id != lesson.video_id and not progress.reached:
        # another file replaced the video: what was watched of the old one says nothing of the new
        progress.video_id, progress.intervals, progress.watched_seconds = lesson.video_id, [], 0.0
    duration = lesson.video_duration
    before = merge(clamp(progress.intervals, duration))
    after = merge([*before, *clamp(played, duration)])
    added = max(0.0, measure(after) - measure(before))
    elapsed = (now - progress.last_beat_at).total_seconds() if progress.last_beat_at else 0.0
    credit = min(CREDIT_CAP, progress.credit_seconds + max(0.0, elapsed) * MAX_RATE)
    if added > credit + SLACK:
        raise TooFast(f"{added:.1f} new seconds in {elapsed:.1f} s of wall-clock time")
    progress.intervals = [list(pair) for pair in after]
    progress.watched_seconds = round(measure(after), 2)
    progress.duration = duration
    progress.credit_seconds = max(0.0, credit - added)
    progress.last_beat_at = now
    if user is not None:
        progress.user = user
    reached_now = not progress.reached and progress.percent >= lesson.video_threshold
    if reached_now:
        progress.reached_at = now
        progress.reached_on = timezone.localdate(now)
    progress.save()
    if reached_now:
        # the day this evidence is dated: kept in the agency's audit log with the share watched
        audit_log(actor=user, action="video.reached", obj=progress,
                  after={"lesson": lesson.pk, "percent": progress.percent, "threshold": lesson.video_threshold,
                         "day": progress.reached_on.isoformat()})
        evidence_announce(sender=VideoProgress, employee_ids=[progress.employee_id])
    return BeatResult(progress=progress, added=added, reached_now=reached_now)
