"""M5 (issue 13): the review showed the key after a failed attempt while attempts remained (a blank
attempt, read "đáp án đúng", 100% next try). Review policies as Moodle's: correctness, right answers
and feedback each shown immediately / after the last allowed attempt (or the close) / after the close /
never; by default the right answers and the feedback only once no attempt of the learner's is left.
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from org import roles
from quizzes.errors import QuizUnavailable
from quizzes.models import Attempt, QuestionType, ReviewPolicy
from quizzes.services.attempts import attempt_start
from tests.factories import EmployeeFactory, give_role
from tests.quizzes.factories import make_question, make_quiz

pytestmark = pytest.mark.django_db

RIGHT = 'tag ok">đáp án đúng'  # the mark on a right choice
KEY = [RIGHT, "FEEDBACK-RIGHT", "FEEDBACK-WRONG", "GENERAL-FEEDBACK", "ACCEPTED-ANSWER", 'class="right']


@pytest.fixture
def quiz():
    mc = make_question(text="Câu trắc nghiệm", general_feedback="GENERAL-FEEDBACK",
                       answers=[("Phương án đúng", 1, "FEEDBACK-RIGHT"), ("Phương án sai", 0, "FEEDBACK-WRONG")])
    short = make_question(QuestionType.SHORT_ANSWER, text="Trả lời ngắn", answers=[("ACCEPTED-ANSWER", 1, "")])
    return make_quiz(questions=[mc, short], pass_mark=80, attempts_allowed=3)


@pytest.fixture
def learner(client):
    employee = EmployeeFactory()
    client.force_login(employee.user)
    return employee


def blank_attempt(client, quiz) -> str:
    """Start, answer nothing, submit; the result page's HTML."""
    client.post(reverse("quizzes:start", args=[quiz.slug]))
    attempt = Attempt.objects.filter(quiz=quiz).order_by("-number").first()
    response = client.post(reverse("quizzes:submit", args=[attempt.pk]))
    return client.get(response.url).content.decode()


def test_m5_by_default_a_failed_attempt_does_not_show_the_key_while_attempts_remain(client, learner, quiz):
    first = blank_attempt(client, quiz)
    assert "Chưa đạt" in first
    assert not [k for k in KEY if k in first], "the key or feedback was shown with attempts left"
    assert "0/1 điểm" in first  # correctness (the score of each question) is shown at once
    assert "khi bạn đã dùng hết số lượt làm bài" in first
    blank_attempt(client, quiz)
    third = blank_attempt(client, quiz)  # the last allowed one: now the key and feedback are shown
    assert all(k in third for k in (RIGHT, "GENERAL-FEEDBACK", "ACCEPTED-ANSWER"))
    # and on the earlier attempts' pages too
    earliest = Attempt.objects.get(quiz=quiz, number=1)
    assert RIGHT in client.get(reverse("quizzes:result", args=[earliest.pk])).content.decode()


def test_m5_after_close_waits_for_the_close_even_after_the_last_attempt(client, learner, quiz):
    closes = timezone.now() + dt.timedelta(days=2)
    quiz.closes_at = closes
    quiz.attempts_allowed = 1
    quiz.review_right_answers = ReviewPolicy.AFTER_CLOSE
    quiz.save()
    html = blank_attempt(client, quiz)
    assert RIGHT not in html and "ACCEPTED-ANSWER" not in html
    assert "GENERAL-FEEDBACK" in html  # feedback: after the last attempt, which this was
    attempt = Attempt.objects.get(quiz=quiz)
    with time_machine.travel(closes + dt.timedelta(minutes=1)):
        html = client.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()
    assert RIGHT in html and "ACCEPTED-ANSWER" in html


def test_m5_correctness_right_answers_and_feedback_are_separate(client, learner, quiz):
    quiz.attempts_allowed = None
    quiz.review_correctness, quiz.review_right_answers, quiz.review_feedback = (
        ReviewPolicy.NEVER, ReviewPolicy.NEVER, ReviewPolicy.IMMEDIATELY)
    quiz.save()
    html = blank_attempt(client, quiz)
    assert "GENERAL-FEEDBACK" in html and "điểm</span>" not in html and RIGHT not in html
    quiz.review_correctness, quiz.review_feedback = ReviewPolicy.IMMEDIATELY, ReviewPolicy.NEVER
    quiz.save()
    html = blank_attempt(client, quiz)
    assert "0/1 điểm" in html and "GENERAL-FEEDBACK" not in html and RIGHT not in html
    # unlimited attempts and no close: the key is never shown under "after the last attempt"
    quiz.review_right_answers = ReviewPolicy.AFTER_LAST
    quiz.save()
    html = blank_attempt(client, quiz)
    assert RIGHT not in html and "không giới hạn số lượt và không có hạn đóng" in html


def test_a_closed_quiz_takes_no_new_attempt_and_an_open_one_ends_at_the_close(learner, quiz):
    now = timezone.now()
    quiz.closes_at = now + dt.timedelta(minutes=10)
    quiz.time_limit_minutes = 30
    quiz.save()
    attempt = attempt_start(quiz=quiz, employee=learner, now=now)
    assert attempt.deadline == quiz.closes_at
    with pytest.raises(QuizUnavailable):
        attempt_start(quiz=quiz, employee=EmployeeFactory(), now=now + dt.timedelta(minutes=11))
    with pytest.raises(QuizUnavailable):  # the learner's own open attempt is submitted first, then refused
        attempt_start(quiz=quiz, employee=learner, now=now + dt.timedelta(minutes=11))
    attempt.refresh_from_db()
    assert attempt.submitted_at == quiz.closes_at  # the expired attempt was submitted as at the close


def test_the_admin_form_sets_the_review_policies(client, quiz):
    hr = EmployeeFactory()
    give_role(hr.user, roles.HR)
    quiz.agency = hr.agency  # HR edits their own agency's quizzes (shared ones are read-only: M4)
    quiz.save()
    client.force_login(hr.user)
    html = client.get(reverse("quizzes_quiz:edit", args=[quiz.pk])).content.decode()
    for field in ("closes_at", "review_correctness", "review_right_answers", "review_feedback"):
        assert f'name="{field}"' in html, field
    assert "Sau lượt làm bài cuối cùng được phép" in html
