"""Taking a quiz: start (or resume), save answers, submit. The server owns the clock.

Races: starts lock the quiz and employee rows, so two tabs cannot create two attempts or exceed the
limit; submit and save lock the attempt row, so a double submission grades once. Two unique
constraints (one open attempt per person and quiz; unique attempt numbers) back the locks up.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.evidence import evidence_announce
from core.rows import row_locked
from org.models import Employee
from quizzes.errors import AttemptClosed, AttemptExpired, AttemptLimitReached, InvalidResponse, QuizUnavailable
from quizzes.models import (
    Answer,
    Attempt,
    AttemptAnswer,
    AttemptQuestion,
    AttemptSource,
    AttemptState,
    QuestionType,
    Quiz,
)
from quizzes.selectors import PoolEntry, attempt_questions, quiz_pool_entries

from . import qtypes
from .scoring import attempt_grade

MAX_TEXT = 20_000


@dataclass
class Response:
    selected: list[int] = field(default_factory=list)
    text: str = ""


def _locked(attempt: Attempt) -> Attempt:
    """The attempt's row read again under its lock, with the quiz the caller read (a quiz's row is
    not part of the attempt's state: no second read of it)."""
    locked = row_locked(Attempt, attempt.pk)
    if Attempt.quiz.is_cached(attempt):
        locked.quiz = attempt.quiz
    return locked


def _past(deadline: dt.datetime | None, now: dt.datetime) -> bool:
    return deadline is not None and now > deadline


def _is_expired(attempt: Attempt, now: dt.datetime) -> bool:
    return _past(attempt.deadline, now)


def _draw(quiz: Quiz, rng: random.Random) -> list[PoolEntry]:
    pool = quiz_pool_entries(quiz)
    if quiz.max_questions and quiz.max_questions < len(pool):
        chosen = set(q.id for q in rng.sample(pool, quiz.max_questions))
        pool = [q for q in pool if q.id in chosen]
    if quiz.random_order:
        rng.shuffle(pool)
    return pool


def _answer_orders(quiz: Quiz, questions: list[PoolEntry], rng: random.Random) -> list[list[int]]:
    """Per drawn question, its answers' ids in the order shown (one query for all of them)."""
    ids: dict[int, list[int]] = {q.id: [] for q in questions}
    for question_id, answer_id in (Answer.objects.filter(question_id__in=ids).order_by("question_id", "order", "id")
                                   .values_list("question_id", "id")):
        ids[question_id].append(answer_id)
    orders = []
    for q in questions:  # in the drawn order: the same use of `rng` as one question at a time
        order = ids[q.id]
        if quiz.shuffle_answers and q.qtype == QuestionType.MULTICHOICE:
            rng.shuffle(order)
        orders.append(order)
    return orders


def attempts_finalise_expired(*, quiz: Quiz | None = None, employee: Employee | None = None,
                              now: dt.datetime | None = None) -> int:
    """Submit, as at their deadline, open attempts whose time ran out (done lazily on access)."""
    now = now or timezone.now()
    expired = Attempt.objects.filter(state=AttemptState.IN_PROGRESS, deadline__lt=now)
    if quiz is not None:
        expired = expired.filter(quiz=quiz)
    if employee is not None:
        expired = expired.filter(employee=employee)
    count = 0
    for attempt in expired:
        attempt_submit(attempt=attempt, now=now)
        count += 1
    return count


def attempts_remaining(*, quiz: Quiz, employee: Employee) -> int | None:
    limit = quiz.effective_attempts_allowed
    if limit is None:
        return None
    used = Attempt.objects.filter(quiz=quiz, employee=employee, source=AttemptSource.ONLINE).count()
    return max(0, limit - used)


def attempts_remaining_of(*, quiz: Quiz, attempts: list[Attempt]) -> int | None:
    """`attempts_remaining` from the person's attempts on `quiz`, already read."""
    limit = quiz.effective_attempts_allowed
    if limit is None:
        return None
    return max(0, limit - sum(1 for a in attempts if a.source == AttemptSource.ONLINE))


def _refusal(quiz: Quiz, employee: Employee, now: dt.datetime, allow_draft: bool) -> QuizUnavailable | None:
    if quiz.agency_id is not None and quiz.agency_id != employee.agency_id:
        return QuizUnavailable(_("Bài kiểm tra chưa được công bố."))  # another agency's: as if it did not exist
    if quiz.draft and not allow_draft:
        return QuizUnavailable(_("Bài kiểm tra chưa được công bố."))
    if quiz.is_closed(now):
        return QuizUnavailable(_("Bài kiểm tra đã đóng."))
    return None


def attempt_start(*, quiz: Quiz, employee: Employee, now: dt.datetime | None = None,
                  rng: random.Random | None = None, allow_draft: bool = False) -> Attempt:
    """The open attempt of `employee` on `quiz`, or a new one with freshly drawn questions. An open
    attempt whose time ran out is submitted first (as `attempts_finalise_expired`), even when the
    start is then refused."""
    now = now or timezone.now()
    rng = rng or random.SystemRandom()
    with transaction.atomic():
        quiz = row_locked(Quiz, quiz.pk)
        row_locked(Employee, employee.pk)
        # The person's attempts on the quiz, once, under the locks: the open one, the count, the last number.
        mine = list(Attempt.objects.filter(quiz=quiz, employee=employee)
                    .values_list("pk", "number", "state", "source", "deadline"))
        current = next((row for row in mine if row[2] == AttemptState.IN_PROGRESS), None)
        if current is not None and _past(current[4], now):
            attempts_finalise_expired(quiz=quiz, employee=employee, now=now)  # time ran out: submitted first
            current = None
        refusal = _refusal(quiz, employee, now, allow_draft)
        if refusal is None:
            return _resumed_or_new(quiz, employee, now, rng, mine, current[0] if current else None)
    raise refusal  # after the commit: the finalised attempt stays submitted


def _resumed_or_new(quiz: Quiz, employee: Employee, now: dt.datetime, rng: random.Random, mine: list,
                    current_id: int | None) -> Attempt:
    """The start's work under its locks, once the quiz may be taken."""
    if current_id is not None:
        return Attempt.objects.get(pk=current_id)
    limit = quiz.effective_attempts_allowed
    if limit is not None and sum(1 for row in mine if row[3] == AttemptSource.ONLINE) >= limit:
        raise AttemptLimitReached(_("Bạn đã dùng hết số lượt làm bài cho phép."))
    questions = _draw(quiz, rng)
    if not questions:
        raise QuizUnavailable(_("Bài kiểm tra chưa có câu hỏi."))
    last = max((row[1] for row in mine), default=0)
    deadline = now + dt.timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    if quiz.closes_at is not None:  # an attempt open at the close is submitted as at the close
        deadline = min(deadline, quiz.closes_at) if deadline else quiz.closes_at
    attempt = Attempt.objects.create(quiz=quiz, employee=employee, number=last + 1, source=AttemptSource.ONLINE,
                                     state=AttemptState.IN_PROGRESS, started_at=now, deadline=deadline)
    AttemptQuestion.objects.bulk_create([
        AttemptQuestion(attempt=attempt, question_id=q.id, order=i, answer_order=order,
                        mark=q.default_mark if q.qtype != QuestionType.DESCRIPTION else Decimal(0))
        for i, (q, order) in enumerate(zip(questions, _answer_orders(quiz, questions, rng), strict=True), start=1)
    ])
    return attempt


def _validate(aq: AttemptQuestion, response: Response) -> Response:
    question = aq.question
    if question.qtype in qtypes.NEW_TYPES:
        try:
            text = qtypes.clean_response(question, list(question.answers.all()),
                                         [str(v) for v in response.selected], response.text, aq.pk)
        except qtypes.BadResponse as exc:
            raise InvalidResponse(_("Câu trả lời không hợp lệ.")) from exc
        return Response(selected=[], text=text)
    if question.qtype in (QuestionType.SHORT_ANSWER, QuestionType.ESSAY):
        if len(response.text) > MAX_TEXT:
            raise InvalidResponse(_("Câu trả lời quá dài."))
        return Response(selected=[], text=response.text.strip())
    allowed = set(aq.answer_order)
    selected = []
    for value in response.selected:
        try:
            answer_id = int(value)
        except (TypeError, ValueError) as exc:
            raise InvalidResponse(_("Phương án không hợp lệ.")) from exc
        if answer_id not in allowed:
            raise InvalidResponse(_("Phương án không thuộc câu hỏi này."))
        if answer_id not in selected:
            selected.append(answer_id)
    if len(selected) > 1 and not (question.qtype == QuestionType.MULTICHOICE and question.multiple):
        raise InvalidResponse(_("Câu hỏi này chỉ được chọn một phương án."))
    return Response(selected=sorted(selected), text="")


def attempt_save_answers(*, attempt: Attempt, responses: dict[int, Response], now: dt.datetime | None = None,
                         aqs: list[AttemptQuestion] | None = None) -> Attempt:
    """Save responses keyed by AttemptQuestion id. After the deadline nothing is saved: the attempt
    is submitted as at its deadline and AttemptExpired is raised. `aqs`: the attempt's drawn
    questions (`quizzes.selectors.attempt_questions`) when the caller read them already (they do not
    change once drawn); the saved responses are read here, under the attempt's lock."""
    now = now or timezone.now()
    with transaction.atomic():
        attempt = _locked(attempt)
        if attempt.state != AttemptState.IN_PROGRESS:
            raise AttemptClosed(_("Lượt làm bài này đã nộp."))
        expired = _is_expired(attempt, now)
        if not expired:
            questions = {aq.id: aq for aq in (aqs if aqs is not None else attempt_questions(attempt))}
            existing = {r.attempt_question_id: r for r in AttemptAnswer.objects.filter(attempt_question__attempt=attempt)}
            new, changed = [], []
            for aq_id, response in responses.items():
                aq = questions.get(int(aq_id))
                if aq is None:
                    raise InvalidResponse(_("Câu hỏi không thuộc lượt làm bài này."))
                if not aq.question.is_graded:
                    continue  # a description asks nothing: no response row
                clean = _validate(aq, response)
                row = existing.get(aq.id) or AttemptAnswer(attempt_question=aq)
                row.selected, row.text, row.saved_at = clean.selected, clean.text, now
                (changed if row.pk else new).append(row)
            # Two statements for a whole page of answers; the attempt's row lock keeps any other
            # request from inserting the same answers meanwhile.
            AttemptAnswer.objects.bulk_create(new)
            AttemptAnswer.objects.bulk_update(changed, ["selected", "text", "saved_at"])
            return attempt
    attempt_submit(attempt=attempt, now=now)
    raise AttemptExpired(_("Đã hết thời gian làm bài: bài được nộp tại thời điểm hết giờ."))


def attempt_save_answer(*, attempt: Attempt, attempt_question_id: int, selected: list[int] | None = None,
                        text: str = "", now: dt.datetime | None = None) -> Attempt:
    return attempt_save_answers(attempt=attempt, responses={attempt_question_id: Response(list(selected or []), text)},
                                now=now)


def attempt_submit(*, attempt: Attempt, now: dt.datetime | None = None) -> Attempt:
    """Submit and grade once. A second (or concurrent) submission returns the attempt unchanged.
    A late submission is graded as at the deadline; responses saved after it are ignored."""
    now = now or timezone.now()
    with transaction.atomic():
        attempt = _locked(attempt)
        if attempt.state != AttemptState.IN_PROGRESS:
            return attempt
        attempt.submitted_at = min(now, attempt.deadline) if attempt.deadline else now
        attempt_grade(attempt=attempt, cutoff=attempt.submitted_at, now=now)
        evidence_announce(sender=Attempt, employee_ids=[attempt.employee_id] if attempt.passed else [])
    return attempt
