"""Grading a whole attempt and recomputing its total, state and pass flag."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from core.rows import update_rows
from quizzes.models import Attempt, AttemptAnswer, AttemptQuestion, AttemptState, QuestionType
from quizzes.selectors import attempt_questions, attempt_response

from .grading import ZERO, grade_response, percent_of, score_of


def attempt_grade(*, attempt: Attempt, cutoff: dt.datetime | None, now: dt.datetime) -> Attempt:
    """Grade every drawn question (the caller holds the attempt's row lock, so the responses read
    here are the final ones); the scores are written in two statements."""
    aqs = attempt_questions(attempt)
    rows = []
    for aq in aqs:
        if not aq.question.is_graded:
            continue  # a description: nothing to grade, no row (statistics count answers only)
        row = attempt_response(aq) or AttemptAnswer(attempt_question=aq)
        late = cutoff is not None and row.saved_at is not None and row.saved_at > cutoff
        selected, text = ([], "") if late else (row.selected or [], row.text or "")
        if aq.question.qtype == QuestionType.ESSAY:
            if text.strip():
                row.needs_grading, row.fraction, row.score = True, None, None
            else:
                row.needs_grading, row.fraction, row.score = False, ZERO, ZERO
        else:
            row.fraction = grade_response(aq.question, aq.question.answers.all(), selected, text)
            row.score = score_of(row.fraction, aq.mark)
            row.needs_grading = False
        rows.append(row)
    AttemptAnswer.objects.bulk_create([row for row in rows if row.pk is None])
    update_rows(AttemptAnswer, [row for row in rows if row.pk is not None], ["fraction", "score", "needs_grading"])
    return attempt_total(attempt=attempt, now=now, aqs=aqs, rows=rows)


def attempt_total(*, attempt: Attempt, now: dt.datetime, aqs: list[AttemptQuestion] | None = None,
                  rows: list[AttemptAnswer] | None = None) -> Attempt:
    """Sum the question scores; the attempt is final (and may pass) only when nothing awaits marking.
    `aqs` and `rows`: the attempt's drawn questions and every response row, when the caller holds them."""
    if rows is None:
        rows = list(AttemptAnswer.objects.filter(attempt_question__attempt=attempt))
    marks = [aq.mark for aq in aqs] if aqs is not None else attempt.attempt_questions.values_list("mark", flat=True)
    max_score = sum(marks, Decimal("0"))
    score = sum((r.score or ZERO for r in rows), Decimal("0"))
    pending = any(r.needs_grading for r in rows)
    attempt.max_score = max_score
    attempt.score = score
    attempt.percent = percent_of(score, max_score)
    if pending:
        attempt.state = AttemptState.NEEDS_GRADING
        attempt.passed = False
        attempt.graded_at = None
    else:
        attempt.state = AttemptState.FINISHED
        attempt.passed = attempt.percent >= attempt.quiz.pass_mark
        attempt.graded_at = now
    # The local date of submission: what compliance dates the evidence by (when passed).
    attempt.evidence_date = timezone.localdate(attempt.submitted_at)
    attempt.save()
    if attempt.state == AttemptState.FINISHED and not attempt.quiz.exam_paper:
        # Not an exam paper: keep the attempt, its scores and per-question fractions, not the responses.
        AttemptAnswer.objects.filter(attempt_question__attempt=attempt).update(selected=[], text="")
    return attempt
