"""Responses and grading of the question types that came with Moodle banks: numerical, matching,
embedded answers (cloze) and description. Kept apart from grading.py (choices, short answer, essay).

Responses are stored in AttemptAnswer.text, `selected` stays empty:
- numerical: the number as typed (a decimal comma is accepted);
- matching: JSON list, per item in the question's order, of the chosen match text (null = none);
- cloze: JSON list, per gap, of the text typed or the index of the chosen option ("" = none);
- description: nothing (it carries no mark).
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.utils.crypto import salted_hmac

from quizzes.formats import cloze
from quizzes.models import Answer, Question, QuestionType

ZERO = Decimal("0")
ONE = Decimal("1")
NEW_TYPES = (QuestionType.NUMERICAL, QuestionType.MATCHING, QuestionType.MULTIANSWER, QuestionType.DESCRIPTION)
MAX_TEXT = 2000


class BadResponse(ValueError):
    pass


def _clamp(value: Decimal) -> Decimal:
    return max(ZERO, min(ONE, value))


def parse_number(text: str) -> Decimal | None:
    """A number as a Vietnamese learner types it: "3,14" or "3.14", spaces ignored; None if not one."""
    cleaned = re.sub(r"\s", "", text or "").replace(",", ".")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def match_items(answers: Iterable[Answer]) -> list[Answer]:
    """The items to match, in order (an answer without item text is only an extra choice)."""
    return [a for a in sorted(answers, key=lambda a: (a.order, a.id)) if a.text.strip()]


def match_choices(answers: Iterable[Answer]) -> list[str]:
    """Every distinct match text, sorted, so the list's order tells nothing about the pairs."""
    return sorted({a.match_text for a in answers if a.match_text}, key=lambda t: (t.casefold(), t))


def gap_choice_token(attempt_question_id: int, gap_number: int, index: int) -> str:
    """What names a cloze gap's choice in the page: opaque per attempt, like quizzes.options'
    tokens, so neither its value nor its place tells the author's order (right answer first…)."""
    return salted_hmac("quizzes.gap-choice", f"{attempt_question_id}:{gap_number}:{index}").hexdigest()[:16]


def gap_choice_order(attempt_question_id: int, gap: cloze.Gap, shuffle: bool) -> list[int]:
    order = list(range(len(gap.answers)))
    if shuffle:
        random.Random(f"{attempt_question_id}:{gap.number}").shuffle(order)  # noqa: S311 - display order only
    return order


def clean_response(question: Question, answers: list[Answer], values: list[str], text: str,
                   attempt_question_id: int = 0) -> str:
    """The canonical stored text of a response posted for a question of a new type.
    `values` are the fields posted in page order (matching: one choice index per item; cloze:
    one value per gap, a choice gap's value being its token), `text` the single text field
    (numerical). Cloze choices are stored as their index in the author's order."""
    if question.qtype == QuestionType.DESCRIPTION:
        return ""
    if question.qtype == QuestionType.NUMERICAL:
        if len(text) > 100:
            raise BadResponse("too long")
        return text.strip()
    if question.qtype == QuestionType.MATCHING:
        items, choices = match_items(answers), match_choices(answers)
        if len(values) != len(items):
            raise BadResponse("one choice per item")
        chosen = []
        for value in values:
            if value in ("", None):
                chosen.append(None)
                continue
            try:
                chosen.append(choices[int(value)])
            except (ValueError, IndexError):
                raise BadResponse("unknown choice") from None
        return json.dumps(chosen, ensure_ascii=False) if any(c is not None for c in chosen) else ""
    gaps = cloze.gaps(question.text)
    if len(values) != len(gaps):
        raise BadResponse("one value per gap")
    cleaned = []
    for gap, value in zip(gaps, values, strict=True):
        value = (value or "").strip()
        if len(value) > MAX_TEXT:
            raise BadResponse("too long")
        if gap.kind == "choice" and value:
            by_token = {gap_choice_token(attempt_question_id, gap.number, i): str(i) for i in range(len(gap.answers))}
            if value not in by_token:
                raise BadResponse("unknown choice")
            value = by_token[value]
        cleaned.append(value)
    return json.dumps(cleaned, ensure_ascii=False) if any(cleaned) else ""


def stored_list(text: str) -> list:
    try:
        value = json.loads(text) if text else []
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def numerical_fraction(answers: Iterable[Answer | cloze.GapAnswer], response: str) -> Decimal:
    """The best fraction among the answers the number falls within (value ± tolerance; "*" = any)."""
    value = parse_number(response)
    if value is None:
        return ZERO
    best = None
    for a in answers:
        if a.text.strip() == "*":
            hit = True
        else:
            target = parse_number(a.text)
            hit = target is not None and abs(value - target) <= Decimal(a.tolerance or 0)
        if hit and (best is None or a.fraction > best):
            best = Decimal(a.fraction)
    return _clamp(best) if best is not None else ZERO


def matching_fraction(answers: list[Answer], response: str) -> Decimal:
    """The share of items matched right (Moodle: every item weighs the same)."""
    items = match_items(answers)
    chosen = stored_list(response)
    if not items:
        return ZERO
    right = sum(1 for i, item in enumerate(items) if i < len(chosen) and chosen[i] == item.match_text)
    return (Decimal(right) / len(items)).quantize(Decimal("0.00001"))


def _gap_fraction(gap: cloze.Gap, value: str) -> Decimal:
    from .grading import short_answer_matches

    if not value:
        return ZERO
    if gap.kind == "choice":
        return _clamp(gap.answers[int(value)].fraction) if value.isdigit() and int(value) < len(gap.answers) else ZERO
    if gap.kind == "number":
        return numerical_fraction(gap.answers, value)
    fractions = [a.fraction for a in gap.answers
                 if (a.text == value if gap.kind == "short_case" and "*" not in a.text
                     else short_answer_matches(a.text, value))]
    return _clamp(max(fractions)) if fractions else ZERO


def cloze_fractions(question: Question, response: str) -> list[Decimal]:
    values = stored_list(response)
    return [_gap_fraction(gap, str(values[i]) if i < len(values) else "") for i, gap in enumerate(cloze.gaps(question.text))]


def cloze_fraction(question: Question, response: str) -> Decimal:
    """Each gap counts with its weight, as in Moodle."""
    gaps = cloze.gaps(question.text)
    total = sum(g.weight for g in gaps)
    if not total:
        return ZERO
    got = sum((g.weight * f for g, f in zip(gaps, cloze_fractions(question, response), strict=True)), ZERO)
    return (got / total).quantize(Decimal("0.00001"))


def grade(question: Question, answers: list[Answer], text: str) -> Decimal:
    if question.qtype == QuestionType.NUMERICAL:
        return numerical_fraction(answers, text)
    if question.qtype == QuestionType.MATCHING:
        return matching_fraction(answers, text)
    if question.qtype == QuestionType.MULTIANSWER:
        return cloze_fraction(question, text)
    return ZERO  # description: nothing to answer
