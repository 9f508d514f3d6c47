"""HR loads a roster in the admin: a faulty file lists its problems, a good one is previewed,
then applied; the staff list shows the new people (desktop and phone)."""

import pytest

from org.models import Employee
from tests.e2e.conftest import login
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles

pytestmark = pytest.mark.django_db(transaction=True)

HEADER = "Mã cán bộ,Họ và tên,Email,Đơn vị,Chức vụ,Loại,Ngày vào cơ quan\n"


@pytest.fixture
def hr():
    agency = make_agency()
    unit = make_unit(agency, "VP", "Văn phòng Sở")
    hr = EmployeeFactory(agency=agency, unit=unit, employee_code="SCT0002", full_name="Trần Thị Thu Hương")
    give_role(hr.user, roles.HR)
    return hr


def upload(page, live_server, path, create_units=False):
    page.goto(f"{live_server.url}/admin/nap-danh-sach-can-bo/")
    page.set_input_files("input[name=file]", str(path))
    if create_units:
        page.check("input[name=create_units]")
    page.click("main button[type=submit]")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("device", ["page", "phone_page"])
def test_hr_uploads_previews_and_applies_a_roster(request, device, live_server, hr, tmp_path, screenshot):
    page = request.getfixturevalue(device)
    login(page, live_server, "SCT0002")
    bad = tmp_path / "loi.csv"
    bad.write_text(HEADER + "SCT0500,Trương Văn Mới,moi@,VP,,Công chức,31/02/2024\n", encoding="utf-8")
    upload(page, live_server, bad)
    problems = page.inner_text("table.roster-problems")
    assert '"moi@" không phải địa chỉ email hợp lệ' in problems and '"31/02/2024" không phải ngày có thật' in problems
    screenshot(page, f"roster-problems-{device}")

    good = tmp_path / "danh-sach.csv"
    good.write_text(HEADER + "SCT0500,Trương Văn Mới,moi@sct.gov.vn,Văn phòng Sở,Chuyên viên,Công chức,15/09/2024\n"
                    "SCT0501,Lâm Thị Ngọc Hân,,Phòng Pháp chế,,Viên chức,\n", encoding="utf-8")
    upload(page, live_server, good, create_units=True)
    assert page.inner_text("[data-count=created]") == "2"
    assert "Phòng Pháp chế" in page.inner_text("main")
    assert not Employee.objects.filter(employee_code="SCT0500").exists()
    screenshot(page, f"roster-preview-{device}")

    page.click("main button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "/admin/can-bo/" in page.url
    assert "Lâm Thị Ngọc Hân" in page.inner_text("main")
    assert Employee.objects.get(employee_code="SCT0501").unit.name == "Phòng Pháp chế"
    screenshot(page, f"roster-applied-{device}")
