"""Numerical, matching, cloze and description questions: grading, the learner's page (fields, no
leak before submission), the review, and a whole attempt on questions imported from Moodle's GIFT."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse

from quizzes.formats import gift
from quizzes.models import Answer, Attempt, AttemptAnswer, AttemptState, QuestionType
from quizzes.services import qtypes
from quizzes.services.bank import questions_import
from tests.factories import EmployeeFactory

from .factories import make_question, make_quiz

pytestmark = pytest.mark.django_db
MOODLE = Path(__file__).parent / "files" / "moodle"
CLOZE = ("Thủ đô là {1:SHORTANSWER:=Hà Nội#Đúng~%50%Ha Noi~*#Sai}, Luật ban hành năm "
         "{2:NUMERICAL:=2013:0~%50%2013:1} và có hiệu lực {1:MULTICHOICE:01/01/2014~=01/07/2014#Đúng}.")


def numerical(answers):
    q = make_question(QuestionType.NUMERICAL, text="Năm?", answers=[])
    for i, (text, fraction, tolerance) in enumerate(answers):
        Answer.objects.create(question=q, text=text, fraction=Decimal(fraction), tolerance=Decimal(tolerance), order=i)
    return q


def matching(pairs):
    q = make_question(QuestionType.MATCHING, text="Ghép", answers=[])
    for i, (item, match) in enumerate(pairs):
        Answer.objects.create(question=q, text=item, match_text=match, order=i)
    return q


@pytest.mark.parametrize("response, expected", [
    ("1822", 1), ("1823,5", Decimal("0.5")), (" 1820 ", Decimal("0.5")), ("1825", 0), ("abc", 0), ("", 0),
])
def test_numerical_takes_the_best_answer_within_tolerance(response, expected):
    q = numerical([("1822", "1", "0"), ("1822", "0.5", "2")])
    assert qtypes.grade(q, list(q.answers.all()), response) == expected


def test_matching_counts_each_item_and_ignores_extra_choices():
    q = matching([("Canada", "Ottawa"), ("Italy", "Rome"), ("Japan", "Tokyo"), ("", "Paris")])
    answers = list(q.answers.all())
    assert qtypes.match_choices(answers) == ["Ottawa", "Paris", "Rome", "Tokyo"]  # sorted: no hint
    text = qtypes.clean_response(q, answers, ["0", "1", ""], "")
    assert text == '["Ottawa", "Paris", null]'
    assert qtypes.grade(q, answers, text) == Decimal("0.33333")
    with pytest.raises(qtypes.BadResponse):
        qtypes.clean_response(q, answers, ["0", "9", "1"], "")


def test_cloze_weights_each_gap():
    q = make_question(QuestionType.MULTIANSWER, text=CLOZE, answers=[])
    right = qtypes.clean_response(q, [], ["hà nội", "2013", qtypes.gap_choice_token(7, 3, 1)], "", 7)
    assert qtypes.grade(q, [], right) == 1
    half = qtypes.clean_response(q, [], ["Ha Noi", "2014", qtypes.gap_choice_token(7, 3, 0)], "", 7)  # 1×.5+2×.5+0
    assert half == '["Ha Noi", "2014", "0"]'  # choices stored by their place in the author's order
    assert qtypes.grade(q, [], half) == Decimal("0.375")
    with pytest.raises(qtypes.BadResponse):
        qtypes.clean_response(q, [], ["x", "y"], "")
    with pytest.raises(qtypes.BadResponse):  # a bare index is not a choice: choices are per-attempt tokens
        qtypes.clean_response(q, [], ["x", "y", "1"], "", 7)


@pytest.fixture
def learner(client):
    employee = EmployeeFactory()
    client.force_login(employee.user)
    return employee


def test_attempt_on_new_types_from_the_page(client, learner):
    num = numerical([("2013", "1", "0")])
    match = matching([("Luật Tiếp công dân", "42/2013/QH13"), ("Luật Thực hiện dân chủ ở cơ sở", "10/2022/QH15")])
    cloze = make_question(QuestionType.MULTIANSWER, text=CLOZE, answers=[], mark=Decimal("4"))
    intro = make_question(QuestionType.DESCRIPTION, text="Phần II: các luật", answers=[])
    quiz = make_quiz(questions=[intro, num, match, cloze], pass_mark=100)
    client.post(reverse("quizzes:start", args=[quiz.slug]))
    attempt = Attempt.objects.get(quiz=quiz)
    html = client.get(reverse("quizzes:take", args=[attempt.pk])).content.decode()
    assert 'inputmode="decimal"' in html and html.count('name="g-') == 2 + 3
    assert "đã trả lời 1/4" in html  # the description asks nothing
    for secret in ("Đúng", "Sai"):  # cloze feedback stays on the server
        assert f"#{secret}" not in html and f">{secret}<" not in html
    aqs = {aq.question_id: aq for aq in attempt.attempt_questions.all()}
    assert aqs[intro.id].mark == 0
    gap_select = re.search(rf'<select class="gap" name="g-{aqs[cloze.id].id}".*?</select>', html).group(0)
    assert qtypes.gap_choice_token(aqs[cloze.id].id, 3, 1) in gap_select
    assert not re.search(r'value="\d+"', gap_select)  # no index, no author order
    options = re.findall(r'<option value="(\d+)"[^>]*>([^<]+)</option>', html)
    index = {text: value for value, text in options}
    data = {"shown": [aq.id for aq in aqs.values()], "action": "finish",
            f"t-{aqs[num.id].id}": "2013",
            f"g-{aqs[match.id].id}": [index["42/2013/QH13"], index["10/2022/QH15"]],
            f"g-{aqs[cloze.id].id}": ["Hà Nội", "2013,0", qtypes.gap_choice_token(aqs[cloze.id].id, 3, 1)]}
    response = client.post(reverse("quizzes:take", args=[attempt.pk]), data)
    assert response.status_code == 302, response
    client.post(reverse("quizzes:submit", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.FINISHED and attempt.passed and attempt.max_score == 6
    assert not AttemptAnswer.objects.filter(attempt_question__question=intro).exists()  # nothing to answer
    review = client.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()
    assert "10/2022/QH15" in review and "Chỗ trống 2" in review


def test_moodles_gift_examples_are_taken_whole(client, learner):
    quiz = make_quiz(questions=[])
    parsed = gift.parse((MOODLE / "gift_examples.txt").read_bytes())
    result = questions_import(quiz=quiz, questions=parsed)
    assert (result.imported, result.created) == (43, 34)  # the file repeats some questions word for word
    client.post(reverse("quizzes:start", args=[quiz.slug]))
    attempt = Attempt.objects.get(quiz=quiz)
    assert attempt.attempt_questions.count() == 34
    page = client.get(reverse("quizzes:take", args=[attempt.pk]))
    assert page.status_code == 200 and "Ottawa" in page.content.decode()
    client.post(reverse("quizzes:submit", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.FINISHED and attempt.score == 0 and attempt.max_score == 34


def test_html_question_text_is_cleaned():
    from quizzes.rendering import as_html

    html = str(as_html('<p onclick="x()">Xem <img src="data:image/png;name=a.png;base64,AAAA" alt="ảnh">'
                       '<script>alert(1)</script><a href="javascript:alert(1)">liên kết</a></p>', "html"))
    assert "onclick" not in html and "<script" not in html and "javascript:" not in html
    assert 'src="data:image/png;name=a.png;base64,AAAA"' in html


def test_admin_validation_keeps_cloze_and_numbers_well_formed():
    from django.core.exceptions import ValidationError

    broken = make_question(QuestionType.MULTIANSWER, text="Chọn {1:MULTICHOICE:=Táo}", answers=[])
    with pytest.raises(ValidationError, match="ít nhất hai lựa chọn"):
        broken.clean()
    num = numerical([("2013", "1", "0")])
    with pytest.raises(ValidationError):
        Answer(question=num, text="hai nghìn", fraction=1).clean()
    Answer(question=num, text="*", fraction=0).clean()
    mc = make_question()
    with pytest.raises(ValidationError):
        Answer(question=mc, text=" ", fraction=0).clean()
