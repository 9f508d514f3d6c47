"""HR creates an API token in the admin, copies the secret shown once, and the token reads the
agency's campaigns; the API's docs page renders (Swagger UI from our origin, under the site's CSP)."""

import re

import pytest

from tests.e2e.conftest import login
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles
from tests.learning.compliance_helpers import make_campaign, make_directive

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def hr():
    agency = make_agency()
    unit = make_unit(agency, "VP", "Văn phòng Sở")
    make_campaign(agency, [make_directive("23-QĐ/TW")])
    hr = EmployeeFactory(agency=agency, unit=unit, employee_code="SCT0002", full_name="Trần Thị Thu Hương")
    give_role(hr.user, roles.HR)
    return hr


def test_hr_creates_a_token_and_reads_the_docs(page, live_server, hr, screenshot):
    login(page, live_server, "SCT0002")
    page.goto(f"{live_server.url}/admin/khoa-api/")
    page.fill("input[name=name]", "Hệ thống học trực tuyến của tỉnh")
    page.check("input[name=can_write]")
    page.click("main button[type=submit]:has-text('Tạo khóa')")
    page.wait_for_load_state("networkidle")
    secret = page.inner_text("#api-token-secret").strip()
    assert re.fullmatch(r"ctk_[A-Za-z0-9_-]{43}", secret)
    assert "Đọc và ghi" in page.inner_text("table.listing")
    screenshot(page, "api-token-created")

    response = page.request.get(f"{live_server.url}/api/v1/campaigns", headers={"Authorization": f"Bearer {secret}"})
    assert response.status == 200 and response.json()[0]["slug"] == "dan-van-2024"

    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{live_server.url}/api/v1/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15000)
    assert "/api/v1/campaigns/{slug}/compliance" in page.inner_text("#swagger-ui")
    assert not [e for e in errors if "Content Security Policy" in e], errors
    screenshot(page, "api-docs")
