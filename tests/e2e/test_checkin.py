"""QR check-in end to end: HR projects the code, a learner's phone opens the URL in the code,
logs in, comes back and is checked in; an expired code is refused. Screenshots in test-artifacts."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.utils import timezone

from learning.models import Attendance, CheckinAttempt
from learning.services.checkin import checkin_code
from learning.services.sessions import session_create
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles
from tests.learning.compliance_helpers import make_campaign, make_directive

pytestmark = pytest.mark.django_db(transaction=True)


def _ensure_wagtail_root() -> None:
    """Transactional tests flush the tables, and with them the locale and root page that Wagtail's
    migrations made; directives need both."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page

    locale, _ = Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


@pytest.fixture
def running_session():
    agency = make_agency()
    unit = make_unit(agency, "QLCN", "Phòng Quản lý Công nghiệp")
    _ensure_wagtail_root()
    directive = make_directive("23-QĐ/TW")
    now = timezone.localtime()
    campaign = make_campaign(agency, [directive], start=now.date() - dt.timedelta(days=30),
                             due=now.date() + dt.timedelta(days=30), slug="dan-van")
    start = (now - dt.timedelta(minutes=5)).time() if now.hour >= 1 else dt.time(0, 0)
    end = (now + dt.timedelta(hours=2)).time() if now.hour < 21 else dt.time(23, 59)
    session = session_create(campaign=campaign, title="Hội nghị quán triệt Quyết định 23-QĐ/TW",
                             date=now.date(), directives=[directive], start_time=start, end_time=end,
                             location="Hội trường Sở Công Thương")
    # Just after midnight the session can only start at 00:00; a wide grace keeps this flow test
    # about the QR round trip ("present") whatever the hour. Lateness is tested with a frozen clock.
    session.late_grace_minutes = 180
    session.save(update_fields=["late_grace_minutes"])
    learner = EmployeeFactory(agency=agency, unit=unit, employee_code="SCT0011", full_name="Nguyễn Thị Hồng Nhung")
    hr = EmployeeFactory(agency=agency, unit=unit, employee_code="SCT0002", full_name="Trần Thị Thu Hương")
    give_role(learner.user, roles.LEARNER)
    give_role(hr.user, roles.HR)
    return session, learner, hr


def _decode_qr(png: bytes) -> str:
    import zxingcpp
    from PIL import Image

    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert found, "no QR code found on the projector screenshot"
    return found[0].text


def _log_in_here(page, username: str) -> None:
    page.fill("#id_username", username)
    page.fill("#id_password", "pw")
    page.click("button[type=submit].primary")
    page.wait_for_load_state("networkidle")


def test_learner_scans_projected_code_logs_in_and_is_checked_in(page, phone_page, live_server, running_session,
                                                                screenshot):
    session, learner, hr = running_session
    page.goto(f"{live_server.url}/dang-nhap/")
    _log_in_here(page, "SCT0002")
    page.goto(f"{live_server.url}/hoi-nghi/{session.pk}/trinh-chieu/")
    page.wait_for_selector("#qr svg")
    screenshot(page, "checkin-projector", full_page=False)
    url = _decode_qr(page.locator("#qr").screenshot())
    assert url.startswith("http") and "/diem-danh/" in url
    scanned = live_server.url + "/diem-danh/" + url.split("/diem-danh/", 1)[1]  # the host the test server runs on

    phone_page.goto(scanned)
    assert "/dang-nhap/" in phone_page.url
    screenshot(phone_page, "checkin-login-phone")
    _log_in_here(phone_page, "SCT0011")
    assert "/diem-danh/" in phone_page.url  # back at the check-in after logging in
    assert "Hội nghị quán triệt Quyết định 23-QĐ/TW" in phone_page.inner_text("#checkin")
    screenshot(phone_page, "checkin-confirm-phone")
    phone_page.click("#confirm-checkin")
    phone_page.wait_for_load_state("networkidle")
    assert "Đã điểm danh: Có mặt" in phone_page.inner_text("#checkin-outcome")
    screenshot(phone_page, "checkin-done-phone")
    attendance = Attendance.objects.get(session=session)
    assert (attendance.employee, attendance.status, attendance.method) == (learner, "present", "qr")

    phone_page.goto(scanned)  # scanning again is harmless
    assert "không cần quét lại" in phone_page.inner_text("#checkin-outcome")
    assert Attendance.objects.count() == 1

    page.goto(f"{live_server.url}/admin/hoi-nghi/{session.pk}/diem-danh/")
    assert "Có mặt: 1" in page.inner_text("#attendance-counts").replace("\n", " ")
    screenshot(page, "checkin-admin-grid")


def test_expired_code_is_refused_with_a_clear_message(phone_page, live_server, running_session, screenshot):
    session, learner, _ = running_session
    old = checkin_code(session=session, now=timezone.now() - dt.timedelta(minutes=3)).token
    phone_page.goto(f"{live_server.url}/dang-nhap/")
    _log_in_here(phone_page, "SCT0011")
    phone_page.goto(f"{live_server.url}/diem-danh/{old}/")
    message = phone_page.inner_text("#checkin-outcome")
    assert "Mã QR này đã hết hạn" in message and "quét lại mã đang hiển thị" in message
    assert phone_page.locator("#confirm-checkin").count() == 0
    screenshot(phone_page, "checkin-expired-phone")
    assert not Attendance.objects.exists()
    attempt = CheckinAttempt.objects.get()
    assert (attempt.employee, attempt.successful, attempt.error_reason) == (learner, False, "expired")
