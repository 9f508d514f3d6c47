"""Shared bits of the quiz commands: finding the quiz, reporting a refused import."""

from __future__ import annotations

from django.core.management.base import CommandError

from core.errors import ImportRefused
from quizzes.models import Quiz


def quiz_for(slug: str) -> Quiz:
    quiz = Quiz.objects.filter(slug=slug).first()
    if quiz is None:
        raise CommandError(f'unknown quiz "{slug}"')
    return quiz


def refuse(command, refused: ImportRefused):
    for problem in refused.problems:
        command.stderr.write(str(problem))
    raise CommandError(f"import refused: {len(refused.problems)} problem(s), nothing written", returncode=1)
