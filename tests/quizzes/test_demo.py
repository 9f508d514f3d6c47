import datetime as dt
from types import SimpleNamespace

import pytest

from quizzes.demo import CAMPAIGN_DUE, CAMPAIGN_START, seed_attempts, seed_quizzes
from quizzes.demo_data import QUIZZES
from quizzes.models import Attempt, AttemptState, Quiz
from quizzes.selectors import quiz_question_pool, quizzes_for_directives
from tests.factories import EmployeeFactory, make_agency

from .factories import make_directive

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx():
    for i, (_, _, numbers, _) in enumerate(QUIZZES):
        make_directive(numbers[0], issue_date=dt.date(2015, 1, 1) + dt.timedelta(days=i))
    agency = make_agency()
    for i in range(12):
        EmployeeFactory(agency=agency, unit=agency, employee_code=f"SCT{i + 100:04d}")
    return SimpleNamespace(agency=agency, seed=2024)


def test_seed_quizzes_is_idempotent_with_ten_questions_each(ctx):
    first = seed_quizzes(ctx)
    again = seed_quizzes(ctx)
    assert first.startswith("8 quizzes created") and again.startswith("0 quizzes created")
    assert Quiz.objects.count() == 8
    for quiz in Quiz.objects.all():
        assert len(quiz_question_pool(quiz)) >= 10
        assert quiz.directives.count() == 1 and not quiz.draft
    directive = Quiz.objects.get(slug="kiem-tra-23-qd-tw").directives.get()
    assert [q.slug for q in quizzes_for_directives([directive.pk])[directive.pk]] == ["kiem-tra-23-qd-tw"]


def test_seed_attempts_pass_and_fail_inside_the_campaign_window(ctx):
    seed_quizzes(ctx)
    seed_attempts(ctx)
    count = Attempt.objects.count()
    assert seed_attempts(ctx) == "0 attempts created" and Attempt.objects.count() == count
    assert not Attempt.objects.exclude(state=AttemptState.FINISHED).exists()
    passed = Attempt.objects.filter(passed=True)
    assert passed.exists() and Attempt.objects.filter(passed=False).exists()
    in_window = passed.filter(evidence_date__gte=CAMPAIGN_START, evidence_date__lte=CAMPAIGN_DUE)
    assert in_window.count() >= passed.count() * 0.8
