import datetime as dt
from collections import Counter
from types import SimpleNamespace

import pytest

from courses.demo_data import COURSES, DIRECTIVES
from quizzes.demo import CAMPAIGN_DUE, CAMPAIGN_START, seed_attempts, seed_quizzes
from quizzes.demo_data import ATTEMPTED, QUIZZES
from quizzes.formats import gift
from quizzes.models import Attempt, AttemptState, Quiz
from quizzes.selectors import quiz_question_pool, quizzes_for_directives
from tests.factories import EmployeeFactory, make_agency

from .factories import make_directive

BANKS = {slug: gift.parse(bank, default_category=numbers[0]) for slug, _, numbers, bank in QUIZZES}
UNVERIFIED = {row["number"] for row in DIRECTIVES if row.get("unverified")}


def single_choice():
    return [q for questions in BANKS.values() for q in questions if q.qtype == "multichoice" and not q.multiple]


def test_every_document_of_the_plan_has_exactly_one_quiz_in_plan_order():
    assert [numbers for _, _, numbers, _ in QUIZZES] == [[row["number"]] for row in DIRECTIVES]
    assert len({slug for slug, *_ in QUIZZES}) == 19 and set(ATTEMPTED) <= set(BANKS)


def test_each_bank_uses_only_the_three_kinds_with_eight_to_ten_questions():
    for (slug, _, numbers, _), questions in zip(QUIZZES, BANKS.values(), strict=True):
        assert {q.qtype for q in questions} <= {"multichoice", "truefalse"}, slug
        assert len(questions) == (8 if numbers[0] in UNVERIFIED else 10), slug
        assert len({q.name for q in questions}) == len(questions), slug
        for q in questions:
            right = [a for a in q.answers if a.fraction > 0]
            if q.qtype == "multichoice" and not q.multiple:
                assert len(right) == 1 and len(q.answers) == 4, (slug, q.name)
            if q.multiple:  # several right answers, and wrong ones that cost points
                assert len(right) >= 2 and any(a.fraction < 0 for a in q.answers), (slug, q.name)


def test_true_false_answers_are_balanced_in_every_quiz():
    total = Counter()
    for slug, questions in BANKS.items():
        answers = Counter(q.answers[0].fraction > 0 for q in questions if q.qtype == "truefalse")
        assert answers[True] >= 2 and abs(answers[True] - answers[False]) <= 1, (slug, answers)
        total.update(answers)
    assert abs(total[True] - total[False]) <= 0.1 * (total[True] + total[False]), total


def test_the_right_answers_place_carries_no_signal():
    places = Counter([a.fraction > 0 for a in q.answers].index(True) for q in single_choice())
    count = sum(places.values())
    assert set(places) == {0, 1, 2, 3}
    for n in places.values():  # each place within a few questions of a quarter
        assert abs(n - count / 4) <= 0.05 * count, places
    for slug, questions in BANKS.items():  # and no quiz keeps it in one place
        own = Counter([a.fraction > 0 for a in q.answers].index(True) for q in questions
                      if q.qtype == "multichoice" and not q.multiple)
        assert max(own.values()) <= 3, (slug, own)


def test_the_right_answers_length_carries_no_signal():
    longest = shortest = middle = 0
    for q in single_choice():
        lengths = [len(a.text) for a in q.answers]
        if len(set(lengths)) == 1:
            continue
        right = lengths[[a.fraction > 0 for a in q.answers].index(True)]
        longest += right == max(lengths)
        shortest += right == min(lengths)
        middle += min(lengths) < right < max(lengths)
    count = longest + shortest + middle
    # four options: longest and shortest a quarter each, in between half, as for a random pick
    assert 0.18 <= longest / count <= 0.32 and 0.18 <= shortest / count <= 0.32, (longest, shortest, count)
    assert 0.4 <= middle / count <= 0.6


def test_known_errors_are_gone():
    text = "\n".join(bank for *_, bank in QUIZZES)
    for absurd in ("Dân hỏi, dân đáp, dân làm", "nộp lệ phí tiếp công dân", "Được công khai thông tin",
                   "hiểu dân, học dân", "Chủ tịch Ủy ban nhân dân cấp xã"):
        assert absurd not in text, absurd
    lessons = " ".join(lesson["body"] for course in COURSES for lesson in course["lessons"])
    assert "hiểu dân, học dân" not in lessons and "gần dân, trọng dân, có trách nhiệm với dân" not in lessons


@pytest.fixture
def ctx(db):
    for i, (_, _, numbers, _) in enumerate(QUIZZES):
        make_directive(numbers[0], issue_date=dt.date(2015, 1, 1) + dt.timedelta(days=i))
    agency = make_agency()
    for i in range(12):
        EmployeeFactory(agency=agency, unit=agency, employee_code=f"SCT{i + 100:04d}")
    return SimpleNamespace(agency=agency, seed=2024)


def test_seed_quizzes_is_idempotent_with_the_banks_questions(ctx):
    first = seed_quizzes(ctx)
    again = seed_quizzes(ctx)
    assert first.startswith("19 quizzes created") and again.startswith("0 quizzes created")
    assert Quiz.objects.count() == 19
    for quiz in Quiz.objects.all():
        pool = quiz_question_pool(quiz)
        assert len(pool) == len(BANKS[quiz.slug]) and f"trắc nghiệm {len(pool)} câu" in quiz.description
        assert quiz.directives.count() == 1 and not quiz.draft
    directive = Quiz.objects.get(slug="kiem-tra-23-qd-tw").directives.get()
    assert [q.slug for q in quizzes_for_directives([directive.pk])[directive.pk]] == ["kiem-tra-23-qd-tw"]


def test_seed_attempts_pass_and_fail_inside_the_campaign_window(ctx):
    seed_quizzes(ctx)
    seed_attempts(ctx)
    count = Attempt.objects.count()
    assert seed_attempts(ctx) == "0 attempts created" and Attempt.objects.count() == count
    assert set(Attempt.objects.values_list("quiz__slug", flat=True)) <= set(ATTEMPTED)
    assert not Attempt.objects.exclude(state=AttemptState.FINISHED).exists()
    passed = Attempt.objects.filter(passed=True)
    assert passed.exists() and Attempt.objects.filter(passed=False).exists()
    in_window = passed.filter(evidence_date__gte=CAMPAIGN_START, evidence_date__lte=CAMPAIGN_DUE)
    assert in_window.count() >= passed.count() * 0.8
