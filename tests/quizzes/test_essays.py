import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from org.models import AuditLog
from quizzes.errors import InvalidGrade
from quizzes.models import AttemptAnswer, AttemptState, QuestionType
from quizzes.services.attempts import Response, attempt_save_answers, attempt_start, attempt_submit
from quizzes.services.essays import essay_mark
from tests.factories import EmployeeFactory, UserFactory

from .factories import make_question, make_quiz, right_ids

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def submitted():
    essay = make_question(QuestionType.ESSAY, text="Viết", answers=[], mark=Decimal("2"))
    mc = make_question()
    quiz = make_quiz(questions=[mc, essay], pass_mark=60)
    employee = EmployeeFactory()
    with time_machine.travel(dt.datetime(2024, 7, 1, 9, 0, tzinfo=HCM), tick=False):
        attempt = attempt_start(quiz=quiz, employee=employee)
        responses = {}
        for aq in attempt.attempt_questions.select_related("question"):
            responses[aq.id] = Response(text="Bài viết") if aq.question_id == essay.id else Response(right_ids(aq))
        attempt_save_answers(attempt=attempt, responses=responses)
        attempt = attempt_submit(attempt=attempt)
    return attempt, AttemptAnswer.objects.get(attempt_question__attempt=attempt, attempt_question__question=essay)


def test_marking_finalises_the_attempt_and_is_audited(submitted):
    attempt, row = submitted
    hr = UserFactory()
    assert attempt.state == AttemptState.NEEDS_GRADING and not attempt.passed
    with time_machine.travel(dt.datetime(2024, 7, 10, 9, 0, tzinfo=HCM), tick=False):
        attempt = essay_mark(attempt_answer=row, score="1.5", comment="Khá", actor=hr)
    assert attempt.state == AttemptState.FINISHED
    assert attempt.score == Decimal("2.50") and attempt.percent == Decimal("83.33") and attempt.passed
    assert attempt.evidence_date == dt.date(2024, 7, 1)  # dated at submission, not at marking
    entry = AuditLog.objects.get(action="quiz.essay_mark")
    assert entry.actor == hr and entry.before["score"] is None and entry.after["score"] == "1.50"
    # re-marking lower fails the attempt again: compliance follows
    attempt = essay_mark(attempt_answer=row, score=0, comment="Lạc đề", actor=hr)
    assert not attempt.passed and AuditLog.objects.filter(action="quiz.essay_mark").count() == 2


@pytest.mark.parametrize("score", ["-1", "2.5", "abc"])
def test_out_of_range_scores_are_refused(submitted, score):
    _, row = submitted
    with pytest.raises(InvalidGrade):
        essay_mark(attempt_answer=row, score=score, comment="", actor=None)
    assert not AuditLog.objects.exists()


def test_only_essays_of_submitted_attempts_can_be_marked():
    quiz = make_quiz(questions=[make_question(QuestionType.ESSAY, answers=[]), make_question()])
    attempt = attempt_start(quiz=quiz, employee=EmployeeFactory())
    aqs = list(attempt.attempt_questions.select_related("question"))
    essay_aq = next(aq for aq in aqs if aq.question.qtype == QuestionType.ESSAY)
    row = AttemptAnswer.objects.create(attempt_question=essay_aq, text="x")
    with pytest.raises(InvalidGrade):
        essay_mark(attempt_answer=row, score=1, actor=None)
    attempt_submit(attempt=attempt)
    mc_aq = next(aq for aq in aqs if aq.question.qtype != QuestionType.ESSAY)
    with pytest.raises(InvalidGrade):
        essay_mark(attempt_answer=AttemptAnswer.objects.get(attempt_question=mc_aq), score=1, actor=None)
