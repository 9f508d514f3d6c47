"""The learner's pages, and above all: nothing of the answers reaches the browser before submission."""

import pytest
from django.urls import reverse

from quizzes.models import Attempt, AttemptState, QuestionType, ReviewPolicy
from quizzes.options import option_token
from tests.factories import EmployeeFactory

from .factories import make_question, make_quiz

pytestmark = pytest.mark.django_db

SECRETS = ["FEEDBACK-RIGHT-XYZ", "FEEDBACK-WRONG-XYZ", "GENERAL-FEEDBACK-XYZ", "ACCEPTED-ANSWER-XYZ"]


@pytest.fixture
def learner(client):
    employee = EmployeeFactory()
    client.force_login(employee.user)
    return employee


@pytest.fixture
def quiz():
    mc = make_question(text="Câu trắc nghiệm", general_feedback="GENERAL-FEEDBACK-XYZ",
                       answers=[("Phương án đúng", 1, "FEEDBACK-RIGHT-XYZ"), ("Phương án sai", 0, "FEEDBACK-WRONG-XYZ")])
    short = make_question(QuestionType.SHORT_ANSWER, text="Trả lời ngắn", answers=[("ACCEPTED-ANSWER-XYZ", 1, "")])
    tf = make_question(QuestionType.TRUE_FALSE, text="Đúng hay sai")
    return make_quiz(questions=[mc, short, tf], pass_mark=60, title="Kiểm tra 23-QĐ/TW")


def start(client, quiz):
    response = client.post(reverse("quizzes:start", args=[quiz.slug]))
    assert response.status_code == 302
    return Attempt.objects.get(quiz=quiz)


def page_text(response):
    return response.content.decode()


def test_detail_shows_rules_and_start(client, learner, quiz):
    html = page_text(client.get(reverse("quizzes:detail", args=[quiz.slug])))
    assert "Kiểm tra 23-QĐ/TW" in html and "Điểm đạt: 60%" in html and "Bắt đầu làm bài" in html


def test_draft_quiz_is_hidden_from_learners(client, learner, quiz):
    quiz.draft = True
    quiz.save()
    assert client.get(reverse("quizzes:detail", args=[quiz.slug])).status_code == 404


def test_no_answer_leaks_before_submission(client, learner, quiz):
    attempt = start(client, quiz)
    for url in (reverse("quizzes:take", args=[attempt.pk]), reverse("quizzes:submit", args=[attempt.pk]),
                reverse("quizzes:detail", args=[quiz.slug])):
        html = page_text(client.get(url))
        for secret in SECRETS:
            assert secret not in html, (url, secret)
        assert "fraction" not in html and "correct" not in html.lower()
    # the result page of an open attempt sends the learner back to the questions
    response = client.get(reverse("quizzes:result", args=[attempt.pk]))
    assert response.status_code == 302 and response.url == reverse("quizzes:take", args=[attempt.pk])
    # choices carry nothing but an opaque token of this attempt: right and wrong look the same
    html = page_text(client.get(reverse("quizzes:take", args=[attempt.pk])))
    aq = attempt.attempt_questions.get(question__text="Câu trắc nghiệm")
    right = aq.question.answers.get(fraction=1)
    assert f'value="{option_token(aq.pk, right.id)}">' in html and f'name="q-{aq.pk}" value="{right.id}"' not in html


def take_and_submit(client, attempt, right=True):
    data = {"shown": [], "action": "finish"}
    for aq in attempt.attempt_questions.select_related("question"):
        data["shown"].append(aq.id)
        answers = list(aq.question.answers.all())
        if aq.question.qtype == QuestionType.SHORT_ANSWER:
            data[f"t-{aq.id}"] = answers[0].text if right else "sai"
        else:
            data[f"q-{aq.id}"] = [option_token(aq.pk, a.id) for a in answers if (a.fraction > 0) == right][:1]
    response = client.post(reverse("quizzes:take", args=[attempt.pk]), data)
    assert response.status_code == 302 and response.url == reverse("quizzes:submit", args=[attempt.pk])
    response = client.post(reverse("quizzes:submit", args=[attempt.pk]))
    assert response.url == reverse("quizzes:result", args=[attempt.pk])
    return client.get(response.url)


def test_take_submit_result_and_review(client, learner, quiz):
    quiz.success_text = "Chúc mừng bạn đã đạt."
    quiz.review_right_answers = quiz.review_feedback = ReviewPolicy.IMMEDIATELY
    quiz.save()
    attempt = start(client, quiz)
    html = page_text(take_and_submit(client, attempt))
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.FINISHED and attempt.passed
    assert "Đạt" in html and "<strong>100%</strong>" in html and "Chúc mừng bạn đã đạt." in html
    assert "FEEDBACK-RIGHT-XYZ" in html and "GENERAL-FEEDBACK-XYZ" in html and "ACCEPTED-ANSWER-XYZ" in html
    # a second submission changes nothing
    client.post(reverse("quizzes:submit", args=[attempt.pk]))
    assert Attempt.objects.get(pk=attempt.pk).graded_at == attempt.graded_at


def test_review_never_hides_answers_after_submission(client, learner, quiz):
    quiz.review_correctness = quiz.review_right_answers = quiz.review_feedback = ReviewPolicy.NEVER
    quiz.fail_text = "Hãy ôn lại văn bản."
    quiz.save()
    attempt = start(client, quiz)
    html = page_text(take_and_submit(client, attempt, right=False))
    assert "Chưa đạt" in html and "Hãy ôn lại văn bản." in html
    for secret in SECRETS:
        assert secret not in html


def test_one_per_page_navigation_and_resume(client, learner, quiz):
    quiz.one_per_page = True
    quiz.save()
    attempt = start(client, quiz)
    first = attempt.attempt_questions.get(order=1)
    html = page_text(client.get(reverse("quizzes:take", args=[attempt.pk])))
    assert html.count('name="shown"') == 1
    answer = first.question.answers.get(fraction=1)
    response = client.post(reverse("quizzes:take", args=[attempt.pk]),
                           {"shown": [first.id], f"q-{first.id}": [option_token(first.pk, answer.id)], "action": "next",
                            "trang": 1})
    assert response.url.endswith("?trang=2")
    # closing the browser and starting again resumes the same attempt, answer kept
    client.post(reverse("quizzes:start", args=[quiz.slug]))
    assert Attempt.objects.filter(quiz=quiz).count() == 1
    html = page_text(client.get(reverse("quizzes:take", args=[attempt.pk]) + "?trang=1"))
    assert f'value="{option_token(first.pk, answer.id)}" checked' in html


def test_someone_elses_attempt_is_not_found(client, learner, quiz):
    other = EmployeeFactory()
    from quizzes.services.attempts import attempt_start

    attempt = attempt_start(quiz=quiz, employee=other)
    for name in ("take", "submit", "result"):
        assert client.get(reverse(f"quizzes:{name}", args=[attempt.pk])).status_code == 404


def test_opening_an_expired_attempt_submits_it_as_at_the_deadline(client, learner, quiz):
    import datetime as dt

    import time_machine
    from django.utils import timezone

    quiz.time_limit_minutes = 5
    quiz.save()
    start_at = timezone.now()
    with time_machine.travel(start_at, tick=False):
        attempt = start(client, quiz)
    with time_machine.travel(start_at + dt.timedelta(minutes=30), tick=False):
        response = client.get(reverse("quizzes:take", args=[attempt.pk]))
    assert response.status_code == 302 and response.url == reverse("quizzes:result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.FINISHED and attempt.submitted_at == attempt.deadline


def test_index_lists_published_quizzes_with_my_standing(client, learner, quiz):
    make_quiz(slug="nhap", title="Bản nháp ẩn", draft=True)
    html = page_text(client.get(reverse("quizzes:index")))
    assert "Kiểm tra 23-QĐ/TW" in html and "Chưa làm" in html and "Bản nháp ẩn" not in html
    take_and_submit(client, start(client, quiz))
    assert "Đạt" in page_text(client.get(reverse("quizzes:index")))


def test_the_steps_read_as_many_rows_for_six_questions_as_for_three(client, learner):
    """Issue 17: every step reads the attempt's questions in a fixed number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def counts(slug, size):
        quiz = make_quiz(slug=slug, questions=[make_question(text=f"{slug} {i}") for i in range(size)])
        attempt = start(client, quiz)
        take = reverse("quizzes:take", args=[attempt.pk])
        aqs = list(attempt.attempt_questions.all())
        answers = {"shown": [aq.pk for aq in aqs], "action": "finish"}
        answers |= {f"q-{aq.pk}": option_token(aq.pk, aq.answer_order[0]) for aq in aqs}
        steps = [("get", take, None), ("post", take, answers), ("get", reverse("quizzes:submit", args=[attempt.pk]), None),
                 ("post", reverse("quizzes:submit", args=[attempt.pk]), {}),
                 ("get", reverse("quizzes:result", args=[attempt.pk]), None)]
        found = []
        for method, url, data in steps:
            with CaptureQueriesContext(connection) as queries:
                response = getattr(client, method)(url, data) if data is not None else client.get(url)
            assert response.status_code in (200, 302)
            found.append(len(queries))
        return found

    assert counts("ba-cau", 3) == counts("sau-cau", 6)
