"""A province officer (Sở Nội vụ) opens the province dashboard and drills down to one agency's
departments: aggregates only, both named rates, no names."""

from __future__ import annotations

import datetime as dt

import pytest

from learning.models import Attendance, Campaign, StudySession
from learning.services.province_campaigns import province_campaign_load
from org.services.agencies import agency_ensure
from org.services.provinces import province_ensure, province_officer_ensure
from tests.e2e.conftest import login
from tests.factories import EmployeeFactory, UserFactory, make_unit
from tests.learning.compliance_helpers import make_directive

pytestmark = pytest.mark.django_db(transaction=True)
PLAN = """\
slug: dan-van-2024
title: Học tập, quán triệt văn bản về công tác dân vận chính quyền năm 2024
start: 2024-04-01
due: 2024-10-31
requirements:
  - directive: 23-QĐ/TW
  - directive: 33/CT-TTg
"""


@pytest.fixture
def world():
    make_directive("23-QĐ/TW")
    make_directive("33/CT-TTg")
    province, _ = province_ensure(code="TN", name="Tỉnh Tây Ninh")
    agencies = [agency_ensure(code=code, name=name, province=province)[0]
                for code, name in (("SCT", "Sở Công Thương Tây Ninh"), ("SYT", "Sở Y tế Tây Ninh"))]
    province_campaign_load(province=province, data=PLAN)
    agency_ensure(code="SXD", name="Sở Xây dựng Tây Ninh", province=province)
    for agency in agencies:
        for code, name in (("VP", "Văn phòng"), ("TTRA", "Thanh tra")):
            unit = make_unit(agency, code, name)
            for i in range(3):
                EmployeeFactory(agency=agency, unit=unit, employee_code=f"{agency.code}{code}{i}",
                                full_name=f"Nguyễn Văn {agency.code} {code} {i}")
    campaign = Campaign.objects.get(agency=agencies[0])
    session = StudySession.objects.create(campaign=campaign, title="Hội nghị quán triệt", date=dt.date(2024, 5, 10))
    session.directives.set([r.directive_id for r in campaign.requirements.all()])
    for employee in campaign.agency.agency_staff.filter(unit__code="VP"):
        Attendance.objects.create(session=session, employee=employee, status="present")
    user = UserFactory(username="sonoivu")
    province_officer_ensure(user=user, province=province, body="Sở Nội vụ")
    return agencies


def test_province_officer_dashboard_then_agency(page, live_server, world, screenshot):
    login(page, live_server, "sonoivu")
    page.goto(f"{live_server.url}/admin/toan-tinh/?as_of=2024-12-01")
    page.wait_for_load_state("networkidle")
    table = page.inner_text("[data-table=agencies]")
    assert "Sở Công Thương Tây Ninh" in table and "Sở Y tế Tây Ninh" in table
    assert "Chưa triển khai" in page.inner_text("[data-agency=SXD]")
    assert "50,0%" in page.inner_text("[data-agency=SCT]") or "50.0%" in page.inner_text("[data-agency=SCT]")
    assert "Nguyễn Văn" not in page.inner_text("main")
    assert page.locator("[data-list=by-completion] li").first.inner_text().startswith("Sở Y tế")
    screenshot(page, "province-dashboard")
    page.click("[data-agency=SCT] a")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-page=province-agency]").count() == 1
    units = page.inner_text("[data-table=units]")
    assert "Văn phòng" in units and "Thanh tra" in units
    assert page.locator("[data-grant=none]").count() == 1
    assert "Nguyễn Văn" not in page.inner_text("main")
    screenshot(page, "province-agency-drill-down")
