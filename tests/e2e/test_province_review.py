"""The submission to the province and its review in a browser (#15 item 4): an agency's HR sends
its annual report and dossier; the province officer goes dashboard → agency → dossier → review
(scores and comments), returns it once, the agency sends again, the officer finalises and publishes
the results table, which the agency then reads. Screenshots at 1366 px (docs/province.md)."""

from __future__ import annotations

import pytest

from reports.models import Submission, SubmissionStatus
from reports.services.submissions import submission_send
from tests.e2e.conftest import login
from tests.reports.submission_helpers import build_world

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def wide(browser):
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh",
                                  viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


@pytest.fixture
def agency_page(browser):
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh",
                                  viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)  # sending builds the evidence pack
    yield page
    context.close()


def _send_in_browser(page, live_server, dossier_pk):
    page.goto(f"{live_server.url}/admin/gui-tinh/")
    page.click("[data-table=dossiers] [data-year='2024'] a")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-page=agency-submission]").count() == 1
    page.click("[data-form=send] button[type=submit]")
    page.wait_for_load_state("networkidle")


def test_agency_hr_sends_the_report_and_dossier(agency_page, live_server, screenshot):
    world = build_world()
    page = agency_page
    login(page, live_server, "HRA")
    _send_in_browser(page, live_server, world.dossier_a.pk)
    assert page.locator("[data-state=submitted]").count() >= 1
    assert page.locator("[data-round='1']").count() == 1
    assert page.locator("[data-form=send]").count() == 0  # no second sending until a return
    assert "Đã gửi hồ sơ lên tỉnh (lần 1)" in page.inner_text("body")
    submission = Submission.objects.get(agency=world.agency_a)
    assert submission.status == SubmissionStatus.SUBMITTED and submission.rounds.get().pack_sha256
    screenshot(page, "agency-submission-sent")


def test_officer_reviews_returns_finalises_and_publishes(wide, agency_page, live_server, screenshot):
    world = build_world()
    submission_send(dossier=world.dossier_b, report=world.report_b, actor=world.hr_b)
    officer, agency = wide, agency_page
    login(agency, live_server, "HRA")
    _send_in_browser(agency, live_server, world.dossier_a.pk)

    # dashboard → agency → dossier
    login(officer, live_server, "sonoivu")
    officer.goto(f"{live_server.url}/admin/toan-tinh/?campaign=dan-van-2024&as_of=2024-12-01")
    officer.wait_for_load_state("networkidle")
    officer.click("[data-table=agencies] [data-agency=SCT] a")
    officer.wait_for_load_state("networkidle")
    assert officer.locator("[data-page=province-agency]").count() == 1
    officer.click("[data-section=submission] [data-link=dossier]")
    officer.wait_for_load_state("networkidle")
    assert officer.locator("[data-page=review-submission]").count() == 1
    assert "Học tập, quán triệt Quyết định 23-QĐ/TW" in officer.inner_text("[data-table=criteria]")

    # review: scores and comments beside the self-scores
    officer.click("[data-action=review]")
    officer.wait_for_load_state("networkidle")
    officer.fill("input[name='points-1.1']", "17")
    officer.fill("textarea[name='comment-1.1']", "Kế hoạch ban hành chậm so với hướng dẫn của tỉnh")
    officer.fill("input[name='points-1.2']", "9,5")
    officer.fill("input[name='points-2']", "55")
    officer.fill("textarea[name='comment-2']", "Thiếu biên bản hội nghị cán bộ, công chức")
    screenshot(officer, "province-review-form")
    officer.click("[data-form=review] button[type=submit]")
    officer.wait_for_load_state("networkidle")
    assert officer.inner_text("[data-code='1'] [data-reviewed]") == "26,5"

    # return once, with comments
    officer.fill("#id_comment", "Đề nghị bổ sung biên bản hội nghị cán bộ, công chức năm 2024 (tiêu chí 2).")
    officer.click("[data-form=return] button[type=submit]")
    officer.wait_for_load_state("networkidle")
    assert officer.locator("[data-state=returned]").count() >= 1

    # the agency reads the comment and sends again
    agency.goto(f"{live_server.url}/admin/gui-tinh/{world.dossier_a.pk}/")
    assert "bổ sung biên bản hội nghị" in agency.inner_text("[data-return-comment]")
    assert "Thiếu biên bản hội nghị" in agency.inner_text("[data-table=criteria]")
    agency.click("[data-form=send] button[type=submit]")
    agency.wait_for_load_state("networkidle")
    assert agency.locator("[data-round='2']").count() == 1

    # finalise: the rating follows the bands
    officer.reload()
    officer.click("[data-action=review]")
    officer.wait_for_load_state("networkidle")
    assert officer.input_value("input[name='points-2']") == "55"
    officer.fill("input[name='points-2']", "62")
    officer.fill("textarea[name='comment-2']", "Đã bổ sung biên bản")
    officer.click("[data-form=review] button[type=submit]")
    officer.wait_for_load_state("networkidle")
    screenshot(officer, "province-review-page")
    officer.click("[data-form=finalise] button[type=submit]")
    officer.wait_for_load_state("networkidle")
    assert "88,5 điểm, xếp loại Tốt" in officer.inner_text("[data-result]")

    # published results: queue → results → publish
    officer.click("text=← Thẩm định hồ sơ")
    officer.wait_for_load_state("networkidle")
    assert officer.inner_text("[data-table=queue] [data-agency=SCT]").count("Đã thẩm định") == 1
    officer.click("[data-link=results]")
    officer.wait_for_load_state("networkidle")
    officer.click("[data-form=publish] button[type=submit]")
    officer.wait_for_load_state("networkidle")
    row = officer.inner_text("[data-table=results] [data-agency=SCT]")
    assert "82,5" in row and "88,5" in row and "Tốt" in row
    assert "Đã gửi, chờ thẩm định" in officer.inner_text("[data-table=results] [data-agency=SYT]")
    screenshot(officer, "province-results-published")

    # the agency reads the published table
    agency.goto(f"{live_server.url}/admin/gui-tinh/{world.dossier_a.pk}/")
    agency.click("[data-link=results]")
    agency.wait_for_load_state("networkidle")
    assert "88,5" in agency.inner_text("[data-table=results] [data-agency=SCT]")
    assert Submission.objects.get(agency=world.agency_a).rating == "Tốt"
