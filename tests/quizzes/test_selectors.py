import pytest

from quizzes.models import AttemptState
from quizzes.selectors import (
    quiz_grade,
    quiz_pool_entries,
    quiz_pool_size,
    quiz_question_pool,
    quiz_slugs_for_directives,
    quizzes_for_directives,
)
from quizzes.services.attempts import Response, attempt_save_answers, attempt_start, attempt_submit
from tests.factories import EmployeeFactory

from .factories import make_category, make_directive, make_question, make_quiz, right_ids

pytestmark = pytest.mark.django_db


def test_quizzes_for_directives_lists_published_quizzes_under_each_directive():
    a, b = make_directive("23-QĐ/TW"), make_directive("33/CT-TTg")
    both = make_quiz(slug="ca-hai", title="B cả hai", directives=[a, b])
    only_a = make_quiz(slug="chi-a", title="A riêng", directives=[a])
    make_quiz(slug="nhap", title="Nháp", directives=[a], draft=True)
    found = quizzes_for_directives([a.pk, b.pk])
    assert found == {a.pk: [only_a, both], b.pk: [both]}
    assert quizzes_for_directives([]) == {}


def test_quiz_slugs_are_the_learners_quizzes_in_the_same_order():
    from tests.factories import make_agency

    a, b = make_directive("23-QĐ/TW"), make_directive("33/CT-TTg")
    learner = EmployeeFactory()
    other = make_agency(code="SK", name="Sở khác")
    make_quiz(slug="ca-hai", title="B cả hai", directives=[a, b])
    make_quiz(slug="chi-a", title="A riêng", directives=[a])
    make_quiz(slug="nhap", title="Nháp", directives=[a], draft=True)
    foreign = make_quiz(slug="so-khac", title="A0 sở khác", directives=[a])
    foreign.agency = other
    foreign.save()
    expected = {pk: [quiz.slug for quiz in quizzes]
                for pk, quizzes in quizzes_for_directives([a.pk, b.pk], employee=learner).items()}
    assert quiz_slugs_for_directives([a.pk, b.pk], employee=learner) == expected == \
        {a.pk: ["chi-a", "ca-hai"], b.pk: ["ca-hai"]}
    assert quiz_slugs_for_directives([], employee=learner) == {}


def test_pool_is_the_fixed_list_then_the_categories_without_duplicates():
    category = make_category("Ngân hàng 23")
    fixed = make_question(text="cố định", category=category)
    other = make_question(text="trong nhóm", category=category)
    quiz = make_quiz(questions=[fixed])
    quiz.categories.add(category)
    assert [q.text for q in quiz_question_pool(quiz)] == ["cố định", "trong nhóm"]
    assert other in quiz_question_pool(quiz)


@pytest.mark.parametrize("method, expected", [("highest", 100), ("last", 0)])
def test_grading_method_picks_the_standing_attempt(method, expected):
    quiz = make_quiz(questions=[make_question()], grading_method=method)
    employee = EmployeeFactory()
    for right in (True, False):
        attempt = attempt_start(quiz=quiz, employee=employee)
        aq = attempt.attempt_questions.get()
        attempt_save_answers(attempt=attempt, responses={aq.id: Response(selected=right_ids(aq) if right else [])})
        attempt_submit(attempt=attempt)
    grade = quiz_grade(quiz=quiz, employee=employee)
    assert grade.state == AttemptState.FINISHED and grade.percent == expected


def test_pool_size_counts_the_pool():
    category = make_category("Ngân hàng 33")
    fixed = make_question(text="cố định", category=category)
    make_question(text="trong nhóm", category=category)
    make_question(text="ngoài", category=make_category("Khác"))
    quiz = make_quiz(questions=[fixed, make_question(text="riêng")])
    quiz.categories.add(category)
    assert quiz_pool_size(quiz) == len(quiz_pool_entries(quiz)) == 3
    assert quiz_pool_size(make_quiz(slug="rong")) == 0


def test_quiz_offer_links_are_the_detail_pages():
    from django.urls import reverse

    from quizzes.evidence_sources import _quiz_urls

    url = _quiz_urls()  # one reverse for all the links of a page
    for slug in ["kt-1", "Bai_KT-2024", "x"]:
        assert url(slug) == reverse("quizzes:detail", args=[slug])


def test_attempt_of_is_the_takers_own_within_the_agency_scope():
    from django.contrib.auth.models import AnonymousUser

    from org.models import Employee
    from quizzes.models import Attempt
    from quizzes.selectors import attempt_of, attempt_questions
    from tests.factories import UserFactory, make_agency

    quiz = make_quiz(questions=[make_question(text=f"Câu {i}") for i in range(2)])
    employee = EmployeeFactory()
    attempt = attempt_start(quiz=quiz, employee=employee)
    found = attempt_of(employee.user, pk=attempt.pk, employee=employee)
    assert found == attempt and found.quiz == quiz and found.employee is employee
    assert [aq.pk for aq in attempt_questions(found)] == list(attempt.attempt_questions.values_list("pk", flat=True))
    other = EmployeeFactory()
    assert attempt_of(other.user, pk=attempt.pk, employee=other) is None  # not theirs
    assert attempt_of(AnonymousUser(), pk=attempt.pk, employee=employee) is None  # no agency: nothing
    # The taker moved to another agency's records while the actor acts for the first one: refused,
    # as Attempt.objects.for_actor refuses it.
    Employee.objects.filter(pk=employee.pk).update(agency=make_agency("SXD", "Sở Xây Dựng"))
    assert attempt_of(employee.user, pk=attempt.pk, employee=employee) is None
    assert not Attempt.objects.for_actor(employee.user).filter(pk=attempt.pk).exists()
    root = UserFactory(is_superuser=True)
    assert attempt_of(root, pk=attempt.pk, employee=employee) == attempt  # every agency
