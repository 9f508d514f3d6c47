"""A learner finds their certificate, downloads the PDF, and anyone verifies it from its code."""

import datetime as dt

import pytest
from pypdf import PdfReader

from certificates.services import certificate_issue
from tests.certificates.conftest import Scenario
from tests.e2e.conftest import login
from tests.factories import give_role, roles

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def certificate():
    scenario = Scenario()
    learner = scenario.person("SCT0011", "Nguyễn Thị Hồng Nhung")
    give_role(learner.user, roles.LEARNER)
    scenario.study(learner)
    issued, _ = certificate_issue(employee=learner, campaign=scenario.campaign, as_of=dt.date(2024, 11, 15))
    return issued


def test_learner_downloads_certificate_and_it_verifies(page, phone_page, live_server, certificate, screenshot,
                                                       tmp_path):
    login(page, live_server, "SCT0011")
    page.click("text=Chứng nhận của tôi")
    page.wait_for_load_state("networkidle")
    main = page.inner_text("main")
    assert certificate.serial in main and certificate.display_code in main
    screenshot(page, "certificates-mine")
    with page.expect_download() as download_info:
        page.click("text=Tải giấy chứng nhận (PDF)")
    target = tmp_path / "gcn.pdf"
    download_info.value.save_as(target)
    text = PdfReader(target).pages[0].extract_text()
    assert "Nguyễn Thị Hồng Nhung" in text and certificate.serial in text

    # The public page, as a phone that scanned the QR code would open it (no login).
    phone_page.goto(f"{live_server.url}/verify/{certificate.display_code.lower()}/")
    body = phone_page.inner_text("main")
    assert "Nguyễn Thị Hồng Nhung" in body and "hợp lệ" in body
    assert "SCT0011" not in body
    screenshot(phone_page, "certificates-verify-phone")

    login(phone_page, live_server, "SCT0011")
    phone_page.goto(f"{live_server.url}/chung-nhan/")
    screenshot(phone_page, "certificates-mine-phone")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390


def test_typing_a_code_on_the_verify_form(page, live_server, certificate, screenshot):
    page.goto(f"{live_server.url}/verify/")
    page.fill("#id_code", certificate.display_code.replace("-", " ").lower())
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "Nguyễn Thị Hồng Nhung" in page.inner_text("main")
    screenshot(page, "certificates-verify")
    page.goto(f"{live_server.url}/verify/AAAA-BBBB-CCCC-DDDD-EEEE/")
    assert "Không tìm thấy" in page.inner_text("main")


def test_hr_revokes_from_the_register(page, live_server, certificate, screenshot):
    hr = certificate.employee.__class__.objects.get(pk=certificate.employee_id)
    from tests.factories import EmployeeFactory

    officer = EmployeeFactory(agency=hr.agency, unit=hr.unit, employee_code="SCT0002", full_name="Trần Thị Thu Hương")
    give_role(officer.user, roles.HR)
    login(page, live_server, "SCT0002")
    page.goto(f"{live_server.url}/admin/so-cap-giay-chung-nhan/")
    page.wait_for_load_state("networkidle")
    assert certificate.serial in page.inner_text("main")
    screenshot(page, "certificates-admin-register")
    page.goto(f"{live_server.url}/admin/giay-chung-nhan/thu-hoi/{certificate.pk}/")
    page.fill("textarea[name=reason]", "Cấp nhầm người")
    screenshot(page, "certificates-admin-revoke")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    page.goto(f"{live_server.url}{certificate.verify_path()}")
    assert "thu hồi" in page.inner_text("main")
    screenshot(page, "certificates-verify-revoked")

    # The ZIP of the campaign, built by a task (immediate here) and offered once complete.
    page.goto(f"{live_server.url}/admin/giay-chung-nhan/tac-vu/")
    page.check("input[name=kind][value=zip]")
    page.select_option("select[name=campaign]", str(certificate.campaign_id))
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "Hoàn thành" in page.inner_text("main")
    screenshot(page, "certificates-admin-jobs")
