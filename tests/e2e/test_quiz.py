"""A learner takes a timed quiz on a phone, one question per page, resumes it, submits and passes;
the answers are nowhere in the pages before submission."""

import pytest

from quizzes.models import Attempt, QuestionType, ReviewPolicy
from tests.e2e.conftest import login
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles
from tests.quizzes.factories import make_directive, make_question, make_quiz

pytestmark = pytest.mark.django_db(transaction=True)
SECRET_FEEDBACK = "Chính xác: Ban Chấp hành Trung ương ban hành"


@pytest.fixture
def quiz():
    directive = make_directive("23-QĐ/TW")
    questions = [
        make_question(text="Quyết định 23-QĐ/TW do cơ quan nào ban hành?", general_feedback="Xem Quyết định 23-QĐ/TW.",
                      answers=[("Ban Chấp hành Trung ương", 1, SECRET_FEEDBACK), ("Quốc hội", 0, "Chưa đúng"),
                               ("Chính phủ", 0, "Chưa đúng")]),
        make_question(QuestionType.TRUE_FALSE, text="Công tác dân vận là trách nhiệm của cả hệ thống chính trị."),
        make_question(text="Những chủ thể nào có trách nhiệm trong công tác dân vận?", multiple=True,
                      answers=[("Cấp ủy, tổ chức đảng", "0.5", ""), ("Chính quyền các cấp", "0.5", ""),
                               ("Chỉ doanh nghiệp", "-1", "")]),
    ]
    return make_quiz(slug="kiem-tra-23-qd-tw", title="Kiểm tra: Quy chế công tác dân vận", questions=questions,
                     directives=[directive], pass_mark=80, time_limit_minutes=20, one_per_page=True,
                     success_text="Chúc mừng! Kết quả đã được ghi nhận.",
                     review_feedback=ReviewPolicy.IMMEDIATELY)  # feedback shown after each attempt


@pytest.fixture
def learner():
    agency = make_agency()
    unit = make_unit(agency, "QLCN", "Phòng Quản lý Công nghiệp")
    employee = EmployeeFactory(agency=agency, unit=unit, employee_code="SCT0011", full_name="Nguyễn Thị Hồng Nhung")
    give_role(employee.user, roles.LEARNER)
    return employee


def choose_right_answers(page):
    """Tick the right choices by their visible text (the page holds no hint of which is right)."""
    for text in ("Ban Chấp hành Trung ương", "Đúng", "Cấp ủy, tổ chức đảng", "Chính quyền các cấp"):
        option = page.get_by_label(text, exact=True)
        if option.count():
            option.check()


def test_learner_takes_and_passes_a_quiz_on_a_phone(phone_page, live_server, quiz, learner, screenshot):
    page = phone_page
    login(page, live_server, "SCT0011")
    page.goto(f"{live_server.url}/bai-kiem-tra/{quiz.slug}/")
    assert "Điểm đạt: 80%" in page.inner_text("main")
    screenshot(page, "quiz-detail-phone")
    page.get_by_role("button", name="Bắt đầu làm bài").click()
    page.wait_for_selector("#countdown")
    assert "Thời gian còn lại" in page.inner_text("#countdown")
    html = page.content()
    assert SECRET_FEEDBACK not in html and "Xem Quyết định 23-QĐ/TW." not in html
    screenshot(page, "quiz-take-phone")
    choose_right_answers(page)
    page.get_by_role("button", name="Câu tiếp →").click()
    # Closing the browser tab and coming back resumes the same attempt.
    page.goto(f"{live_server.url}/bai-kiem-tra/{quiz.slug}/")
    page.get_by_role("button", name="Tiếp tục làm bài").click()
    for _ in range(3):
        choose_right_answers(page)
        if page.get_by_role("button", name="Câu tiếp →").count():
            page.get_by_role("button", name="Câu tiếp →").click()
    assert SECRET_FEEDBACK not in page.content()
    # Answers are saved in the background as they are ticked: leaving without a button keeps them.
    page.get_by_label("Chỉ doanh nghiệp", exact=True).check()
    page.wait_for_function("() => document.getElementById('quiz-form').dataset.saved")  # a function: the CSP forbids eval
    page.goto(f"{live_server.url}/bai-kiem-tra/{quiz.slug}/")
    page.get_by_role("button", name="Tiếp tục làm bài").click()
    page.get_by_role("button", name="Câu 3", exact=True).click()
    assert page.get_by_label("Chỉ doanh nghiệp", exact=True).is_checked()
    page.get_by_label("Chỉ doanh nghiệp", exact=True).uncheck()
    page.get_by_role("button", name="Nộp bài").click()
    assert "Bạn đã trả lời tất cả các câu hỏi." in page.inner_text("main")
    screenshot(page, "quiz-confirm-phone")
    page.locator("#confirm-submit").click()
    page.wait_for_selector(".result")
    text = page.inner_text("main")
    assert "Đạt" in text and "100%" in text and "Chúc mừng! Kết quả đã được ghi nhận." in text
    assert SECRET_FEEDBACK in page.content()  # the review, after submission
    screenshot(page, "quiz-result-phone")
    attempt = Attempt.objects.get(quiz=quiz, employee=learner)
    assert attempt.passed and attempt.evidence_date is not None
