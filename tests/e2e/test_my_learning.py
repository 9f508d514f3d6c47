"""A learner opens "Việc học của tôi", reads the lesson of a requirement, acknowledges it and sees the
reading as progress; once HR records evidence the requirement turns completed. Desktop and phone."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page

from courses.demo import ensure_content
from courses.selectors import directive_resolve
from learning.services.campaigns import campaign_load
from learning.services.evidence import manual_evidence_record
from tests.e2e.conftest import login
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles

pytestmark = pytest.mark.django_db(transaction=True)

PLAN = """\
slug: chuyen-de-{year}
title: Học tập chuyên đề năm {year}
start: {start}
due: {due}
requirements:
  - directive: 59/2023/NĐ-CP
  - directive: 33/CT-TTg
  - directive: 42/2013/QH13
"""


@pytest.fixture
def world():
    # A transactional test flushes the rows Wagtail's migrations made: put the page tree root back.
    Locale.objects.get_or_create(language_code="vi")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    ensure_content()
    agency = make_agency()
    unit = make_unit(agency, "QLCN", "Phòng Quản lý Công nghiệp")
    learner = EmployeeFactory(agency=agency, unit=unit, employee_code="SCT0011", full_name="Nguyễn Thị Hồng Nhung",
                              position="Chuyên viên")
    give_role(learner.user, roles.LEARNER)
    today = timezone.localdate()
    campaign_load(agency=agency, data=PLAN.format(year=today.year, start=today - dt.timedelta(days=30),
                                                  due=today + dt.timedelta(days=35)))
    return learner


def requirement(page, number: str):
    return page.locator(f'li.ml-item[data-requirement="{number}"]')


def test_learner_reads_a_lesson_and_sees_the_requirement_progress(page, phone_page, live_server, world, screenshot):
    login(page, live_server, "SCT0011")
    item = requirement(page, "59/2023/NĐ-CP")
    assert item.get_attribute("data-status") == "pending"
    assert "Chưa hoàn thành" in item.inner_text()
    assert "còn 35 ngày" in page.inner_text("main")
    assert "Đã hoàn thành 0/3 văn bản" in page.inner_text("main")
    screenshot(page, "my-learning-before")

    # Open the requirement's lesson, read it and acknowledge it.
    item.get_by_role("link", name=re.compile("Đọc bài học")).click()
    page.wait_for_load_state("networkidle")
    assert "Nghị định 59/2023/NĐ-CP" in page.inner_text("main")
    page.get_by_role("button", name="Tôi đã đọc và hiểu nội dung bài học").click()
    page.wait_for_load_state("networkidle")
    assert "Bạn đã xác nhận đọc và hiểu bài học này" in page.inner_text("main")

    # Back on "Việc học của tôi": the reading shows as progress; the status waits for evidence.
    page.get_by_role("link", name="Việc học của tôi").click()
    page.wait_for_load_state("networkidle")
    item = requirement(page, "59/2023/NĐ-CP")
    text = item.inner_text()
    assert f"Đã đọc bài học ngày {timezone.localdate():%d/%m/%Y}" in text and "Xem lại bài học" in text
    assert item.get_attribute("data-status") == "pending"
    assert "đã đọc 1 bài chờ ghi nhận" in page.inner_text("main")
    screenshot(page, "my-learning-after-reading")

    # HR confirms the study (manual evidence): the requirement is completed and the summary moves.
    manual_evidence_record(employee=world, directive=directive_resolve("59/2023/NĐ-CP"),
                           date=timezone.localdate(), note="Xác nhận qua bài thu hoạch")
    page.reload()
    item = requirement(page, "59/2023/NĐ-CP")
    assert item.get_attribute("data-status") == "completed"
    assert "Hoàn thành" in item.locator(".badge").inner_text()
    assert f"Văn phòng ghi nhận · {timezone.localdate():%d/%m/%Y}" in item.inner_text()
    assert "Đã hoàn thành 1/3 văn bản" in page.inner_text("main")
    screenshot(page, "my-learning-completed")

    login(phone_page, live_server, "SCT0011")
    assert requirement(phone_page, "59/2023/NĐ-CP").get_attribute("data-status") == "completed"
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px)"
    screenshot(phone_page, "my-learning-phone")
