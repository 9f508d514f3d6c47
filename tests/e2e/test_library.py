"""The directive library on a phone and on a desktop: search, open a directive, read a lesson."""

from __future__ import annotations

import pytest

from courses.demo import ensure_content
from courses.models import LessonReading
from tests.e2e.conftest import login
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def learner():
    ensure_content()
    agency = make_agency()
    unit = make_unit(agency, "QLTM", "Phòng Quản lý Thương mại")
    employee = EmployeeFactory(agency=agency, unit=unit, employee_code="SCT0021", full_name="Lê Thị Thu Trang")
    give_role(employee.user, roles.LEARNER)
    return employee


def test_phone_search_without_diacritics_then_directive_then_lesson(phone_page, live_server, learner, screenshot):
    page = phone_page
    login(page, live_server, "SCT0021")
    page.click("nav >> text=Tìm kiếm")
    page.fill("input[name=q]", "dan chu co so")
    page.click("button:has-text('Tìm')")
    page.wait_for_load_state("networkidle")
    results = page.locator(".doc-item h3 a")
    assert "Luật Thực hiện dân chủ ở cơ sở" == results.first.inner_text()
    assert page.locator(".doc-item").count() >= 3
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page is {width}px wide on a 390px phone"
    screenshot(page, "library-search-phone", full_page=False)

    results.first.click()
    page.wait_for_load_state("networkidle")
    main = page.inner_text("main")
    assert "10/2022/QH15" in main and "10/11/2022" in main and "01/07/2023" in main and "Quốc hội (khóa XV)" in main
    assert "Tóm tắt nội dung" in main and "Dân chủ cơ sở" in main
    screenshot(page, "library-directive-phone")

    page.click(".lesson-list a")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text().startswith("Luật Thực hiện dân chủ ở cơ sở")
    assert LessonReading.objects.get(employee=learner).opened_at is not None
    page.click("button:has-text('Tôi đã đọc và hiểu nội dung bài học')")
    page.wait_for_load_state("networkidle")
    assert "Bạn đã xác nhận đọc và hiểu bài học này" in page.inner_text("main")
    assert page.locator("button:has-text('Tôi đã đọc và hiểu')").count() == 0
    assert LessonReading.objects.get(employee=learner).acknowledged_at is not None
    screenshot(page, "library-lesson-acknowledged-phone")


def test_desktop_library_filters_and_number_search(page, live_server, learner, screenshot):
    page.goto(f"{live_server.url}/thu-vien/")
    assert page.locator("h1").inner_text() == "Thư viện văn bản"
    assert page.locator(".doc-item").count() == 19
    page.select_option("select[name=type]", "luat")
    page.click("button:has-text('Tìm')")
    page.wait_for_load_state("networkidle")
    assert sorted(page.locator(".doc-number").all_inner_texts()) == ["10/2022/QH15", "42/2013/QH13"]
    screenshot(page, "library-index-desktop", full_page=False)

    page.goto(f"{live_server.url}/tim-kiem/?q=23-qd%2Ftw")
    assert page.locator(".doc-number").first.inner_text() == "23-QĐ/TW"
    page.locator(".doc-item h3 a").first.click()
    page.wait_for_load_state("networkidle")
    assert "Quy chế công tác dân vận" in page.inner_text("main")
    screenshot(page, "library-directive-desktop", full_page=False)
    page.click(".lesson-list a")
    page.wait_for_load_state("networkidle")
    # anonymous visitors read but are asked to log in before acknowledging
    assert page.locator("button:has-text('Tôi đã đọc và hiểu')").count() == 0
    assert "Đăng nhập" in page.inner_text("main")
    screenshot(page, "library-lesson-desktop", full_page=False)
