"""What another agency's quizzes and banks are called is theirs (issue 13, after M4): the admin's
filters list only what the user may read, and a quiz slug is unique per owner, so taking a slug
another agency uses is allowed and a foreign slug in a URL answers as a missing one."""

from __future__ import annotations

import pytest
from django.urls import reverse

from org import roles
from quizzes.models import QuestionCategory, Quiz
from tests.factories import EmployeeFactory, give_role, make_agency
from tests.quizzes.factories import make_question, make_quiz

pytestmark = pytest.mark.django_db
BANK_A = "Nhóm câu hỏi riêng của A"
QUIZ_A = "Bài kiểm tra riêng của A"


@pytest.fixture
def world():
    a, b = make_agency("SCA", "Sở A"), make_agency("SCB", "Sở B")
    hr_a = EmployeeFactory(agency=a, unit=a, employee_code="A0001")
    hr_b = EmployeeFactory(agency=b, unit=b, employee_code="B0001")
    for hr in (hr_a, hr_b):
        give_role(hr.user, roles.HR)
    bank_a = QuestionCategory.objects.create(name=BANK_A, agency=a)
    quiz_a = make_quiz(slug="quiz-a", questions=[make_question(text="Câu của A", category=bank_a)], agency=a,
                       title=QUIZ_A)
    shared_bank = QuestionCategory.objects.create(name="Nhóm dùng chung")
    shared = make_quiz(slug="chung", title="Bài dùng chung",
                       questions=[make_question(text="Câu chung", category=shared_bank)])
    return dict(a=a, b=b, hr_a=hr_a, hr_b=hr_b, bank_a=bank_a, quiz_a=quiz_a, shared=shared)


def test_the_question_lists_category_filter_offers_only_readable_categories(client, world):
    client.force_login(world["hr_b"].user)
    html = client.get(reverse("quizzes_question:index")).content.decode()
    assert "Nhóm dùng chung" in html and BANK_A not in html
    # a forged choice filters nothing of A's in
    forged = client.get(reverse("quizzes_question:index"), {"category": world["bank_a"].pk}).content.decode()
    assert "Câu của A" not in forged
    client.force_login(world["hr_a"].user)
    assert BANK_A in client.get(reverse("quizzes_question:index")).content.decode()


def test_the_attempt_lists_quiz_filter_offers_only_readable_quizzes(client, world):
    client.force_login(world["hr_b"].user)
    html = client.get(reverse("quizzes_attempt:index")).content.decode()
    assert "Bài dùng chung" in html and QUIZ_A not in html
    client.force_login(world["hr_a"].user)
    assert QUIZ_A in client.get(reverse("quizzes_attempt:index")).content.decode()


def _add_quiz(client, slug: str, title: str):
    return client.post(reverse("quizzes_quiz:add"), {
        "title": title, "slug": slug, "pass_mark": 80, "grading_method": "highest",
        "review_correctness": "immediately", "review_right_answers": "after_last", "review_feedback": "after_last"})


def test_a_slug_another_agency_uses_is_free_to_take(client, world):
    """Before: "quiz-a" was refused to B's HR ("already exists"), telling B that A has such a quiz."""
    client.force_login(world["hr_b"].user)
    response = _add_quiz(client, "quiz-a", "Bài của B")
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    mine = Quiz.objects.all_agencies().get(slug="quiz-a", agency=world["b"])
    assert mine.title == "Bài của B"
    assert Quiz.objects.all_agencies().get(slug="quiz-a", agency=world["a"]).title == QUIZ_A  # untouched


def test_a_slug_taken_in_ones_own_agency_or_by_shared_content_is_refused_without_an_error_page(client, world):
    client.force_login(world["hr_a"].user)
    for slug in ("quiz-a", "chung"):
        response = _add_quiz(client, slug, "Trùng mã")
        assert response.status_code == 200 and "slug" in response.context["form"].errors, slug
    assert not Quiz.objects.all_agencies().filter(title="Trùng mã").exists()


def test_a_foreign_slug_in_the_url_answers_as_a_missing_one(client, world):
    learner_b = EmployeeFactory(agency=world["b"], unit=world["b"], employee_code="B0002")
    client.force_login(learner_b.user)
    foreign, missing = (client.get(reverse("quizzes:detail", args=[slug])) for slug in ("quiz-a", "quiz-z"))
    assert foreign.status_code == missing.status_code == 404
    assert QUIZ_A not in foreign.content.decode()
    assert len(foreign.content) == len(missing.content)  # the same page (its nonces differ)
    started = client.post(reverse("quizzes:start", args=["quiz-a"]))
    assert started.status_code == 404
    # once B has its own "quiz-a", B's staff get B's and A's staff still A's
    make_quiz(slug="quiz-a", title="Bài của B", agency=world["b"],
              questions=[make_question(text="Câu của B", category=QuestionCategory.objects.create(
                  name="Nhóm B", agency=world["b"]))])
    assert "Bài của B" in client.get(reverse("quizzes:detail", args=["quiz-a"])).content.decode()
    client.force_login(world["hr_a"].user)
    assert QUIZ_A in client.get(reverse("quizzes:detail", args=["quiz-a"])).content.decode()


def test_commands_name_the_agency_when_several_use_a_slug(world):
    from django.core.management.base import CommandError

    from quizzes.management.commands._common import quiz_for

    assert quiz_for("quiz-a") == world["quiz_a"]
    assert quiz_for("chung") == world["shared"]
    make_quiz(slug="quiz-a", title="Bài của B", agency=world["b"])
    with pytest.raises(CommandError, match="add --agency"):
        quiz_for("quiz-a")
    assert quiz_for("quiz-a", "scb").agency == world["b"]
    with pytest.raises(CommandError, match="unknown quiz"):
        quiz_for("quiz-a", "XYZ")
