"""Shared bits of the quiz commands: finding the quiz, reporting a refused import."""

from __future__ import annotations

from django.core.management.base import CommandError

from core.errors import ImportRefused
from quizzes.models import Quiz


def add_quiz_arguments(parser) -> None:
    parser.add_argument("--quiz", required=True, help="quiz slug")
    parser.add_argument("--agency", default=None,
                        help="code of the agency owning the quiz, when several agencies use the slug")


def quiz_for(slug: str, agency_code: str | None = None) -> Quiz:
    """The quiz of `slug` (the command line acts for every agency). Slugs are unique per owner:
    without `--agency` the shared quiz of that slug, else the one agency's that has it; several
    agencies' is an error naming no agency (the operator adds --agency)."""
    quizzes = Quiz.objects.all_agencies().filter(slug=slug).order_by("pk")
    if agency_code:
        quizzes = quizzes.filter(agency__code__iexact=agency_code.strip())
    found = list(quizzes)
    shared = [q for q in found if q.agency_id is None]
    if not found:
        raise CommandError(f'unknown quiz "{slug}"')
    if len(found) > 1 and not shared:
        raise CommandError(f'several agencies have a quiz "{slug}": add --agency CODE')
    return (shared or found)[0]


def refuse(command, refused: ImportRefused):
    for problem in refused.problems:
        command.stderr.write(str(problem))
    raise CommandError(f"import refused: {len(refused.problems)} problem(s), nothing written", returncode=1)
