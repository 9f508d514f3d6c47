"""Demo quizzes (one per document of the 2024 plan, 8 to 10 questions each) and attempts by demo staff.

Both steps are idempotent: a quiz that exists keeps its settings (its bank is re-imported, which
changes nothing), and staff who already attempted a quiz are left alone. Staff take only the
quizzes in `ATTEMPTED`; the others stay open for trying the demo.
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from core.demo import ACTIVITY, CONTENT, demo_step
from core.text import directive_key
from courses.models import DirectivePage
from org.models import Employee
from quizzes.demo_data import ATTEMPTED, QUIZZES
from quizzes.formats import gift
from quizzes.models import Attempt, AttemptQuestion, Quiz
from quizzes.services.attempts import Response, attempt_save_answers, attempt_start, attempt_submit
from quizzes.services.bank import questions_import

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
CAMPAIGN_START, CAMPAIGN_DUE = dt.date(2024, 4, 1), dt.date(2024, 10, 31)
# The learner login of the demo keeps some quizzes untaken, to try them in the browser.
DEMO_LEARNER = "SCT0011"
DEMO_LEARNER_QUIZZES = {"kiem-tra-23-qd-tw": True, "kiem-tra-33-ct-ttg": False}


def _directive(number: str) -> DirectivePage | None:
    return DirectivePage.objects.filter(number_key=directive_key(number)).order_by("issue_date").first()


@demo_step(CONTENT, 30)
def seed_quizzes(ctx) -> str:
    created = skipped = 0
    for slug, title, numbers, bank in QUIZZES:
        directives = [d for d in (_directive(n) for n in numbers) if d is not None]
        if not directives:
            skipped += 1
            continue
        questions = gift.parse(bank, default_category=numbers[0])
        quiz, was_created = Quiz.objects.for_agency(ctx.agency).get_or_create(slug=slug, agency=ctx.agency, defaults={
            "title": title, "pass_mark": 80, "time_limit_minutes": 20, "attempts_allowed": 3,
            "random_order": True, "shuffle_answers": True,
            "description": f"Bài kiểm tra trắc nghiệm {len(questions)} câu. Đạt từ 80% trở lên được ghi nhận là đã "
                           "học tập, quán triệt văn bản.",
            "success_text": "Chúc mừng! Kết quả của bạn đã được ghi nhận là minh chứng học tập văn bản.",
            "fail_text": "Bạn chưa đạt. Hãy đọc lại văn bản và làm lại bài (nếu còn lượt).",
        })
        quiz.directives.add(*directives)
        questions_import(quiz=quiz, questions=questions)
        created += was_created
    note = f", {skipped} skipped (directive missing)" if skipped else ""
    return f"{created} quizzes created ({len(QUIZZES)} in the demo){note}"


def _responses(attempt: Attempt, share_right: float, rng: random.Random) -> dict[int, Response]:
    responses = {}
    for aq in AttemptQuestion.objects.filter(attempt=attempt).select_related("question").prefetch_related(
            "question__answers"):
        answers = list(aq.question.answers.all())
        right = [a.id for a in answers if a.fraction > 0]
        wrong = [a.id for a in answers if a.fraction <= 0]
        if rng.random() < share_right or not wrong:
            chosen = right if aq.question.multiple else right[:1]
        else:
            chosen = [rng.choice(wrong)]
        responses[aq.id] = Response(selected=chosen)
    return responses


def _take(quiz: Quiz, employee: Employee, when: dt.datetime, share_right: float, rng: random.Random) -> Attempt:
    attempt = attempt_start(quiz=quiz, employee=employee, now=when, rng=rng)
    attempt_save_answers(attempt=attempt, responses=_responses(attempt, share_right, rng),
                         now=when + dt.timedelta(minutes=6))
    return attempt_submit(attempt=attempt, now=when + dt.timedelta(minutes=rng.randint(7, 15)))


def _moment(day: dt.date, rng: random.Random) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(rng.randint(7, 20), rng.randint(0, 59)), tzinfo=HCM)


@demo_step(ACTIVITY, 20)
def seed_attempts(ctx) -> str:
    staff = list(Employee.objects.filter(agency=ctx.agency, is_active=True).order_by("employee_code"))
    quizzes = list(Quiz.objects.for_agency(ctx.agency).filter(slug__in=ATTEMPTED).order_by("slug"))
    window = (CAMPAIGN_DUE - CAMPAIGN_START).days
    today = dt.date.today()
    made = 0
    for quiz in quizzes:
        done = set(Attempt.objects.filter(quiz=quiz).values_list("employee_id", flat=True))
        for employee in staff:
            if employee.pk in done:
                continue
            # One generator per (quiz, person): a re-run makes the same decisions, so it adds nothing.
            rng = random.Random(f"{ctx.seed}-{quiz.slug}-{employee.employee_code}")
            if employee.employee_code == DEMO_LEARNER:
                if quiz.slug in DEMO_LEARNER_QUIZZES:
                    day = CAMPAIGN_START + dt.timedelta(days=30)
                    _take(quiz, employee, _moment(day, rng), 1.0 if DEMO_LEARNER_QUIZZES[quiz.slug] else 0.3, rng)
                    made += 1
                continue
            roll = rng.random()
            if roll < 0.45:  # passes during the campaign, some after one failed try
                day = CAMPAIGN_START + dt.timedelta(days=rng.randint(0, window - 10))
                if rng.random() < 0.2:
                    _take(quiz, employee, _moment(day, rng), 0.4, rng)
                    made += 1
                    day += dt.timedelta(days=rng.randint(1, 7))
                _take(quiz, employee, _moment(day, rng), 1.0, rng)
                made += 1
            elif roll < 0.55:  # tried and failed
                day = CAMPAIGN_START + dt.timedelta(days=rng.randint(0, window))
                _take(quiz, employee, _moment(day, rng), 0.35, rng)
                made += 1
            elif roll < 0.58:  # recent ones, after the campaign
                day = today - dt.timedelta(days=rng.randint(1, 20))
                _take(quiz, employee, _moment(day, rng), 0.9, rng)
                made += 1
    return f"{made} attempts created"
