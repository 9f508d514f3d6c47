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
