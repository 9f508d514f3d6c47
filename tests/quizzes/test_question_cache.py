"""Questions kept in memory between requests (quizzes.question_cache): reused while unchanged, read
again after any change — made in this process (signals) or in another one (the question's version)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from quizzes import question_cache
from quizzes.models import Answer, Question
from quizzes.selectors import attempt_questions
from quizzes.services.attempts import attempt_start
from tests.factories import EmployeeFactory

from .factories import make_question, make_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def attempt():
    quiz = make_quiz(questions=[make_question(text=f"Câu {i}") for i in range(3)])
    return attempt_start(quiz=quiz, employee=EmployeeFactory())


def texts(attempt):
    return [aq.question.text for aq in attempt_questions(attempt)]


def answer_texts(attempt):
    return [[a.text for a in aq.ordered_answers()] for aq in attempt_questions(attempt)]


def test_questions_are_read_once_then_kept(attempt):
    question_cache.forget()
    with CaptureQueriesContext(connection) as first:
        assert texts(attempt) == ["Câu 0", "Câu 1", "Câu 2"]
    with CaptureQueriesContext(connection) as again:
        assert texts(attempt) == ["Câu 0", "Câu 1", "Câu 2"]
        assert answer_texts(attempt)[0] == ["Đúng là A", "B", "C"]
    assert len(first) == 3  # the drawn rows, the questions, their answers
    assert len(again) == 2  # the drawn rows only, twice


def test_a_question_saved_here_is_read_again(attempt):
    texts(attempt)
    question = Question.objects.get(text="Câu 1")
    question.text = "Câu 1 (sửa)"
    question.save()
    assert texts(attempt) == ["Câu 0", "Câu 1 (sửa)", "Câu 2"]


def test_a_question_changed_by_another_process_is_read_again(attempt):
    """No signal reaches this process: the question's version (updated_at) tells."""
    texts(attempt)
    Question.objects.filter(text="Câu 2").update(text="Câu 2 (nơi khác)",
                                                 updated_at=timezone.now() + dt.timedelta(seconds=1))
    assert texts(attempt) == ["Câu 0", "Câu 1", "Câu 2 (nơi khác)"]


def test_an_answer_saved_alone_moves_its_question_version(attempt):
    answer_texts(attempt)
    answer = Answer.objects.filter(question__text="Câu 0").order_by("order").first()
    before = Question.objects.get(text="Câu 0").updated_at
    answer.text = "A (sửa)"
    answer.save()
    assert Question.objects.get(text="Câu 0").updated_at > before  # other processes read it again
    assert answer_texts(attempt)[0] == ["A (sửa)", "B", "C"]  # and this one did not keep it


def test_an_answer_deleted_is_gone_from_the_page(client, attempt):
    client.force_login(attempt.employee.user)
    url = reverse("quizzes:take", args=[attempt.pk])
    assert "Chưa đúng" not in client.get(url).content.decode()  # feedback never shown while taking
    assert client.get(url).content.decode().count(">C</span>") == 3
    Answer.objects.filter(question__text="Câu 1", text="C").delete()
    assert client.get(url).content.decode().count(">C</span>") == 2


def test_the_store_is_bounded(attempt, monkeypatch):
    monkeypatch.setattr(question_cache, "MAX_KEPT", 2)
    question_cache.forget()
    texts(attempt)
    assert len(question_cache._kept) == 2
    assert texts(attempt) == ["Câu 0", "Câu 1", "Câu 2"]
