"""Creating quizzes (the `create_quiz` command and the admin share this)."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from core.errors import DomainError
from courses.selectors import directive_resolve
from quizzes.models import Quiz
from quizzes.selectors import quiz_slug_taken


class QuizInvalid(DomainError):
    code = "quiz_invalid"


def quiz_create(*, slug: str, title: str, directive_refs: list[str], pass_mark: int = 80,
                max_questions: int | None = None, time_limit: int | None = None, attempts: int | None = None,
                draft: bool = False) -> Quiz:
    problems = []
    if slug != slugify(slug):
        problems.append(f'slug "{slug}" may hold only a-z, 0-9 and "-"')
    if not title.strip():
        problems.append("the title is empty")
    if not 0 <= pass_mark <= 100:
        problems.append(f"pass mark {pass_mark} is not between 0 and 100")
    for name, value in (("--max-questions", max_questions), ("--time-limit", time_limit), ("--attempts", attempts)):
        if value is not None and value < 1:
            problems.append(f"{name} must be at least 1")
    directives = []
    for ref in directive_refs:
        try:
            directives.append(directive_resolve(ref))
        except DomainError as exc:
            problems.append(str(exc))
    if not directives and not problems:
        problems.append("give at least one --directive")
    if quiz_slug_taken(slug=slug, owner_id=None):  # a shared quiz: a slug used nowhere
        problems.append(f'a quiz "{slug}" already exists')
    if problems:
        raise QuizInvalid("; ".join(problems))
    with transaction.atomic():
        quiz = Quiz.objects.create(slug=slug, title=title.strip(), pass_mark=pass_mark, max_questions=max_questions,
                                   time_limit_minutes=time_limit, attempts_allowed=attempts, draft=draft)
        quiz.directives.set(directives)
    return quiz
