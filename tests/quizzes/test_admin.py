"""HR's admin screens: uploads with preview, essay marking, statistics, exports."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from org import roles
from org.models import AuditLog
from quizzes.models import Attempt, AttemptAnswer, Question, QuestionType
from quizzes.services.attempts import Response, attempt_save_answers, attempt_start, attempt_submit
from tests.factories import EmployeeFactory, give_role, make_agency

from .factories import make_directive, make_question, make_quiz, right_ids

pytestmark = pytest.mark.django_db
FILES = Path(__file__).parent / "files"


@pytest.fixture
def hr(client):
    employee = EmployeeFactory(employee_code="HR001")
    give_role(employee.user, roles.HR)
    client.force_login(employee.user)
    return employee


@pytest.fixture
def quiz():
    # the HR fixture's agency owns the quiz (M4: HR changes their own agency's quizzes only)
    return make_quiz(slug="dan-van", directives=[make_directive("23-QĐ/TW")], pass_mark=50, agency=make_agency())


def test_learners_are_kept_out(client, quiz):
    learner = EmployeeFactory()
    give_role(learner.user, roles.LEARNER)
    client.force_login(learner.user)
    response = client.get(reverse("quizzes_admin:import"))
    assert response.status_code in (302, 403)


def test_listings_and_forms_render(client, hr, quiz):
    make_question(text="Một câu hỏi trong ngân hàng")
    for url in (reverse("quizzes_quiz:index"), reverse("quizzes_quiz:edit", args=[quiz.pk]),
                reverse("quizzes_question:index"), reverse("quizzes_question:add"),
                reverse("quizzes_category:index"), reverse("quizzes_attempt:index"),
                reverse("quizzes_admin:import"), reverse("quizzes_admin:paper"), reverse("quizzes_admin:essays")):
        assert client.get(url).status_code == 200, url


def test_question_upload_preview_then_apply(client, hr, quiz):
    upload = SimpleUploadedFile("bank.gift", (FILES / "bank.gift").read_bytes())
    response = client.post(reverse("quizzes_admin:import"), {"action": "preview", "quiz": quiz.pk, "file": upload})
    html = response.content.decode()
    assert response.status_code == 200 and "Tệp có 7 câu hỏi" in html and "Cơ quan ban hành" in html
    assert "Trắc nghiệm" in html and "Tự luận" in html
    assert Question.objects.count() == 0
    token = client.session["upload:quizzes_question_import"]["token"]
    response = client.post(reverse("quizzes_admin:import"), {"action": "apply", "token": token})
    assert response.status_code == 302
    assert quiz.quiz_questions.count() == 7
    # the token is single-use
    client.post(reverse("quizzes_admin:import"), {"action": "apply", "token": token})
    assert quiz.quiz_questions.count() == 7


def test_malformed_upload_lists_lines_and_writes_nothing(client, hr, quiz):
    upload = SimpleUploadedFile("x.gift", (FILES / "malformed.gift").read_bytes())
    html = client.post(reverse("quizzes_admin:import"), {"action": "preview", "quiz": quiz.pk, "file": upload}).content
    assert "dòng 3 của tệp: &quot;{&quot; chưa đóng" in html.decode()
    assert "dòng 11 của tệp: đáp án &quot;ba&quot; không phải số" in html.decode()
    assert Question.objects.count() == 0


def test_paper_results_preview_then_apply(client, hr, quiz):
    EmployeeFactory(employee_code="SCT0200", full_name="Lê Thị Mai")
    csv = "Mã cán bộ,Điểm,Ngày làm bài\nSCT0200,9,20/05/2024\n".encode()
    upload = SimpleUploadedFile("ketqua.csv", csv)
    html = client.post(reverse("quizzes_admin:paper"), {"action": "preview", "quiz": quiz.pk, "file": upload}).content
    assert "Lê Thị Mai" in html.decode() and Attempt.objects.count() == 0
    token = client.session["upload:quizzes_paper_import"]["token"]
    client.post(reverse("quizzes_admin:paper"), {"action": "apply", "token": token})
    attempt = Attempt.objects.get()
    assert attempt.passed and attempt.evidence_date == dt.date(2024, 5, 20) and attempt.recorded_by == hr.user


def test_essay_queue_marks_and_audits(client, hr, quiz):
    essay = make_question(QuestionType.ESSAY, text="Nêu cảm nghĩ", answers=[])
    mc = make_question()
    quiz.quiz_questions.create(question=essay, order=1)
    quiz.quiz_questions.create(question=mc, order=2)
    learner = EmployeeFactory(full_name="Phạm Văn Học")
    attempt = attempt_start(quiz=quiz, employee=learner)
    attempt_save_answers(attempt=attempt, responses={
        aq.id: Response(text="Bài viết nghiêm túc") if aq.question_id == essay.id else Response(selected=[])
        for aq in attempt.attempt_questions.all()})
    attempt_submit(attempt=attempt)
    html = client.get(reverse("quizzes_admin:essays")).content.decode()
    assert "Phạm Văn Học" in html and "Bài viết nghiêm túc" in html
    row = AttemptAnswer.objects.get(needs_grading=True)
    client.post(reverse("quizzes_admin:essays"), {"answer": row.pk, "score": "1", "comment": "Tốt"})
    attempt.refresh_from_db()
    assert attempt.passed and attempt.percent == 50
    assert AuditLog.objects.filter(action="quiz.essay_mark", actor=hr.user).exists()
    assert "Bài viết nghiêm túc" not in client.get(reverse("quizzes_admin:essays")).content.decode()


def test_statistics_and_exports(client, hr, quiz):
    questions = [make_question(text=f"Câu {i}") for i in range(2)]
    for i, q in enumerate(questions, start=1):
        quiz.quiz_questions.create(question=q, order=i)
    for right in (True, False, True):
        attempt = attempt_start(quiz=quiz, employee=EmployeeFactory())
        attempt_save_answers(attempt=attempt, responses={
            aq.id: Response(selected=right_ids(aq) if right or aq.order == 1 else [])
            for aq in attempt.attempt_questions.all()})
        attempt_submit(attempt=attempt)
    html = client.get(reverse("quizzes_admin:stats", args=[quiz.pk])).content.decode()
    assert 'data-stat="attempts">3<' in html and 'data-stat="pass-rate">100,0%<' in html
    assert "66,7%" in html  # the second question: answered right by 2 of 3
    gift = client.get(reverse("quizzes_admin:export", args=[quiz.pk, "gift"]))
    assert gift["Content-Type"].startswith("text/plain") and "Câu 0".encode() in gift.content
    template = client.get(reverse("quizzes_admin:template"))
    assert template.content[:2] == b"PK"


def test_attempt_listing_is_scoped_to_the_agency(client, hr):
    quiz = make_quiz(slug="dung-chung", questions=[make_question()])  # shared: both agencies take it
    other_agency = make_agency("KHAC", "Sở Khác")
    ours = EmployeeFactory(full_name="Người Cùng Sở")
    theirs = EmployeeFactory(agency=other_agency, unit=other_agency, full_name="Người Sở Khác")
    for employee in (ours, theirs):
        attempt_submit(attempt=attempt_start(quiz=quiz, employee=employee))
    html = client.get(reverse("quizzes_attempt:index")).content.decode()
    assert "Người Cùng Sở" in html and "Người Sở Khác" not in html


def test_moodle_xml_upload_shows_what_is_not_kept_and_exports_back(client, hr, quiz):
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n<question type="shortanswer">'
           "<name><text>Thủ đô</text></name><questiontext format=\"html\"><text>Thủ đô nước ta?</text></questiontext>"
           "<usecase>1</usecase><answer fraction=\"100\"><text>Hà Nội</text></answer></question>\n"
           "<question type=\"cloze\"><name><text>Điền</text></name><questiontext format=\"html\">"
           "<text>Số hiệu {1:SA:=10/2022/QH15}</text></questiontext></question>\n</quiz>\n").encode()
    upload = SimpleUploadedFile("bank.xml", xml)
    html = client.post(reverse("quizzes_admin:import"), {"action": "preview", "quiz": quiz.pk, "file": upload}).content
    assert "<b>Thủ đô</b>: so khớp phân biệt chữ hoa, chữ thường không được giữ lại" in html.decode()
    token = client.session["upload:quizzes_question_import"]["token"]
    client.post(reverse("quizzes_admin:import"), {"action": "apply", "token": token})
    exported = client.get(reverse("quizzes_admin:export", args=[quiz.pk, "moodle-xml"]))
    assert exported["Content-Type"].startswith("application/xml") and b'<question type="cloze">' in exported.content
    refused = client.get(reverse("quizzes_admin:export", args=[quiz.pk, "gift"]), follow=True).content.decode()
    assert "câu hỏi &quot;Điền&quot;: GIFT không chứa được câu điền khuyết nhiều chỗ trống (cloze)" in refused


def test_quiz_list_says_draft_or_in_use_in_words(client, hr, quiz):
    html = client.get(reverse("quizzes_quiz:index")).content.decode()
    row = html[html.index(quiz.title):]
    row = row[:row.index("</tr>")]
    assert ("Bản nháp" if quiz.draft else "Đang dùng") in row  # words, no ✓/✕ icon for the state
    assert "icon-error" not in row and "icon-success" not in row
