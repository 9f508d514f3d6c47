from decimal import Decimal

import pytest

from quizzes.models import QuestionType
from quizzes.services.grading import grade_response, short_answer_matches

from .factories import make_question

pytestmark = pytest.mark.django_db


def ids(question, *texts):
    return [a.id for a in question.answers.all() if a.text in texts]


def test_single_choice_takes_the_chosen_fraction_floored_at_zero():
    q = make_question(answers=[("a", 1, ""), ("b", "0.5", ""), ("c", "-0.5", "")])
    answers = list(q.answers.all())
    assert grade_response(q, answers, ids(q, "a"), "") == Decimal("1")
    assert grade_response(q, answers, ids(q, "b"), "") == Decimal("0.5")
    assert grade_response(q, answers, ids(q, "c"), "") == Decimal("0")
    assert grade_response(q, answers, [], "") == Decimal("0")


def test_multiple_answers_sum_with_negative_weights_and_clamp():
    q = make_question(multiple=True, answers=[("a", "0.5", ""), ("b", "0.5", ""), ("c", "-1", ""), ("d", "-0.25", "")])
    answers = list(q.answers.all())
    assert grade_response(q, answers, ids(q, "a", "b"), "") == Decimal("1")
    assert grade_response(q, answers, ids(q, "a"), "") == Decimal("0.5")
    assert grade_response(q, answers, ids(q, "a", "b", "d"), "") == Decimal("0.75")
    assert grade_response(q, answers, ids(q, "a", "c"), "") == Decimal("0")  # floor at 0
    assert grade_response(q, answers, ids(q, "a", "b", "c", "d"), "") == Decimal("0")


def test_true_false():
    q = make_question(QuestionType.TRUE_FALSE)
    answers = list(q.answers.all())
    assert grade_response(q, answers, ids(q, "Đúng"), "") == 1
    assert grade_response(q, answers, ids(q, "Sai"), "") == 0


def test_short_answer_best_match_case_and_space_insensitive_but_diacritics_matter():
    q = make_question(QuestionType.SHORT_ANSWER, answers=[("Hà Nội", 1, ""), ("Ha Noi", "0.5", ""), ("thủ đô*", "0.25", "")])
    answers = list(q.answers.all())
    assert grade_response(q, answers, [], "  hà   nội ") == 1
    assert grade_response(q, answers, [], "HA NOI") == Decimal("0.5")
    assert grade_response(q, answers, [], "Thủ đô Việt Nam") == Decimal("0.25")
    assert grade_response(q, answers, [], "Huế") == 0
    assert grade_response(q, answers, [], "") == 0


def test_essay_is_not_graded_automatically():
    q = make_question(QuestionType.ESSAY, answers=[])
    assert grade_response(q, [], [], "bài viết") is None


def test_wildcard_is_anchored():
    assert short_answer_matches("10/2022/*", "10/2022/QH15")
    assert not short_answer_matches("10/2022/*", "số 10/2022/QH15")
