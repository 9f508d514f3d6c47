"""Two agencies, a campaign in each, and tokens made the way an operator makes them."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from tests.factories import EmployeeFactory, make_agency, make_unit
from tests.learning.compliance_helpers import D, attend, exempt, make_campaign, make_directive, make_session, manual


def create_token(agency_code: str, name: str = "LMS tỉnh", write: bool = False) -> str:
    out = io.StringIO()
    args = ["create_api_token", "--agency", agency_code, "--name", name] + (["--write"] if write else [])
    call_command(*args, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def world(db):
    agency = make_agency("SCT", "Sở Công Thương Tây Ninh")
    vp = make_unit(agency, "VP", "Văn phòng Sở")
    ttra = make_unit(agency, "TTRA", "Thanh tra Sở")
    other = make_agency("SYT", "Sở Y tế Tây Ninh")
    make_unit(other, "KHTC", "Phòng Kế hoạch")
    agency.refresh_from_db()
    other.refresh_from_db()
    d1, d2 = make_directive("23-QĐ/TW"), make_directive("33/CT-TTg")
    campaign = make_campaign(agency, [d1, d2])
    other_campaign = make_campaign(other, [d1], slug="syt-2024")
    giam_doc = EmployeeFactory(agency=agency, unit=agency, employee_code="SCT001", full_name="Lê Văn Giám",
                               category="can_bo")
    an = EmployeeFactory(agency=agency, unit=vp, employee_code="SCT010", full_name="Nguyễn Thị An")
    binh = EmployeeFactory(agency=agency, unit=vp, employee_code="SCT002", full_name="Trần, Văn Bình",
                           category="nguoi_lao_dong")
    cuong = EmployeeFactory(agency=agency, unit=ttra, employee_code="SCT005", full_name="Phạm Văn Cường",
                            category="vien_chuc")
    stranger = EmployeeFactory(agency=other, unit=other, employee_code="SYT001", full_name="Người Sở Khác")
    session = make_session(campaign, D(2024, 5, 10), [d1, d2])
    for person in (giam_doc, an):
        attend(session, person)
    manual(binh, d1, D(2024, 11, 3))
    exempt(campaign, cuong)
    return {
        "agency": agency, "other": other, "campaign": campaign, "other_campaign": other_campaign,
        "d1": d1, "d2": d2, "binh": binh, "stranger": stranger, "vp": vp,
    }


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache, which outlives a test's database."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
