"""A learner writes a reflection on a phone and submits it; the unit head returns it with a
comment in the admin; the learner changes it and submits again; the head grades it Đạt; the
requirement turns completed on "Việc học của tôi". Screenshots (test-artifacts/screenshots/): the
grading page at 1366 px and the learner's page at 390 px."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page

from courses.demo import ensure_content
from courses.selectors import directive_resolve
from learning.services.campaigns import campaign_load
from reflections.models import Reflection, ReflectionPrompt, ReflectionStatus
from reflections.services.writing import reflection_save
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
"""
TEXT = ("Sau khi nghiên cứu Nghị định 59/2023/NĐ-CP quy định chi tiết Luật Thực hiện dân chủ ở cơ sở, "
        "tôi hiểu rõ những việc phải công khai để Nhân dân biết, những việc Nhân dân được bàn và quyết định, "
        "được tham gia ý kiến và được kiểm tra, giám sát. Ở Phòng Quản lý Công nghiệp, tôi sẽ niêm yết đầy đủ "
        "thủ tục hành chính, tiếp nhận góp ý của doanh nghiệp qua hòm thư và trả lời đúng hạn.")


@pytest.fixture
def world():
    Locale.objects.get_or_create(language_code="vi")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    ensure_content()
    agency = make_agency()
    unit = make_unit(agency, "QLCN", "Phòng Quản lý Công nghiệp")
    learner = EmployeeFactory(agency=agency, unit=unit, employee_code="SCT0011", full_name="Nguyễn Thị Hồng Nhung")
    peer = EmployeeFactory(agency=agency, unit=unit, employee_code="SCT0012", full_name="Đặng Văn Khoa")
    head = EmployeeFactory(agency=agency, unit=unit, employee_code="SCT0010", full_name="Lê Quang Vinh",
                           position="Trưởng phòng")
    for person, role in ((learner, roles.LEARNER), (peer, roles.LEARNER), (head, roles.UNIT_HEAD)):
        give_role(person.user, role)
    today = timezone.localdate()
    campaign = campaign_load(agency=agency, data=PLAN.format(year=today.year, start=today - dt.timedelta(days=30),
                                                             due=today + dt.timedelta(days=35))).campaign
    directive = directive_resolve("59/2023/NĐ-CP")
    ReflectionPrompt.objects.create(campaign=campaign, directive=directive,
                                    instructions="Nêu những việc đơn vị phải công khai và việc bản thân sẽ làm.")
    # a colleague's earlier reflection, much like the one the learner will write: the originality signal
    reflection_save(campaign=campaign, directive=directive, actor=peer.user, submit=True,
                    text=TEXT.replace("hòm thư", "hộp thư góp ý"))
    return learner


def _open_grading(page, live_server):
    page.goto(f"{live_server.url}/admin/bai-thu-hoach/?status=submitted")
    page.click("tr:has-text('Nguyễn Thị Hồng Nhung') a.button")
    page.wait_for_load_state("networkidle")


def test_write_return_resubmit_and_pass(page, phone_page, live_server, world, screenshot):
    learner = phone_page
    login(learner, live_server, "SCT0011")
    item = learner.locator('li.ml-item[data-requirement="59/2023/NĐ-CP"]')
    assert item.get_attribute("data-status") == "pending"
    item.locator("text=Viết bài thu hoạch").click()
    learner.wait_for_load_state("networkidle")
    assert "Nêu những việc đơn vị phải công khai" in learner.inner_text("main")
    learner.fill("textarea[name=text]", TEXT)
    assert "Số từ: " in learner.inner_text(".rf-counter")
    learner.click("button[name=submit]")
    learner.wait_for_load_state("networkidle")
    assert "chờ chấm" in learner.inner_text(".rf-write")
    assert Reflection.objects.get(employee__employee_code="SCT0011").status == ReflectionStatus.SUBMITTED

    # the unit head returns it with a comment
    login(page, live_server, "SCT0010")
    page.set_viewport_size({"width": 1366, "height": 900})
    _open_grading(page, live_server)
    similar = page.inner_text(".rf-originality")
    assert "Đặng Văn Khoa" in similar and "%" in similar
    page.fill("textarea[name=comment]", "Cần nêu cụ thể thời hạn trả lời góp ý của doanh nghiệp.")
    page.click("button[value=returned]")
    page.wait_for_load_state("networkidle")
    assert "Đã trả lại bài" in page.inner_text("body")

    # the learner reads the comment, changes the text and submits again
    learner.goto(f"{live_server.url}/")
    item = learner.locator('li.ml-item[data-requirement="59/2023/NĐ-CP"]')
    item.locator("text=Sửa bài thu hoạch được trả lại").click()
    learner.wait_for_load_state("networkidle")
    assert "Cần nêu cụ thể thời hạn" in learner.inner_text(".rf-reviews")
    learner.fill("textarea[name=text]", TEXT + " Mọi góp ý được trả lời trong 05 ngày làm việc.")
    screenshot(learner, "reflection-learner-390")
    learner.click("button[name=submit]")
    learner.wait_for_load_state("networkidle")
    assert "chờ chấm" in learner.inner_text(".rf-write")

    # the head grades it Đạt
    _open_grading(page, live_server)
    assert "05 ngày làm việc" in page.inner_text(".rf-text")
    screenshot(page, "reflection-grading-1366")
    page.fill("textarea[name=comment]", "Đạt yêu cầu.")
    page.click("button[value=passed]")
    page.wait_for_load_state("networkidle")
    assert "Đã chấm bài của Nguyễn Thị Hồng Nhung: Đạt" in page.inner_text("body")

    # the requirement is completed, by a reflection, dated today (the day of the submission)
    learner.goto(f"{live_server.url}/")
    item = learner.locator('li.ml-item[data-requirement="59/2023/NĐ-CP"]')
    assert item.get_attribute("data-status") == "completed"
    assert f"Bài thu hoạch · {timezone.localdate():%d/%m/%Y}" in item.inner_text()
