"""M4 (issue 13): any agency's HR could edit any agency's question bank
(`/admin/ngan-hang-cau-hoi/edit/<id>/` changed the key of a question A's campaign relied on) and import
into any quiz. Now a quiz and a question category belong to an agency, or to none (shared content,
read-only to agencies); services take the actor and refuse any foreign id with the error of an unknown
one; the admin lists what one may read and edits only what one owns (docs/security.md, "Quiz ownership").
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.tables import read_table
from org import roles
from quizzes.errors import QuizNotFound, QuizUnavailable
from quizzes.formats import ParsedAnswer, ParsedQuestion
from quizzes.models import Answer, Question, QuestionCategory, Quiz
from quizzes.services.attempts import attempt_start
from quizzes.services.bank import questions_import
from quizzes.services.paper import COLUMNS, paper_results_import
from tests.factories import EmployeeFactory, give_role, make_agency
from tests.quizzes.factories import make_question, make_quiz

pytestmark = pytest.mark.django_db

GIFT = b"::Q::Ai ban hanh? {=Ban Chap hanh Trung uong ~Quoc hoi}\n"


@pytest.fixture
def world():
    a, b = make_agency("SCA", "Sở A"), make_agency("SCB", "Sở B")
    hr_a = EmployeeFactory(agency=a, unit=a, employee_code="A0001")
    hr_b = EmployeeFactory(agency=b, unit=b, employee_code="B0001")
    for hr in (hr_a, hr_b):
        give_role(hr.user, roles.HR)
    bank_a = QuestionCategory.objects.create(name="23-QĐ/TW", agency=a)
    question_a = make_question(text="Câu của A", category=bank_a)
    quiz_a = make_quiz(slug="quiz-a", questions=[question_a], agency=a, title="Bài kiểm tra riêng của A")
    shared_bank = QuestionCategory.objects.create(name="Dùng chung")
    shared = make_quiz(slug="chung", questions=[make_question(text="Câu chung", category=shared_bank)])
    return dict(a=a, b=b, hr_a=hr_a, hr_b=hr_b, bank_a=bank_a, question_a=question_a, quiz_a=quiz_a,
                shared=shared, shared_bank=shared_bank)


def _parsed(category: str = "23-QĐ/TW") -> list[ParsedQuestion]:
    return [ParsedQuestion("multichoice", "Câu mới?", name="Mới", category=category,
                           answers=[ParsedAnswer("Đúng", Decimal(1)), ParsedAnswer("Sai", Decimal(0))])]


def test_m4_hr_of_another_agency_cannot_edit_its_bank_in_the_admin(client, world):
    client.force_login(world["hr_b"].user)
    question = world["question_a"]
    right = question.answers.get(fraction=1)
    for name in ("quizzes_question:edit", "quizzes_question:delete"):
        assert client.get(reverse(name, args=[question.pk])).status_code == 404
    response = client.post(reverse("quizzes_question:edit", args=[question.pk]), {"text": "đã sửa"})
    assert response.status_code == 404
    assert Answer.objects.get(pk=right.pk).fraction == 1 and Question.objects.get(pk=question.pk).text == "Câu của A"
    for name, obj in (("quizzes_quiz:edit", world["quiz_a"]), ("quizzes_quiz:delete", world["quiz_a"]),
                      ("quizzes_category:edit", world["bank_a"]), ("quizzes_category:delete", world["bank_a"])):
        assert client.get(reverse(name, args=[obj.pk])).status_code == 404, name
    # the same answer as for an id that does not exist
    assert client.get(reverse("quizzes_question:edit", args=[999999])).status_code == 404
    # listings: B's HR sees shared content and nothing of A's
    html = client.get(reverse("quizzes_question:index")).content.decode()
    assert "Câu chung" in html and "Câu của A" not in html
    html = client.get(reverse("quizzes_quiz:index")).content.decode()
    assert "Bài kiểm tra thử" in html and "Bài kiểm tra riêng của A" not in html
    # A's own HR still edits its bank
    client.force_login(world["hr_a"].user)
    assert client.get(reverse("quizzes_question:edit", args=[question.pk])).status_code == 200


def test_m4_shared_content_is_read_only_to_agencies(client, world):
    client.force_login(world["hr_a"].user)
    assert client.get(reverse("quizzes_quiz:edit", args=[world["shared"].pk])).status_code == 404
    assert client.get(reverse("quizzes_category:edit", args=[world["shared_bank"].pk])).status_code == 404
    with pytest.raises(QuizNotFound):
        questions_import(quiz=world["shared"], questions=_parsed(), actor=world["hr_a"].user)
    # but it can be read: exported, its statistics opened, and taken by anyone's staff
    assert client.get(reverse("quizzes_admin:export", args=[world["shared"].pk, "gift"])).status_code == 200
    assert client.get(reverse("quizzes_admin:stats", args=[world["shared"].pk])).status_code == 200
    assert attempt_start(quiz=world["shared"], employee=EmployeeFactory(agency=world["b"], unit=world["b"]))


def test_m4_services_refuse_a_foreign_quiz_as_an_unknown_one(world):
    hr_b = world["hr_b"].user
    with pytest.raises(QuizNotFound) as foreign:
        questions_import(quiz=world["quiz_a"], questions=_parsed(), actor=hr_b)
    with pytest.raises(QuizNotFound) as unknown:
        questions_import(quiz=Quiz(pk=987654, slug="khong-co"), questions=_parsed(), actor=hr_b)
    assert str(foreign.value) == str(unknown.value) == "no such quiz"
    assert world["quiz_a"].quiz_questions.count() == 1
    table = read_table("Mã cán bộ,Điểm,Ngày làm bài\nB0001,10,01/12/2025\n".encode(), COLUMNS, filename="k.csv")
    with pytest.raises(QuizNotFound):
        paper_results_import(quiz=world["quiz_a"], table=table, actor=hr_b)
    # B's staff cannot take A's quiz either
    with pytest.raises(QuizUnavailable):
        attempt_start(quiz=world["quiz_a"], employee=world["hr_b"])


def test_m4_importing_into_ones_own_quiz_never_writes_into_another_agencys_category(world):
    quiz_b = make_quiz(slug="quiz-b", agency=world["b"])
    questions_import(quiz=quiz_b, questions=_parsed("23-QĐ/TW"), actor=world["hr_b"].user)
    # a category of the same name as A's, but B's own
    assert world["bank_a"].questions.count() == 1
    assert QuestionCategory.objects.get(name="23-QĐ/TW", agency=world["b"]).questions.count() == 1


def test_m4_admin_uploads_offer_only_the_users_quizzes(client, world):
    client.force_login(world["hr_b"].user)
    upload = SimpleUploadedFile("bank.gift", GIFT)
    response = client.post(reverse("quizzes_admin:import"),
                           {"action": "preview", "quiz": world["quiz_a"].pk, "file": upload})
    assert response.status_code == 200 and "quiz" in response.context["form"].errors
    assert world["quiz_a"].quiz_questions.count() == 1
    html = client.get(reverse("quizzes_admin:import")).content.decode()
    assert world["quiz_a"].title not in html
    # a quiz created by B's HR is B's, and B's own bank takes the import
    client.post(reverse("quizzes_quiz:add"), {"title": "Bài của B", "slug": "bai-cua-b", "pass_mark": 80,
                                                "grading_method": "highest", "review_correctness": "immediately",
                                                "review_right_answers": "after_last", "review_feedback": "after_last"})
    assert Quiz.objects.get(slug="bai-cua-b").agency == world["b"]


def test_m4_learners_see_their_agencys_and_shared_quizzes_only(client, world):
    learner_b = EmployeeFactory(agency=world["b"], unit=world["b"])
    client.force_login(learner_b.user)
    assert client.get(reverse("quizzes:detail", args=["quiz-a"])).status_code == 404
    assert client.get(reverse("quizzes:detail", args=["chung"])).status_code == 200


def test_m4_the_learners_page_offers_no_other_agencys_quiz(world):
    from quizzes.selectors import quizzes_for_directives
    from tests.quizzes.factories import make_directive

    directive = make_directive("23-QĐ/TW")
    world["quiz_a"].directives.add(directive)
    world["shared"].directives.add(directive)
    learner_b = EmployeeFactory(agency=world["b"], unit=world["b"])
    offered = quizzes_for_directives([directive.pk], employee=learner_b)[directive.pk]
    assert [q.slug for q in offered] == ["chung"]
    learner_a = EmployeeFactory(agency=world["a"], unit=world["a"])
    assert {q.slug for q in quizzes_for_directives([directive.pk], employee=learner_a)[directive.pk]} == {"chung", "quiz-a"}
