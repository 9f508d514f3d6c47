import datetime as dt
import random
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from quizzes.errors import AttemptClosed, AttemptExpired, AttemptLimitReached, InvalidResponse, QuizUnavailable
from quizzes.models import Attempt, AttemptAnswer, AttemptState, QuestionType
from quizzes.services.attempts import (
    Response,
    attempt_save_answer,
    attempt_save_answers,
    attempt_start,
    attempt_submit,
    attempts_finalise_expired,
)
from tests.factories import EmployeeFactory

from .factories import make_question, make_quiz, right_ids

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def employee():
    return EmployeeFactory()


def three_question_quiz(**kwargs):
    questions = [make_question(text=f"Câu {i}") for i in range(3)]
    return make_quiz(questions=questions, **kwargs)


def answer_all(attempt, right=True):
    responses = {}
    for aq in attempt.attempt_questions.select_related("question"):
        ids = right_ids(aq) if right else [i for i in aq.answer_order if i not in right_ids(aq)][:1]
        responses[aq.id] = Response(selected=ids)
    attempt_save_answers(attempt=attempt, responses=responses)


def test_start_draws_questions_and_resumes_the_open_attempt(employee):
    quiz = three_question_quiz()
    first = attempt_start(quiz=quiz, employee=employee)
    again = attempt_start(quiz=quiz, employee=employee)
    assert first.pk == again.pk
    assert first.attempt_questions.count() == 3
    assert Attempt.objects.count() == 1


def test_max_questions_draws_a_random_subset_with_shuffled_answers(employee):
    questions = [make_question(text=f"Câu {i}", answers=[(f"a{j}", 1 if j == 0 else 0, "") for j in range(6)])
                 for i in range(10)]
    quiz = make_quiz(questions=questions, max_questions=4, random_order=True, shuffle_answers=True)
    attempt = attempt_start(quiz=quiz, employee=employee, rng=random.Random(7))
    drawn = list(attempt.attempt_questions.all())
    assert len(drawn) == 4
    assert {aq.question_id for aq in drawn} <= {q.id for q in questions}
    orders = [aq.answer_order for aq in drawn]
    assert any(order != sorted(order) for order in orders)


def test_attempt_limit_and_single_attempt(employee):
    quiz = three_question_quiz(attempts_allowed=2)
    for _ in range(2):
        attempt_submit(attempt=attempt_start(quiz=quiz, employee=employee))
    with pytest.raises(AttemptLimitReached):
        attempt_start(quiz=quiz, employee=employee)
    single = three_question_quiz(slug="mot-lan", single_attempt=True)
    attempt_submit(attempt=attempt_start(quiz=single, employee=employee))
    with pytest.raises(AttemptLimitReached):
        attempt_start(quiz=single, employee=employee)


def test_draft_and_empty_quizzes_cannot_be_started(employee):
    with pytest.raises(QuizUnavailable):
        attempt_start(quiz=three_question_quiz(draft=True), employee=employee)
    with pytest.raises(QuizUnavailable):
        attempt_start(quiz=make_quiz(slug="rong"), employee=employee)


def test_submit_grades_once_and_passes_with_evidence_date(employee):
    quiz = three_question_quiz(pass_mark=60)
    with time_machine.travel(dt.datetime(2024, 5, 2, 23, 30, tzinfo=HCM), tick=False):
        attempt = attempt_start(quiz=quiz, employee=employee)
        answer_all(attempt)
        done = attempt_submit(attempt=attempt)
    assert done.state == AttemptState.FINISHED
    assert done.score == Decimal("3.00") and done.max_score == Decimal("3.00") and done.percent == 100
    assert done.passed is True
    assert done.evidence_date == dt.date(2024, 5, 2)  # local date, not UTC's 2024-05-02 16:30
    graded_at = done.graded_at
    with time_machine.travel(dt.datetime(2024, 5, 3, 9, 0, tzinfo=HCM), tick=False):
        again = attempt_submit(attempt=attempt)
    assert again.graded_at == graded_at and again.submitted_at == done.submitted_at
    with pytest.raises(AttemptClosed):
        attempt_save_answers(attempt=attempt, responses={})


def test_fail_below_pass_mark(employee):
    quiz = three_question_quiz(pass_mark=80)
    attempt = attempt_start(quiz=quiz, employee=employee)
    aqs = list(attempt.attempt_questions.all())
    attempt_save_answer(attempt=attempt, attempt_question_id=aqs[0].id, selected=right_ids(aqs[0]))
    attempt_save_answer(attempt=attempt, attempt_question_id=aqs[1].id, selected=right_ids(aqs[1]))
    done = attempt_submit(attempt=attempt)
    assert done.percent == Decimal("66.67") and done.passed is False


def test_responses_are_validated(employee):
    quiz = three_question_quiz()
    other = make_question(text="khác")
    attempt = attempt_start(quiz=quiz, employee=employee)
    aq = attempt.attempt_questions.first()
    with pytest.raises(InvalidResponse):
        attempt_save_answer(attempt=attempt, attempt_question_id=aq.id, selected=[other.answers.first().id])
    with pytest.raises(InvalidResponse):
        attempt_save_answer(attempt=attempt, attempt_question_id=aq.id, selected=aq.answer_order[:2])
    with pytest.raises(InvalidResponse):
        attempt_save_answer(attempt=attempt, attempt_question_id=999999, selected=[])


def test_time_limit_is_enforced_by_the_server(employee):
    quiz = three_question_quiz(time_limit_minutes=10, pass_mark=50)
    start = dt.datetime(2024, 6, 1, 8, 0, tzinfo=HCM)
    with time_machine.travel(start, tick=False) as clock:
        attempt = attempt_start(quiz=quiz, employee=employee)
        assert attempt.deadline == start + dt.timedelta(minutes=10)
        aqs = list(attempt.attempt_questions.all())
        clock.move_to(start + dt.timedelta(minutes=9))
        attempt_save_answer(attempt=attempt, attempt_question_id=aqs[0].id, selected=right_ids(aqs[0]))
        clock.move_to(start + dt.timedelta(minutes=11))
        with pytest.raises(AttemptExpired):  # saved too late: ignored, graded as at the deadline
            attempt_save_answer(attempt=attempt, attempt_question_id=aqs[1].id, selected=right_ids(aqs[1]))
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.FINISHED
    assert attempt.submitted_at == attempt.deadline
    assert attempt.score == Decimal("1.00")


def test_late_submission_is_graded_as_at_the_deadline_ignoring_late_rows(employee):
    quiz = three_question_quiz(time_limit_minutes=5)
    start = dt.datetime(2024, 6, 1, 8, 0, tzinfo=HCM)
    with time_machine.travel(start, tick=False):
        attempt = attempt_start(quiz=quiz, employee=employee)
        answer_all(attempt)
    # A row written behind the service's back after the deadline does not count.
    AttemptAnswer.objects.filter(attempt_question__attempt=attempt).update(saved_at=start + dt.timedelta(minutes=6))
    with time_machine.travel(start + dt.timedelta(hours=2), tick=False):
        done = attempt_submit(attempt=attempt)
    assert done.submitted_at == start + dt.timedelta(minutes=5)
    assert done.score == 0 and done.passed is False


def test_expired_attempts_are_finalised_lazily_on_the_next_start(employee):
    quiz = three_question_quiz(time_limit_minutes=5, attempts_allowed=3)
    start = dt.datetime(2024, 6, 1, 8, 0, tzinfo=HCM)
    with time_machine.travel(start, tick=False) as clock:
        first = attempt_start(quiz=quiz, employee=employee)
        clock.move_to(start + dt.timedelta(days=1))
        second = attempt_start(quiz=quiz, employee=employee)
        assert second.pk != first.pk and second.number == 2
        first.refresh_from_db()
        assert first.state == AttemptState.FINISHED and first.submitted_at == first.deadline
        clock.move_to(start + dt.timedelta(days=2))
        assert attempts_finalise_expired() == 1


def test_essay_waits_for_marking(employee):
    essay = make_question(QuestionType.ESSAY, text="Viết", answers=[])
    quiz = make_quiz(questions=[make_question(), essay], pass_mark=50)
    attempt = attempt_start(quiz=quiz, employee=employee)
    aq = attempt.attempt_questions.get(question=essay)
    attempt_save_answer(attempt=attempt, attempt_question_id=aq.id, text="Bài viết của tôi")
    done = attempt_submit(attempt=attempt)
    assert done.state == AttemptState.NEEDS_GRADING and done.passed is False
    assert AttemptAnswer.objects.get(attempt_question=aq).needs_grading


def test_blank_essay_scores_zero_without_marking(employee):
    essay = make_question(QuestionType.ESSAY, text="Viết", answers=[])
    quiz = make_quiz(questions=[make_question(), essay], pass_mark=50)
    attempt = attempt_start(quiz=quiz, employee=employee)
    answer_all_mc = {aq.id: Response(selected=right_ids(aq)) for aq in attempt.attempt_questions.all()
                     if aq.question.qtype != QuestionType.ESSAY}
    attempt_save_answers(attempt=attempt, responses=answer_all_mc)
    done = attempt_submit(attempt=attempt)
    assert done.state == AttemptState.FINISHED and done.percent == 50 and done.passed


def test_without_exam_paper_only_scores_are_kept(employee):
    quiz = three_question_quiz(exam_paper=False)
    attempt = attempt_start(quiz=quiz, employee=employee)
    answer_all(attempt)
    done = attempt_submit(attempt=attempt)
    rows = AttemptAnswer.objects.filter(attempt_question__attempt=done)
    assert done.passed and rows.count() == 3
    assert all(r.selected == [] and r.fraction == 1 for r in rows)
    kept = three_question_quiz(slug="giu-bai")
    attempt = attempt_start(quiz=kept, employee=employee)
    answer_all(attempt)
    attempt_submit(attempt=attempt)
    assert all(r.selected for r in AttemptAnswer.objects.filter(attempt_question__attempt=attempt))


def test_an_expired_attempt_is_submitted_even_when_the_start_is_refused(employee):
    quiz = three_question_quiz(time_limit_minutes=5)
    start = dt.datetime(2024, 6, 1, 8, 0, tzinfo=HCM)
    with time_machine.travel(start, tick=False) as clock:
        first = attempt_start(quiz=quiz, employee=employee)
        quiz.closes_at = start + dt.timedelta(hours=1)
        quiz.save()
        clock.move_to(start + dt.timedelta(days=1))
        with pytest.raises(QuizUnavailable):
            attempt_start(quiz=quiz, employee=employee)
    first.refresh_from_db()
    assert first.state == AttemptState.FINISHED and first.submitted_at == first.deadline
    assert Attempt.objects.count() == 1


def test_the_scores_are_written_in_one_statement(employee, django_assert_num_queries):
    from core.rows import update_rows

    quiz = three_question_quiz()
    attempt = attempt_start(quiz=quiz, employee=employee)
    answer_all(attempt)
    rows = list(AttemptAnswer.objects.filter(attempt_question__attempt=attempt).order_by("pk"))
    for i, row in enumerate(rows):
        row.fraction, row.score, row.needs_grading = Decimal("0.5") * i, Decimal(i), i == 2
    update_rows(AttemptAnswer, rows, ["fraction", "score", "needs_grading"])
    stored = list(AttemptAnswer.objects.filter(attempt_question__attempt=attempt).order_by("pk")
                  .values_list("fraction", "score", "needs_grading"))
    assert stored == [(Decimal("0"), Decimal("0"), False), (Decimal("0.5"), Decimal("1"), False),
                      (Decimal("1.0"), Decimal("2"), True)]
    with django_assert_num_queries(0):
        update_rows(AttemptAnswer, [], ["score"])


def test_row_locked_reads_the_row_as_the_orm(employee):
    from core.rows import row_locked
    from quizzes.models import Quiz

    quiz = three_question_quiz(time_limit_minutes=5)
    locked = row_locked(Quiz, quiz.pk)
    assert locked == quiz and locked.time_limit_minutes == 5 and locked.closes_at is None
    assert [getattr(locked, f.attname) for f in Quiz._meta.concrete_fields] == [
        getattr(Quiz.objects.get(pk=quiz.pk), f.attname) for f in Quiz._meta.concrete_fields]
    with pytest.raises(Quiz.DoesNotExist):
        row_locked(Quiz, 987654)
