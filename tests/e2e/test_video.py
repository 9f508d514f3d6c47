"""A learner on a phone watches a lesson's video to the threshold and the requirement turns
completed in "Việc học của tôi"; a seek to the end does not count. Chromium plays the 6-second
sample WebM (VP8 + Opus: open codecs, which Debian's Chromium has) at 2× speed, muted."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Collection, Locale, Page

from courses.models import VideoProgress
from tests.courses import helpers
from tests.e2e.conftest import login
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles
from tests.learning.compliance_helpers import make_campaign

pytestmark = pytest.mark.django_db(transaction=True)

PLAY = "v => { v.muted = true; v.playbackRate = 2; return v.play(); }"


def settled(page):
    """Wait until no heartbeat is in flight: the pause and the end each send one, and the test's
    in-memory SQLite refuses a read while the server thread writes (a real database waits)."""
    page.wait_for_timeout(200)  # an "again" beat queued behind the one in flight starts within a tick
    page.wait_for_function("() => !document.querySelector('video.lesson-video').dataset.sending", timeout=10_000)


@pytest.fixture
def world():
    # A transactional test flushes the rows Wagtail's migrations made: put the roots back.
    Locale.objects.get_or_create(language_code="vi")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    agency = make_agency()
    unit = make_unit(agency, "VP", "Văn phòng Sở")
    law = helpers.directive("10/2022/QH15", doc_type="luat", issued=dt.date(2022, 11, 10),
                            title="Luật Thực hiện dân chủ ở cơ sở")
    lesson = helpers.video_lesson(helpers.course("Dân chủ ở cơ sở", directives=[law]),
                                  "Bài giảng: Luật Thực hiện dân chủ ở cơ sở", directives=[law])
    today = timezone.localdate()
    make_campaign(agency, [law], slug="dan-chu-co-so", start=today - dt.timedelta(days=10),
                  due=today + dt.timedelta(days=30))
    person = EmployeeFactory(agency=agency, unit=unit, employee_code="SCT0031", full_name="Trần Thị Ngọc Ánh")
    give_role(person.user, roles.LEARNER)
    return lesson, person


def requirement(page):
    return page.locator('li.ml-item[data-requirement="10/2022/QH15"]')


def test_phone_learner_watches_to_the_threshold_and_the_status_changes(phone_page, live_server, world, screenshot):
    lesson, person = world
    page = phone_page
    login(page, live_server, "SCT0031")
    page.goto(f"{live_server.url}/")
    item = requirement(page)
    assert item.get_attribute("data-status") == "pending"
    offer = item.locator('a[data-kind="video"]')
    assert offer.inner_text() == "Xem video bài giảng · Đã xem 0% — cần 90%"
    offer.click()
    page.wait_for_load_state("networkidle")
    video = page.locator("video.lesson-video")
    assert video.get_attribute("preload") == "metadata" and page.locator("video track[srclang=vi]").count() == 1
    page.wait_for_function("() => document.querySelector('video.lesson-video').readyState >= 1")  # metadata, by a range
    assert page.inner_text(".video-status") == "Đã xem 0% — cần 90%"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page is {width}px wide on a 390px phone"
    screenshot(page, "lesson-video-phone")

    video.evaluate(PLAY)
    page.wait_for_function("() => document.querySelector('video.lesson-video').ended", timeout=20_000)
    page.wait_for_function("() => document.querySelector('video.lesson-video').dataset.reached === '1'", timeout=10_000)
    settled(page)
    status = page.inner_text(".video-status")
    assert status.startswith("✓ Đã xem đủ ngày") and "được ghi nhận là đã học" in status
    progress = VideoProgress.objects.get(employee=person, lesson=lesson)
    assert progress.percent >= 90 and progress.reached_on == timezone.localdate()
    screenshot(page, "lesson-video-watched-phone")

    page.goto(f"{live_server.url}/")
    item = requirement(page)
    assert item.get_attribute("data-status") == "completed"
    assert "Xem video bài giảng · " + timezone.localdate().strftime("%d/%m/%Y") in item.inner_text()
    assert item.locator('a[data-kind="video"]').count() == 0
    screenshot(page, "my-learning-video-completed-phone", full_page=False)


def test_a_seek_to_the_end_does_not_count(page, live_server, world):
    lesson, person = world
    login(page, live_server, "SCT0031")
    page.goto(f"{live_server.url}{lesson.url}")
    video = page.locator("video.lesson-video")
    page.wait_for_function("() => document.querySelector('video.lesson-video').readyState >= 1")
    video.evaluate(PLAY)
    page.wait_for_function("() => document.querySelector('video.lesson-video').currentTime > 1")
    video.evaluate("v => { v.currentTime = 5.5; }")  # drag the slider to the end
    page.wait_for_function("() => document.querySelector('video.lesson-video').ended", timeout=20_000)
    page.wait_for_function("() => Number(document.querySelector('video.lesson-video').dataset.beats || 0) >= 2")
    settled(page)
    progress = VideoProgress.objects.get(employee=person, lesson=lesson)
    assert 10 <= progress.percent < 50 and not progress.reached, progress.intervals
    assert progress.intervals[-1][1] == pytest.approx(6, abs=0.1)  # the end was played, the middle skipped
    assert page.inner_text(".video-status") == f"Đã xem {progress.percent}% — cần 90%"
    page.goto(f"{live_server.url}/")
    assert requirement(page).get_attribute("data-status") == "pending"
