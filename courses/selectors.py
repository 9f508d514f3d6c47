"""Reading the content side.

Directives by reference, as CONTRACT.md says: the number as written in the plan, matched after
NFC, case folding and dash unification; `NUMBER@YYYY-MM-DD` picks by issue date. Lessons and
readings in bulk for the learner's page, and the lists the course and directive pages show."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext

from core.errors import DomainError
from core.rows import ModelColumns, column, table
from core.text import directive_key

from .content_cache import content_cached, page_copies, page_copy
from .models import CoursePage, DirectivePage, LessonPage, LessonReading

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class DirectiveNotFound(DomainError):
    code = "directive_unknown"


class DirectiveAmbiguous(DomainError):
    code = "directive_ambiguous"


def directive_resolve(reference: str) -> DirectivePage:
    """The one directive a reference names; DirectiveNotFound / DirectiveAmbiguous otherwise."""
    number, _, day = (reference or "").strip().partition("@")
    pages = DirectivePage.objects.filter(number_key=directive_key(number))
    if day:
        try:
            issued = dt.date.fromisoformat(day.strip())
        except ValueError as exc:
            raise DirectiveNotFound(gettext('văn bản "%(reference)s": "%(day)s" không phải ngày (ghi SỐ HIỆU@YYYY-MM-DD)')
                                    % {"reference": reference, "day": day}) from exc
        pages = pages.filter(issue_date=issued)
    found = list(pages.order_by("issue_date")[:3])
    if not found:
        raise DirectiveNotFound(gettext('không có văn bản "%(reference)s"') % {"reference": reference})
    if len(found) > 1:
        dates = ", ".join(f"{number.strip()}@{p.issue_date.isoformat()}" for p in found)
        raise DirectiveAmbiguous(gettext('văn bản "%(reference)s" chưa rõ: nhiều văn bản cùng số hiệu này (%(dates)s)')
                                 % {"reference": reference, "dates": dates})
    return found[0]


def directive_reference(page: DirectivePage) -> str:
    """The reference that names `page` uniquely: its number, plus @date when the number is reused."""
    shared = DirectivePage.objects.filter(number_key=page.number_key).exclude(pk=page.pk).exists()
    return f"{page.number}@{page.issue_date.isoformat()}" if shared else page.number


# --- Lessons and courses (read by the directive and course pages and by "Việc học của tôi") ---


def lessons_for_directives(directive_ids: Iterable[int]) -> dict[int, list[LessonPage]]:
    """Live lessons covering each directive, in page-tree order (course, then lesson): built in two
    queries once per set of directives and content version (courses.content_cache).

    Every requested id is a key; a directive without a lesson maps to [].
    """
    ids = tuple(dict.fromkeys(directive_ids))
    found = _cached_lessons(ids)
    return {pk: page_copies(found[pk]) for pk in ids}


def _cached_lessons(ids: tuple[int, ...]) -> dict[int, list[LessonPage]]:
    """The shared cached lists (never handed to callers: `lessons_for_directives` copies them)."""
    return content_cached(("lessons_for_directives", frozenset(ids)), lambda: _lessons_for_directives(ids))


def directive_pages(directive_ids: Iterable[int]) -> dict[int, DirectivePage]:
    """Directives by id (copies of the ones cached per content version; ids not found are absent)."""
    ids = tuple(dict.fromkeys(directive_ids))
    found = content_cached(("directive_pages", frozenset(ids)), lambda: DirectivePage.objects.in_bulk(ids))
    return {pk: page_copy(page) for pk, page in found.items()}


def _lessons_for_directives(ids: tuple[int, ...]) -> dict[int, list[LessonPage]]:
    found: dict[int, list[LessonPage]] = {pk: [] for pk in ids}
    through = LessonPage.directives.through
    links = through.objects.filter(directivepage_id__in=ids, lessonpage__live=True).values_list(
        "directivepage_id", "lessonpage_id"
    )
    pairs = list(links)
    lessons = LessonPage.objects.live().in_bulk({lesson_id for _, lesson_id in pairs})
    for directive_id, lesson_id in sorted(pairs, key=lambda pair: lessons[pair[1]].path):
        found[directive_id].append(lessons[lesson_id])
    return found


def lesson_readings_for(employee, directive_ids: Iterable[int]) -> dict[int, LessonReading | None]:
    """For each directive, the employee's reading of a live lesson covering it, or None.

    The acknowledged reading wins (earliest acknowledgement); otherwise the most recently opened
    one, so the learner page can say "read the lesson" or "read on dd/mm/yyyy".
    """
    ids = list(dict.fromkeys(directive_ids))
    best: dict[int, LessonReading | None] = {pk: None for pk in ids}
    if employee is None or not ids:
        return best
    lessons_of: dict[int, set[int]] = {}
    for directive_id, lessons in _cached_lessons(tuple(ids)).items():  # live lessons: content, cached
        for lesson in lessons:
            lessons_of.setdefault(lesson.pk, set()).add(directive_id)
    for reading in own_lesson_rows(LessonReading, employee.pk, lessons_of):
        for directive_id in lessons_of[reading.lesson_id]:
            if _better_reading(reading, best[directive_id]):
                best[directive_id] = reading
    return best


def own_lesson_rows(model, employee_id: int, lesson_ids: Iterable[int]) -> list:
    """The person's rows of `model` (one per lesson and person: LessonReading, VideoProgress) for
    these lessons. Hand-written: "Việc học của tôi" reads both on every visit, and Django's compiler
    cost more Python than the queries."""
    ids = list(lesson_ids)
    if not ids:
        return []
    sql, part = _own_lesson_rows_query(model, len(ids))
    with connection.cursor() as cursor:
        cursor.execute(sql, [employee_id, *ids])
        return [part.instance(row) for row in cursor.fetchall()]


@functools.cache
def _own_lesson_rows_query(model, lessons: int) -> tuple[str, ModelColumns]:
    part = ModelColumns.of(model, "r")
    return (f"SELECT {part.select()} FROM {table(model)} r WHERE r.{column(model, 'employee')} = %s"
            f" AND r.{column(model, 'lesson')} IN ({', '.join(['%s'] * lessons)})"), part


def _better_reading(candidate: LessonReading, current: LessonReading | None) -> bool:
    if current is None:
        return True
    if candidate.acknowledged != current.acknowledged:
        return candidate.acknowledged
    if candidate.acknowledged:
        return candidate.acknowledged_at < current.acknowledged_at
    return (candidate.opened_at or _EPOCH) > (current.opened_at or _EPOCH)


def readings_by_lesson(employee, lessons: Iterable[LessonPage]) -> dict[int, LessonReading]:
    """The employee's readings of these lessons, by lesson id (lessons never opened are absent)."""
    if employee is None:
        return {}
    return {r.lesson_id: r for r in LessonReading.objects.filter(employee=employee, lesson__in=list(lessons))}


def course_lessons(course) -> list[LessonPage]:
    """Live lessons of a course in the editor's order (cached per content version)."""
    if not course.pk:
        return []
    lessons = content_cached(("course_lessons", course.pk),
                             lambda: list(LessonPage.objects.child_of(course).live().order_by("path")))
    return page_copies(lessons)


def lesson_course(lesson: LessonPage) -> CoursePage:
    """The course a lesson sits in (cached per content version: a move bumps it)."""
    if not lesson.pk:
        return lesson.get_parent().specific
    return page_copy(content_cached(("lesson_course", lesson.pk), lambda: lesson.get_parent().specific))


def course_cards(index) -> list:
    """Live courses under a course index, each with `.lesson_count` and `.total_minutes`."""
    courses = list(CoursePage.objects.child_of(index).live().order_by("path"))
    totals: dict[str, tuple[int, int]] = {}
    for lesson in LessonPage.objects.live().descendant_of(index).only("path", "estimated_minutes"):
        key = lesson.path[: -LessonPage.steplen]
        count, minutes = totals.get(key, (0, 0))
        totals[key] = (count + 1, minutes + lesson.estimated_minutes)
    for course in courses:
        course.lesson_count, course.total_minutes = totals.get(course.path, (0, 0))
    return courses


def courses_covering(directive: DirectivePage) -> list:
    """Live courses that link the directive themselves or through one of their lessons."""
    direct = set(CoursePage.objects.live().filter(directives=directive).values_list("pk", flat=True))
    paths = {
        lesson.path[: -LessonPage.steplen]
        for lesson in LessonPage.objects.live().filter(directives=directive).only("path")
    }
    return list(CoursePage.objects.live().filter(Q(pk__in=direct) | Q(path__in=paths)).order_by("path"))
