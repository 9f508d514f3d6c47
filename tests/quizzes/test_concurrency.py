"""Races against PostgreSQL: parallel starts cannot exceed the limit, parallel submits grade once."""

import threading

import pytest
from django.db import connection

from quizzes.errors import AttemptLimitReached
from quizzes.models import Attempt, AttemptState
from quizzes.services.attempts import Response, attempt_save_answers, attempt_start, attempt_submit
from tests.factories import EmployeeFactory

from .factories import make_question, make_quiz, right_ids

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def run_in_threads(target, count=8):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def worker():
        try:
            barrier.wait()
            results.append(target())
        except Exception as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, errors


def test_parallel_starts_create_one_attempt():
    employee = EmployeeFactory()
    quiz = make_quiz(questions=[make_question(text=f"c{i}") for i in range(3)], attempts_allowed=1)
    results, errors = run_in_threads(lambda: attempt_start(quiz=quiz, employee=employee).pk)
    assert not errors
    assert len(set(results)) == 1
    assert Attempt.objects.filter(quiz=quiz, employee=employee).count() == 1


def test_parallel_starts_after_the_last_allowed_attempt_are_refused():
    employee = EmployeeFactory()
    quiz = make_quiz(questions=[make_question()], attempts_allowed=2)
    attempt_submit(attempt=attempt_start(quiz=quiz, employee=employee))

    def start_and_submit():
        attempt = attempt_start(quiz=quiz, employee=employee)
        attempt_submit(attempt=attempt)
        return attempt.pk

    results, errors = run_in_threads(start_and_submit)
    assert len(set(results)) == 1  # the threads that got in share the one remaining attempt
    assert all(isinstance(e, AttemptLimitReached) for e in errors)
    assert Attempt.objects.filter(quiz=quiz, employee=employee).count() == 2


def test_parallel_submissions_grade_once():
    employee = EmployeeFactory()
    quiz = make_quiz(questions=[make_question(text=f"c{i}") for i in range(3)])
    attempt = attempt_start(quiz=quiz, employee=employee)
    attempt_save_answers(attempt=attempt, responses={aq.id: Response(selected=right_ids(aq))
                                                     for aq in attempt.attempt_questions.all()})
    results, errors = run_in_threads(lambda: attempt_submit(attempt=attempt))
    assert not errors
    assert len({(r.graded_at, r.submitted_at, r.score) for r in results}) == 1
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.FINISHED and attempt.passed
    assert Attempt.objects.filter(quiz=quiz, employee=employee).count() == 1
