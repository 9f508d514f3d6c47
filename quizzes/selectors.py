"""Read-side queries of the quiz engine."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Prefetch

from learning.models import Employee

from .models import Attempt, AttemptSource, AttemptState, GradingMethod, Question, Quiz, QuizQuestion


def quizzes_for_directives(directive_ids: Iterable[int]) -> dict[int, list[Quiz]]:
    """Published quizzes linked to each directive id (a quiz linked to several appears under each)."""
    ids = list(directive_ids)
    result: dict[int, list[Quiz]] = defaultdict(list)
    if not ids:
        return {}
    through = Quiz.directives.through
    links = through.objects.filter(directivepage_id__in=ids, quiz__draft=False).select_related("quiz")
    for link in links.order_by("quiz__title", "quiz_id"):
        result[link.directivepage_id].append(link.quiz)
    return dict(result)


def quiz_question_pool(quiz: Quiz) -> list[Question]:
    """The questions an attempt draws from: the fixed list in order, then the chosen categories'."""
    answers = Prefetch("answers")
    fixed = [qq.question for qq in QuizQuestion.objects.filter(quiz=quiz).select_related("question")
             .prefetch_related(Prefetch("question__answers")).order_by("order", "id")]
    seen = {q.id for q in fixed}
    category_ids = list(quiz.categories.values_list("id", flat=True))
    drawn = []
    if category_ids:
        drawn = [q for q in Question.objects.filter(category_id__in=category_ids).prefetch_related(answers)
                 .order_by("category__name", "id") if q.id not in seen]
    return fixed + drawn


def attempts_of(*, quiz: Quiz, employee: Employee):
    return Attempt.objects.filter(quiz=quiz, employee=employee).order_by("number")


def quiz_grade(*, quiz: Quiz, employee: Employee) -> Attempt | None:
    """The attempt that stands as the person's grade: the highest or the last final one."""
    final = Attempt.objects.filter(quiz=quiz, employee=employee, state=AttemptState.FINISHED)
    if quiz.grading_method == GradingMethod.LAST:
        return final.order_by("-submitted_at", "-evidence_date", "-number").first()
    return final.order_by("-percent", "submitted_at", "number").first()


def online_attempts(quiz: Quiz):
    return Attempt.objects.filter(quiz=quiz, source=AttemptSource.ONLINE)
