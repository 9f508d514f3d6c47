"""Evidence produced by lessons: a lecture video watched to the lesson's threshold (core.evidence)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.evidence import EvidenceKind, EvidenceSource, Offer, register
from courses.content_cache import content_cached
from courses.models import LessonPage, VideoProgress
from courses.selectors import own_lesson_rows


@register
class VideoSource(EvidenceSource):
    """The watched share of a lesson's video reached its threshold: evidence for each directive of
    the lesson, dated the day it was reached (courses.services.video)."""

    kind = EvidenceKind.VIDEO
    rank = 25  # after attendance and quizzes, before records by HR, on the same day
    label = EvidenceKind.VIDEO.label
    directive_field = "lesson__directives"
    date_field = "reached_on"

    def records(self):
        return VideoProgress.objects.filter(reached_on__isnull=False)

    def offers(self, *, employee, directive_ids: set[int], today: dt.date, shared: dict) -> dict[int, list[Offer]]:
        """"Xem video bài giảng" with the share watched so far, for each live video lesson of a directive."""
        videos = _video_lessons(tuple(sorted(directive_ids)))
        if not videos:
            return {}
        progress = {p.lesson_id: p for p in own_lesson_rows(VideoProgress, employee.pk,
                                                            {video.lesson_id for video in videos})}
        offers: dict[int, list[Offer]] = {}
        for video in videos:
            watched = progress.get(video.lesson_id)
            if watched is not None and watched.reached:
                continue
            detail = _("Đã xem %(percent)s%% — cần %(threshold)s%%") % {
                "percent": watched.percent if watched else 0, "threshold": video.threshold}
            offers.setdefault(video.directive_id, []).append(
                Offer(kind=self.kind, title=_("Xem video bài giảng"), url=f"{video.url}#video", detail=detail))
        return offers


@dataclass(frozen=True)
class _VideoLesson:
    directive_id: int
    lesson_id: int
    url: str
    threshold: int


def _video_lessons(directive_ids: tuple[int, ...]) -> list[_VideoLesson]:
    """The live video lessons of these directives in page-tree order: content, built once per
    content version (courses.content_cache)."""
    return content_cached(("video_lessons", directive_ids), lambda: _build_video_lessons(directive_ids))


def _build_video_lessons(directive_ids: tuple[int, ...]) -> list[_VideoLesson]:
    through = LessonPage.directives.through
    links = list(through.objects.filter(directivepage_id__in=directive_ids, lessonpage__live=True,
                                        lessonpage__video__isnull=False, lessonpage__video_duration__gt=0)
                 .values_list("directivepage_id", "lessonpage_id"))
    if not links:
        return []
    lessons = LessonPage.objects.live().in_bulk({lesson_id for _, lesson_id in links})
    return [_VideoLesson(directive_id=directive_id, lesson_id=lesson_id, url=lessons[lesson_id].url,
                         threshold=lessons[lesson_id].video_threshold)
            for directive_id, lesson_id in sorted(links, key=lambda link: lessons[link[1]].path)]
