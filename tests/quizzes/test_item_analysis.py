"""Item analysis (#18 item 4): the statistics page flags the weak questions planted in a test bank.

30 learners of rising ability (learner i knows more as i grows) take a bank of six questions:
three good ones (the better learners get them, wrong answers spread over every distractor), one
everybody gets, one whose fourth option nobody picks, and one the weaker learners get and the
better ones miss (a wrong key)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from org import roles
from quizzes.analysis import quiz_item_analysis
from quizzes.services.attempts import Response, attempt_save_answers, attempt_start, attempt_submit
from tests.factories import EmployeeFactory, give_role, make_agency

from .factories import make_question, make_quiz

pytestmark = pytest.mark.django_db
LEARNERS = 30


def _options(name: str):
    return [(f"{name} đúng", 1, ""), (f"{name} sai A", 0, ""), (f"{name} sai B", 0, ""), (f"{name} sai C", 0, "")]


@pytest.fixture
def bank():
    agency = make_agency()
    names = ["tốt 1", "tốt 2", "tốt 3", "ai cũng đúng", "phương án thừa", "đáp án ngược"]
    questions = {name: make_question(text=f"Câu {name}?", answers=_options(name)) for name in names}
    quiz = make_quiz(slug="phan-tich", questions=list(questions.values()), agency=agency, pass_mark=50)
    right_when = {  # does learner i answer right?
        "tốt 1": lambda i: i >= 10, "tốt 2": lambda i: i >= 15, "tốt 3": lambda i: i >= 20,
        "ai cũng đúng": lambda i: True, "phương án thừa": lambda i: i >= 12, "đáp án ngược": lambda i: i < 12,
    }
    for i in range(LEARNERS):
        attempt = attempt_start(quiz=quiz, employee=EmployeeFactory(agency=agency, unit=agency))
        responses = {}
        for aq in attempt.attempt_questions.select_related("question"):
            name = next(n for n, q in questions.items() if q.pk == aq.question_id)
            answers = list(aq.question.answers.order_by("order"))
            right, wrong = answers[0], answers[1:]
            if name == "phương án thừa":
                wrong = wrong[:2]  # nobody ever picks its last option
            responses[aq.pk] = Response(selected=[right.pk if right_when[name](i) else wrong[i % len(wrong)].pk])
        attempt_save_answers(attempt=attempt, responses=responses)
        attempt_submit(attempt=attempt)
    return quiz, questions, agency


def test_planted_weak_questions_are_flagged(bank):
    quiz, questions, _ = bank
    items = {i.question.pk: i for i in quiz_item_analysis(quiz=quiz)}
    flags = {name: items[q.pk].flags for name, q in questions.items()}
    assert flags["tốt 1"] == flags["tốt 2"] == flags["tốt 3"] == [], flags
    assert "easy" in flags["ai cũng đúng"] and items[questions["ai cũng đúng"].pk].facility == 1
    assert flags["phương án thừa"] == ["unused_option"]
    assert items[questions["phương án thừa"].pk].unused_options == ["phương án thừa sai C"]
    assert "negative_discrimination" in flags["đáp án ngược"]
    assert items[questions["đáp án ngược"].pk].discrimination < 0 < items[questions["tốt 2"].pk].discrimination
    assert all(items[q.pk].responses == LEARNERS for q in questions.values())


def test_the_statistics_page_shows_the_flags(client, bank):
    quiz, questions, agency = bank
    hr = EmployeeFactory(agency=agency, unit=agency)
    give_role(hr.user, roles.HR)
    client.force_login(hr.user)
    html = client.get(reverse("quizzes_admin:stats", args=[quiz.pk])).content.decode()
    weak = {questions[n].pk for n in ("ai cũng đúng", "phương án thừa", "đáp án ngược")}
    assert {int(pk) for pk in re.findall(r'data-weak="(\d+)"', html)} == weak
    assert "3 câu cần xem lại" in html and "Người làm bài tốt lại sai câu này" in html
    assert "phương án thừa sai C" in html


def test_too_few_responses_flag_nothing():
    quiz = make_quiz(slug="it", questions=[make_question(text="Một câu")])
    attempt = attempt_start(quiz=quiz, employee=EmployeeFactory())
    attempt_submit(attempt=attempt)
    [item] = quiz_item_analysis(quiz=quiz)
    assert item.responses == 1 and item.flags == [] and item.facility == 0
