"""Evidence produced by lessons: a lecture video watched to the lesson's threshold (core.evidence)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from core.evidence import EvidenceKind, EvidenceSource, Offer, register
from courses.models import LessonPage, VideoProgress


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
        through = LessonPage.directives.through
        links = list(through.objects.filter(directivepage_id__in=directive_ids, lessonpage__live=True,
                                            lessonpage__video__isnull=False, lessonpage__video_duration__gt=0)
                     .values_list("directivepage_id", "lessonpage_id"))
        if not links:
            return {}
        lessons = LessonPage.objects.live().in_bulk({lesson_id for _, lesson_id in links})
        progress = {p.lesson_id: p for p in VideoProgress.objects.filter(employee=employee, lesson_id__in=lessons)}
        offers: dict[int, list[Offer]] = {}
        for directive_id, lesson_id in sorted(links, key=lambda link: lessons[link[1]].path):
            lesson, watched = lessons[lesson_id], progress.get(lesson_id)
            if watched is not None and watched.reached:
                continue
            detail = _("Đã xem %(percent)s%% — cần %(threshold)s%%") % {
                "percent": watched.percent if watched else 0, "threshold": lesson.video_threshold}
            offers.setdefault(directive_id, []).append(
                Offer(kind=self.kind, title=_("Xem video bài giảng"), url=f"{lesson.url}#video", detail=detail))
        return offers
