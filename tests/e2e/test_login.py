"""Learners and HR log in, land on their page, and HR reaches the Wagtail admin."""

import pytest

from tests.e2e.conftest import login
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people():
    agency = make_agency()
    unit = make_unit(agency, "QLCN", "Phòng Quản lý Công nghiệp")
    learner = EmployeeFactory(agency=agency, unit=unit, employee_code="SCT0011", full_name="Nguyễn Thị Hồng Nhung")
    hr = EmployeeFactory(agency=agency, unit=unit, employee_code="SCT0002", full_name="Trần Thị Thu Hương")
    give_role(learner.user, roles.LEARNER)
    give_role(hr.user, roles.HR)
    return learner, hr


def test_learner_logs_in_with_employee_code_and_sees_home(page, phone_page, live_server, people, screenshot):
    learner, _ = people
    login(page, live_server, "SCT0011")
    assert "Nguyễn Thị Hồng Nhung" in page.inner_text("main")
    assert "Phòng Quản lý Công nghiệp" in page.inner_text("main")
    screenshot(page, "login-learner-home")
    login(phone_page, live_server, learner.email)
    assert "Nguyễn Thị Hồng Nhung" in phone_page.inner_text("main")
    screenshot(phone_page, "login-learner-home-phone")


def test_wrong_password_shows_vietnamese_error(page, live_server, people):
    login(page, live_server, "SCT0011", password="sai")
    assert "không đúng" in page.inner_text("main")


def test_hr_logs_in_and_opens_admin(page, live_server, people, screenshot):
    login(page, live_server, "SCT0002")
    page.goto(f"{live_server.url}/admin/")
    page.wait_for_load_state("networkidle")
    assert "/admin/" in page.url and "login" not in page.url
    screenshot(page, "login-hr-admin")


def test_a_code_of_two_agencies_asks_for_the_agency_and_the_initial_password_is_changed(
        phone_page, live_server, screenshot, settings):
    """M3 and L8 as a learner sees them on a phone: the agency list appears for a shared code, and
    the shared initial password leads to "Đổi mật khẩu" before anything else."""
    from org.models import Employee
    from org.services.employees import employee_save

    settings.ROSTER_INITIAL_PASSWORD = "Chao-mung-2026"
    agency_a, agency_b = make_agency("SCT"), make_agency("SXD", "Sở Xây dựng Tây Ninh")
    for agency in (agency_a, agency_b):
        employee_save(employee=Employee(agency=agency, unit=agency, employee_code="SCT0021",
                                        full_name=f"Cán bộ {agency.code}", category="cong_chuc"))
    login(phone_page, live_server, "SCT0021", password="Chao-mung-2026")
    assert "Mã này có ở nhiều cơ quan" in phone_page.inner_text("main")
    screenshot(phone_page, "login-choose-agency-phone")
    phone_page.select_option("#id_agency", label="Sở Xây dựng Tây Ninh")
    phone_page.fill("#id_password", "Chao-mung-2026")
    phone_page.click("button[type=submit].primary")
    phone_page.wait_for_load_state("networkidle")
    assert "/doi-mat-khau/" in phone_page.url and "mật khẩu ban đầu" in phone_page.inner_text("main")
    screenshot(phone_page, "login-forced-password-change-phone")
    phone_page.fill("#id_old_password", "Chao-mung-2026")
    phone_page.fill("#id_new_password1", "Rieng-cua-toi-2026")
    phone_page.fill("#id_new_password2", "Rieng-cua-toi-2026")
    phone_page.click("button[type=submit].primary")
    phone_page.wait_for_load_state("networkidle")
    assert "Cán bộ SXD" in phone_page.inner_text("main")


def test_the_lockout_page_offers_an_unlock_link(page, live_server, screenshot, settings):
    from axes.utils import reset
    from django.core.cache import cache

    settings.AXES_ENABLED, settings.AXES_FAILURE_LIMIT = True, 2
    cache.clear()
    reset()
    EmployeeFactory(employee_code="SCT0031")
    for _ in range(2):
        login(page, live_server, "sct0031", password="sai")
    assert "Tạm khóa đăng nhập" in page.inner_text("main")
    screenshot(page, "login-lockout")
    page.click("#send-unlock")
    page.wait_for_load_state("networkidle")
    assert "liên kết mở khóa đã được gửi" in page.inner_text("main")
    reset()
