"""HR opens the compliance dashboard in the admin, filters it and downloads the report on screen."""

from __future__ import annotations

import csv
import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from reports.models import Reminder
from tests.e2e.conftest import login
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles
from tests.learning.compliance_helpers import attend, make_campaign, make_directive, make_session, manual

pytestmark = pytest.mark.django_db(transaction=True)
D = dt.date


@pytest.fixture
def world():
    agency = make_agency()
    qlcn = make_unit(agency, "QLCN", "Phòng Quản lý Công nghiệp")
    vp = make_unit(agency, "VP", "Văn phòng Sở")
    d1, d2 = make_directive("23-QĐ/TW"), make_directive("33/CT-TTg")
    campaign = make_campaign(agency, [d1, d2], start=D(2024, 4, 1), due=D(2024, 10, 31))
    hr = EmployeeFactory(agency=agency, unit=vp, employee_code="SCT0002", full_name="Trần Thị Thu Hương")
    give_role(hr.user, roles.HR)
    staff = [EmployeeFactory(agency=agency, unit=qlcn, employee_code=f"SCT01{i}", full_name=name)
             for i, name in enumerate(["Nguyễn Thị Hồng Nhung", "Lê Văn Đức", "Phạm Thị Ánh"])]
    staff.append(EmployeeFactory(agency=agency, unit=vp, employee_code="SCT0201", full_name="Võ Minh Tâm"))
    session = make_session(campaign, D(2024, 5, 10), [d1, d2])
    attend(session, staff[0])
    attend(session, hr)
    manual(staff[1], d1, D(2024, 6, 1))
    return campaign, qlcn


def test_hr_filters_the_dashboard_and_exports_the_report(page, phone_page, live_server, world, screenshot):
    campaign, qlcn = world
    login(page, live_server, "SCT0002")
    page.goto(f"{live_server.url}/admin/")
    assert "Tình hình học tập, quán triệt" in page.inner_text("main")
    page.click("text=Xem bảng theo dõi")
    page.wait_for_load_state("networkidle")
    assert "Phòng Quản lý Công nghiệp" in page.inner_text("[data-table=by_unit]")
    page.fill("#id_as_of", "2024-11-05")
    page.click(".lh-filters button[type=submit]")
    page.wait_for_load_state("networkidle")
    page.click(".lh-tabs >> text=Chi tiết")
    page.wait_for_load_state("networkidle")
    page.select_option("#id_unit", str(qlcn.pk))
    page.select_option("#id_status", "overdue")
    page.click(".lh-filters button[type=submit]")
    page.wait_for_load_state("networkidle")
    table = page.inner_text("[data-table=detail]")
    assert "Phạm Thị Ánh" in table and "Võ Minh Tâm" not in table and "Nguyễn Thị Hồng Nhung" not in table
    screenshot(page, "hr-dashboard-detail-filtered")
    with page.expect_download() as info:
        page.click("[data-export=csv]")
    download = info.value
    assert download.suggested_filename == "dan-van-2024-detail-2024-11-05.csv"
    rows = list(csv.DictReader(io.StringIO(open(download.path(), encoding="utf-8-sig").read())))
    assert {r["employee_code"] for r in rows} == {"SCT011", "SCT012"}
    assert {r["status"] for r in rows} == {"overdue"}
    with page.expect_download() as info:
        page.click("[data-report=compliance-pdf]")
    assert info.value.suggested_filename.endswith(".pdf")
    page.click(".lh-tabs >> text=Quá hạn")
    page.wait_for_load_state("networkidle")
    page.click("[data-remind=SCT012]")
    page.wait_for_load_state("networkidle")
    assert "Đã gửi 1 thư nhắc" in page.inner_text("body")
    reminder = Reminder.objects.get()
    assert reminder.employee.employee_code == "SCT012" and reminder.kind == "manual"
    assert [m.to for m in mail.outbox] == [[reminder.employee.email]]
    row = page.inner_text("[data-employee=SCT012]")
    assert reminder.sent_at.astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).strftime("%d/%m/%Y") in row
    screenshot(page, "hr-dashboard-overdue-reminded")
    page.click(".lh-tabs >> text=Theo đơn vị")
    page.wait_for_load_state("networkidle")
    screenshot(page, "hr-dashboard-by-unit")
    login(phone_page, live_server, "SCT0002")
    phone_page.goto(f"{live_server.url}/admin/tinh-hinh-hoc-tap/?campaign={campaign.pk}&as_of=2024-11-05")
    phone_page.wait_for_load_state("networkidle")
    assert "Phòng Quản lý Công nghiệp" in phone_page.inner_text("[data-table=by_unit]")
    screenshot(phone_page, "hr-dashboard-by-unit-phone")
