"""Grading one response (Moodle-like): the fraction of the question's mark it earns, 0..1.

- multiple choice, one right answer / true-false: the fraction of the chosen answer (never below 0);
- multiple choice, several right answers: the fractions of every chosen answer summed (wrong
  choices may carry negative fractions), then clamped to 0..1;
- short answer: the best fraction among accepted answers that match (case-insensitive, spaces
  collapsed, `*` matches anything; diacritics matter in Vietnamese);
- essay: None, marked by HR;
- numerical, matching, cloze, description: see qtypes.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from quizzes.models import Answer, Question, QuestionType

from . import qtypes

ZERO = Decimal("0")
ONE = Decimal("1")


def _clamp(value: Decimal) -> Decimal:
    return max(ZERO, min(ONE, value))


def normalise_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").casefold().split())


def short_answer_matches(pattern: str, response: str) -> bool:
    wanted = normalise_text(pattern)
    given = normalise_text(response)
    if "*" not in wanted:
        return wanted == given
    regex = ".*".join(re.escape(part) for part in wanted.split("*"))
    return re.fullmatch(regex, given) is not None


def grade_response(question: Question, answers: Iterable[Answer], selected: Iterable[int], text: str) -> Decimal | None:
    answers = list(answers)
    if question.qtype == QuestionType.ESSAY:
        return None
    if question.qtype in qtypes.NEW_TYPES:
        return qtypes.grade(question, answers, text)
    if question.qtype == QuestionType.SHORT_ANSWER:
        fractions = [a.fraction for a in answers if text and short_answer_matches(a.text, text)]
        return _clamp(max(fractions)) if fractions else ZERO
    chosen = set(selected or [])
    picked = [a.fraction for a in answers if a.id in chosen]
    if not picked:
        return ZERO
    if question.qtype == QuestionType.MULTICHOICE and question.multiple:
        return _clamp(sum(picked, ZERO))
    return _clamp(picked[0])


def score_of(fraction: Decimal, mark: Decimal) -> Decimal:
    return (fraction * mark).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def percent_of(score: Decimal, max_score: Decimal) -> Decimal:
    if not max_score:
        return ZERO
    return (score * 100 / max_score).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
