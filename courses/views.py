"""Thin views: the library search page, the lesson acknowledgement, and the lesson's video (the
file with byte ranges, its captions, and the player's heartbeats)."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from core.params import id_param
from core.ranges import ranged_file_response
from org.selectors.access import employee_of

from .intervals import BadRanges
from .models import DirectiveIndexPage, LessonPage
from .search import SearchFilters, directive_facets, library_search
from .services import EmployeeInactive, LessonUnavailable, lesson_acknowledge
from .services.video import NoVideo, TooFast, video_beat

CONTENT_TYPES = {"mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm", "vtt": "text/vtt; charset=utf-8"}
MAX_BEAT_CHARS = 4096  # 50 ranges of two numbers fit easily

PER_PAGE = 20


def library(request):
    """A stable address for the directive library, whatever slug the editors give its page."""
    index = DirectiveIndexPage.objects.live().first()
    if index is None:
        raise Http404(_("Thư viện văn bản chưa được tạo."))
    return redirect(index.url)


def search(request):
    filters = SearchFilters.from_querydict(request.GET)
    results = library_search(filters) if filters.active else None
    directives_page = Paginator(results.directives if results else [], PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "filters": filters,
        "results": results,
        "directives_page": directives_page,
        "facets": directive_facets(),
    }
    return render(request, "courses/search.html", context)


@login_required
@require_POST
def acknowledge(request, lesson_id: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    employee = employee_of(request.user)
    if employee is None:
        messages.error(request, _("Tài khoản của bạn chưa gắn với hồ sơ cán bộ nên không thể ghi nhận việc đọc bài."))
        return redirect(lesson.url)
    try:
        reading = lesson_acknowledge(lesson=lesson, employee=employee, user=request.user)
    except (LessonUnavailable, EmployeeInactive) as exc:
        messages.error(request, _("Không thể ghi nhận: %(reason)s") % {"reason": exc})
        return redirect(lesson.url)
    messages.success(
        request,
        _("Đã ghi nhận bạn đọc và hiểu bài “%(title)s” (thời gian đọc khoảng %(minutes)s phút).")
        % {"title": lesson.title, "minutes": reading.minutes_spent},
    )
    return redirect(lesson.url)


def _viewable_lesson(request, lesson_id) -> LessonPage:
    """A lesson the user may see: live (or one they may edit, for the editor's preview) and not
    behind a view restriction that turns them away; else 404."""
    lesson = LessonPage.objects.filter(pk=id_param(lesson_id)).first()
    if lesson is None or not (lesson.live or lesson.permissions_for_user(request.user).can_edit()):
        raise Http404
    if any(not restriction.accept_request(request) for restriction in lesson.get_view_restrictions()):
        raise Http404
    return lesson


def _media(request, lesson_id, field: str):
    lesson = _viewable_lesson(request, lesson_id)
    document = getattr(lesson, field)
    if document is None or not document.file:
        raise Http404
    content_type = CONTENT_TYPES.get(document.file_extension.lower())
    if content_type is None:
        raise Http404
    etag = f'"{document.pk}-{document.file_hash or document.file.size}"'
    response = ranged_file_response(request, document.file, content_type=content_type, etag=etag)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_safe
def lesson_video(request, lesson_id: int):
    """The lesson's video file, with byte ranges (a phone fetches only what it plays)."""
    return _media(request, lesson_id, "video")


@login_required
@require_safe
def lesson_captions(request, lesson_id: int):
    """The lesson video's WebVTT captions."""
    return _media(request, lesson_id, "video_captions")


@login_required
@require_POST
def lesson_video_beat(request, lesson_id: int):
    """A heartbeat of the player (courses/static/courses/video.js): the form field `ranges`, JSON
    [[start, end], …] of what it played since its previous beat. Answers the share watched."""
    lesson = _viewable_lesson(request, lesson_id)
    employee = employee_of(request.user)
    if employee is None:
        return JsonResponse({"error": "no_employee"}, status=403)
    raw = request.POST.get("ranges", "")
    if len(raw) > MAX_BEAT_CHARS:
        return JsonResponse({"error": "bad_ranges"}, status=400)
    try:
        result = video_beat(lesson=lesson, employee=employee, ranges=json.loads(raw or "[]"), user=request.user)
    except (ValueError, BadRanges):  # json.JSONDecodeError is a ValueError
        return JsonResponse({"error": "bad_ranges"}, status=400)
    except TooFast:
        return JsonResponse({"error": TooFast.code}, status=409)
    except (NoVideo, LessonUnavailable, EmployeeInactive) as exc:
        return JsonResponse({"error": exc.code}, status=404)
    progress = result.progress
    return JsonResponse({"percent": progress.percent, "threshold": lesson.video_threshold,
                         "reached": progress.reached, "message": _video_status(progress, lesson)})


def _video_status(progress, lesson: LessonPage) -> str:
    """The line under the player, as the lesson template writes it."""
    if progress.reached:
        return "✓ " + _("Đã xem đủ ngày %(day)s — được ghi nhận là đã học.") % {
            "day": progress.reached_on.strftime("%d/%m/%Y")}
    return _("Đã xem %(percent)s%% — cần %(threshold)s%%") % {"percent": progress.percent,
                                                             "threshold": lesson.video_threshold}
