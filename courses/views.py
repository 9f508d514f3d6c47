"""Thin views: the library search page and the lesson acknowledgement."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from org.selectors.access import employee_of

from .models import DirectiveIndexPage, LessonPage
from .search import SearchFilters, directive_facets, library_search
from .services import EmployeeInactive, LessonUnavailable, lesson_acknowledge

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
