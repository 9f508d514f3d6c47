"""The learner's side: quiz page, taking (resumable, one page or all), submission, result."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from org.selectors.access import employee_of, is_hr
from quizzes.errors import AttemptExpired
from quizzes.models import Attempt, Quiz
from quizzes.options import UNKNOWN, options_resolve
from quizzes.presenters import questions_for_review, questions_for_taking, questions_unanswered
from quizzes.selectors import (
    attempt_of,
    attempt_questions,
    attempts_of,
    quiz_by_slug,
    quiz_grade,
    quiz_pool_size,
    quizzes_visible,
    review_shown,
)
from quizzes.services.attempts import (
    Response,
    attempt_save_answers,
    attempt_start,
    attempt_submit,
    attempts_finalise_expired,
    attempts_remaining,
    attempts_remaining_of,
)


def _employee(request):
    employee = employee_of(request.user)
    if employee is None:
        raise Http404(_("Tài khoản này chưa gắn với hồ sơ cán bộ."))
    return employee


def _quiz(request, slug, queryset=None) -> Quiz:
    quiz = quiz_by_slug(request.user, slug, queryset)
    if quiz is None or (quiz.draft and not is_hr(request.user)):
        raise Http404
    return quiz


def _attempt(request, pk) -> Attempt:
    """The learner's own attempt, with its quiz; its employee is the request's (read with the user)."""
    attempt = attempt_of(request.user, pk=pk, employee=_employee(request))
    if attempt is None:
        raise Http404
    return attempt


@login_required
def index(request):
    """Every published quiz, with the learner's standing on each."""
    employee = employee_of(request.user)
    if employee is None:
        return render(request, "no_profile.html")
    quizzes = list(quizzes_visible(request.user).published().prefetch_related("directives"))
    passed = set(Attempt.objects.filter(employee=employee, passed=True).values_list("quiz_id", flat=True))
    tried = set(Attempt.objects.filter(employee=employee).values_list("quiz_id", flat=True))
    rows = [(q, q.pk in passed, q.pk in tried) for q in quizzes]
    return render(request, "quizzes/index.html", {"rows": rows})


@login_required
def detail(request, slug):
    quiz = _quiz(request, slug, quizzes_visible(request.user).prefetch_related("directives"))
    employee = _employee(request)
    attempts = list(attempts_of(quiz=quiz, employee=employee))
    now = timezone.now()
    if any(a.is_open and a.deadline and a.deadline < now for a in attempts):
        attempts_finalise_expired(quiz=quiz, employee=employee, now=now)  # time ran out: submitted first
        attempts = list(attempts_of(quiz=quiz, employee=employee))
    pool = quiz_pool_size(quiz)
    context = {
        "quiz": quiz,
        "attempts": attempts,
        "open_attempt": next((a for a in attempts if a.is_open), None),
        "remaining": attempts_remaining_of(quiz=quiz, attempts=attempts),
        "grade": quiz_grade(quiz=quiz, employee=employee),
        "question_count": min(pool, quiz.max_questions) if quiz.max_questions else pool,
        "closed": quiz.is_closed(now),
    }
    return render(request, "quizzes/detail.html", context)


@login_required
@require_POST
def start(request, slug):
    quiz = _quiz(request, slug)  # a draft reaches here for HR only
    try:
        attempt = attempt_start(quiz=quiz, employee=_employee(request), allow_draft=quiz.draft)
    except DomainError as exc:
        messages.error(request, str(exc))
        return redirect("quizzes:detail", slug=quiz.slug)
    return redirect("quizzes:take", pk=attempt.pk)


def _responses_from(request, aqs, shown: list[int]) -> dict[int, Response]:
    """The page's answers; options come as per-attempt tokens and go to the service as answer ids.
    A question not of this attempt keeps no tokens: the service refuses it."""
    drawn = {aq.pk: aq for aq in aqs}
    responses = {}
    for aq_id in shown:
        values = request.POST.getlist(f"g-{aq_id}")
        if values:  # matching items and cloze gaps, in page order (quizzes.services.qtypes)
            responses[aq_id] = Response(selected=values, text="")
            continue
        tokens = request.POST.getlist(f"q-{aq_id}")
        aq = drawn.get(aq_id)
        selected = options_resolve(aq, tokens) if aq is not None else [UNKNOWN for _ in tokens]
        responses[aq_id] = Response(selected=selected, text=request.POST.get(f"t-{aq_id}", ""))
    return responses


@login_required
def take(request, pk):
    attempt = _attempt(request, pk)
    if attempt.is_open and attempt.deadline and timezone.now() > attempt.deadline:
        attempt = attempt_submit(attempt=attempt)  # time is up: graded as at the deadline
        messages.warning(request, _("Đã hết thời gian làm bài: bài được nộp tại thời điểm hết giờ."))
    if not attempt.is_open:
        return redirect("quizzes:result", pk=attempt.pk)
    aqs = attempt_questions(attempt)  # drawn once at the start: the same on every page
    per_page = 1 if attempt.quiz.one_per_page else max(1, len(aqs))
    pages = max(1, -(-len(aqs) // per_page))
    page = _page_number(request, pages)
    if request.method == "POST":
        shown = [int(v) for v in request.POST.getlist("shown") if v.isdigit()]
        try:
            attempt_save_answers(attempt=attempt, responses=_responses_from(request, aqs, shown), aqs=aqs)
        except AttemptExpired as exc:
            messages.warning(request, str(exc))
            return redirect("quizzes:result", pk=attempt.pk)
        except DomainError as exc:
            messages.error(request, str(exc))
            return redirect(f"{request.path}?trang={page}")
        action = request.POST.get("action", "save")
        if action == "finish":
            return redirect("quizzes:submit", pk=attempt.pk)
        if action == "timeout":
            attempt_submit(attempt=attempt)
            return redirect("quizzes:result", pk=attempt.pk)
        target = {"next": page + 1, "prev": page - 1}.get(action, page)
        if action.startswith("goto-") and action[5:].isdigit():
            target = int(action[5:])
        return redirect(f"{request.path}?trang={min(max(target, 1), pages)}")
    questions = questions_for_taking(attempt, aqs)
    on_page = questions[(page - 1) * per_page: page * per_page]
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "questions": on_page,
        "all_questions": questions,
        "page": page,
        "pages": pages,
        "answered": sum(q.answered for q in questions),
        "now": timezone.now(),
    }
    return render(request, "quizzes/take.html", context)


def _page_number(request, pages: int) -> int:
    raw = request.POST.get("trang") or request.GET.get("trang") or "1"
    return min(max(int(raw) if raw.isdigit() else 1, 1), pages)


@login_required
def submit(request, pk):
    attempt = _attempt(request, pk)
    if not attempt.is_open:
        return redirect("quizzes:result", pk=attempt.pk)
    if request.method == "POST":
        attempt_submit(attempt=attempt)
        return redirect("quizzes:result", pk=attempt.pk)
    # Only the numbers of the questions left unanswered: no options, no texts.
    context = {"attempt": attempt, "quiz": attempt.quiz, "unanswered": questions_unanswered(attempt_questions(attempt)),
               "now": timezone.now()}
    return render(request, "quizzes/submit.html", context)


@login_required
def result(request, pk):
    attempt = _attempt(request, pk)
    if attempt.is_open:
        if not (attempt.deadline and timezone.now() > attempt.deadline):
            return redirect("quizzes:take", pk=attempt.pk)
        attempt = attempt_submit(attempt=attempt)  # time ran out: graded as at the deadline
    quiz = attempt.quiz
    shown = review_shown(attempt=attempt)
    context = {
        "attempt": attempt,
        "quiz": quiz,
        "shown": shown,
        "review": questions_for_review(attempt, shown) if shown.anything else None,
        "remaining": attempts_remaining(quiz=quiz, employee=attempt.employee),
    }
    return render(request, "quizzes/result.html", context)
