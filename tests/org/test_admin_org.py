"""Organisation admin: scoped listings of units and staff, staff editing, the roster upload screen."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from core.uploads import UPLOAD_DIR
from org import roles
from org.models import AuditLog, Employee, OrgUnit
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit

pytestmark = pytest.mark.django_db
SESSION_KEY = "upload:roster"  # the roster's pending upload in the user's session (core.uploads)



@pytest.fixture
def org():
    agency = make_agency()
    vp = make_unit(agency, "VP", "Văn phòng Sở")
    ttkc = make_unit(agency, "TTKC", "Trung tâm Khuyến công")
    team = make_unit(ttkc, "TTKC-KC", "Tổ Khuyến công")
    other = make_agency(code="SYT", name="Sở Y tế")
    people = {
        "hr": EmployeeFactory(agency=agency, unit=vp, employee_code="HR01", full_name="Trần Thị Thu Hương"),
        "head": EmployeeFactory(agency=agency, unit=ttkc, employee_code="TP01", full_name="Lê Văn Hùng"),
        "kc": EmployeeFactory(agency=agency, unit=team, employee_code="KC01", full_name="Nguyễn Thị Ánh"),
        "clerk": EmployeeFactory(agency=agency, unit=vp, employee_code="VP01", full_name="Phạm Minh Tuấn"),
        "outsider": EmployeeFactory(agency=other, unit=other, employee_code="YT01", full_name="Võ Văn Khác"),
    }
    give_role(people["hr"].user, roles.HR)
    give_role(people["head"].user, roles.UNIT_HEAD)
    give_role(people["clerk"].user, roles.LEARNER)
    return {"agency": agency, "vp": vp, "ttkc": ttkc, "team": team, **people}


def codes_listed(client, **params):
    response = client.get(reverse("org_employee:index"), params)
    assert response.status_code == 200
    return {e.employee_code for e in response.context["object_list"]}


def test_hr_sees_the_whole_agency_and_nothing_else(client, org):
    client.force_login(org["hr"].user)
    assert codes_listed(client) == {"HR01", "TP01", "KC01", "VP01"}
    response = client.get(reverse("org_orgunit:index"))
    assert [u.code for u in response.context["object_list"]] == ["SCT", "TTKC", "TTKC-KC", "VP"]  # tree order, siblings by name
    assert "\u2003└ Tổ Khuyến công" in response.content.decode()
    assert client.get(reverse("org_employee:edit", args=[org["outsider"].pk])).status_code == 404


def test_unit_head_sees_only_own_subtree(client, org):
    client.force_login(org["head"].user)
    assert codes_listed(client) == {"TP01", "KC01"}
    response = client.get(reverse("org_orgunit:index"))
    assert {u.code for u in response.context["object_list"]} == {"TTKC", "TTKC-KC"}
    denied = client.get(reverse("org_employee:edit", args=[org["clerk"].pk]))  # no change permission
    assert denied.status_code == 302 and denied["Location"] == reverse("wagtailadmin_home")
    assert client.get(reverse("org_employee:history", args=[org["clerk"].pk])).status_code == 404
    refused = client.get(reverse("org_roster:upload"))  # HR only; Wagtail turns 403 into a redirect home
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")


def test_learner_gets_no_admin_access(client, org):
    client.force_login(org["clerk"].user)
    response = client.get(reverse("org_employee:index"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login") + "?next=")
    assert client.get(reverse("org_roster:upload")).status_code == 302


def test_filters_and_diacritics_insensitive_search(client, org):
    client.force_login(org["hr"].user)
    assert codes_listed(client, q="nguyen thi anh") == {"KC01"}
    assert codes_listed(client, q="HƯƠNG") == {"HR01"}
    assert codes_listed(client, q="vp01") == {"VP01"}
    assert codes_listed(client, unit=org["ttkc"].pk) == {"TP01", "KC01"}  # sub-units included
    org["clerk"].is_active = False
    org["clerk"].save()
    assert codes_listed(client, is_active="false") == {"VP01"}
    assert codes_listed(client, category="vien_chuc") == set()


def test_export_is_scoped(client, org):
    client.force_login(org["head"].user)
    response = client.get(reverse("org_employee:index"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Mã cán bộ" in body.splitlines()[0]
    assert "KC01" in body and "VP01" not in body and "YT01" not in body
    response = client.get(reverse("org_employee:index"), {"export": "xlsx"})
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert "xuất lúc" in rows[0][0]  # the title row (core.spreadsheets), then the header
    rows = rows[1:]
    assert rows[0][:4] == ("Mã cán bộ", "Họ và tên", "Email", "Mã đơn vị")
    assert sorted(r[0] for r in rows[1:]) == ["KC01", "TP01"]
    assert {r[6] for r in rows[1:]} == {"Công chức"}


def test_hr_adds_an_employee_with_an_account(client, org):
    client.force_login(org["hr"].user)
    response = client.post(reverse("org_employee:add"), {
        "employee_code": "VP09", "full_name": "Đặng Văn Mới", "email": "moi@sct.gov.vn", "unit": org["vp"].pk,
        "position": "Chuyên viên", "category": "cong_chuc", "start_date": "01/02/2024", "is_active": "on",
    })
    assert response.status_code == 302, response.context["form"].errors
    employee = Employee.objects.get(employee_code="VP09")
    assert employee.agency == org["agency"] and employee.search_name == "dang van moi"
    assert employee.user.username == "vp09" and employee.user.email == "moi@sct.gov.vn"


def test_an_edit_of_the_unit_is_a_move_dated_today_and_gender_is_kept(client, org):
    import datetime as dt

    from django.utils import timezone

    from org.models import UnitMove

    clerk = org["clerk"]
    client.force_login(org["hr"].user)
    response = client.post(reverse("org_employee:edit", args=[clerk.pk]), {
        "employee_code": clerk.employee_code, "full_name": clerk.full_name, "email": clerk.email,
        "unit": org["ttkc"].pk, "position": "", "category": "cong_chuc", "gender": "male", "start_date": "01/02/2015",
        "is_active": "on",
    })
    assert response.status_code == 302, response.context["form"].errors
    [move] = UnitMove.objects.filter(employee=clerk)
    assert (move.from_unit, move.to_unit, move.moved_on) == (org["vp"], org["ttkc"], timezone.localdate())
    clerk.refresh_from_db()
    assert clerk.gender == "male" and clerk.honorific == "Ông"
    assert clerk.start_date == dt.date(2015, 2, 1)


def test_hr_cannot_pick_a_unit_of_another_agency(client, org):
    client.force_login(org["hr"].user)
    response = client.post(reverse("org_employee:add"), {
        "employee_code": "X1", "full_name": "Ai Đó", "unit": org["outsider"].unit.pk, "category": "cong_chuc",
    })
    assert response.status_code == 200 and "unit" in response.context["form"].errors
    assert not Employee.objects.filter(employee_code="X1").exists()


def test_hr_adds_a_unit_under_a_parent(client, org):
    client.force_login(org["hr"].user)
    response = client.post(reverse("org_orgunit:add"), {
        "parent": org["ttkc"].pk, "code": "TTKC-TV", "name": "Tổ Tư vấn", "kind": "team", "governing_body": "",
    })
    assert response.status_code == 302
    org["ttkc"].refresh_from_db()
    assert [c.code for c in org["ttkc"].get_children()] == ["TTKC-KC", "TTKC-TV"]
    duplicate = client.post(reverse("org_orgunit:add"), {
        "parent": org["agency"].pk, "code": "vp", "name": "Trùng mã", "kind": "department", "governing_body": "",
    })
    assert "code" in duplicate.context["form"].errors


def test_a_unit_with_staff_is_not_deleted(client, org):
    client.force_login(org["hr"].user)
    team = org["team"]
    assert isinstance(team, OrgUnit) and Employee.objects.filter(unit=team).exists()
    response = client.post(reverse("org_orgunit:delete", args=[team.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("org_orgunit:index")
    assert OrgUnit.objects.filter(pk=team.pk).exists()


def test_an_empty_unit_is_deleted(client, org):
    client.force_login(org["hr"].user)
    empty = make_unit(org["agency"], "TRONG", "Tổ trống")
    response = client.post(reverse("org_orgunit:delete", args=[empty.pk]))
    assert response.status_code == 302
    assert not OrgUnit.objects.filter(pk=empty.pk).exists()


# --- roster upload ---------------------------------------------------------------------------

CSV = (
    "Mã cán bộ,Họ và tên,Email,Đơn vị,Chức vụ,Loại,Ngày vào cơ quan\n"
    "VP01,Phạm Minh Tuấn,vp01@example.vn,VP,Phó Chánh Văn phòng,Công chức,01/01/2020\n"
    "VP02,Hồ Thị Mới,vp02@sct.gov.vn,Văn phòng Sở,Chuyên viên,Viên chức,15/03/2022\n"
)


def upload(client, content, name="ds.csv", **options):
    data = {"action": "preview", "agency": options.pop("agency", None), "file": SimpleUploadedFile(name, content)}
    data.update({k: "on" for k, v in options.items() if v})
    return client.post(reverse("org_roster:upload"), {k: v for k, v in data.items() if v is not None})


def test_upload_preview_then_apply(client, org):
    client.force_login(org["hr"].user)
    page = client.get(reverse("org_roster:upload"))
    assert page.status_code == 200 and "Nạp danh sách cán bộ" in page.content.decode()
    response = upload(client, CSV.encode("utf-8"), agency=org["agency"].pk)
    assert response.status_code == 200
    result = response.context["result"]
    assert (result.created, result.updated, result.unchanged) == (1, 1, 0)
    html = response.content.decode()
    assert "Phó Chánh Văn phòng" in html and "Hồ Thị Mới" in html
    assert not Employee.objects.filter(employee_code="VP02").exists()  # preview writes nothing
    pending = client.session[SESSION_KEY]
    assert default_storage.exists(pending["path"])

    response = client.post(reverse("org_roster:upload"), {"action": "apply", "token": pending["token"]})
    assert response.status_code == 302 and response["Location"] == reverse("org_employee:index")
    assert Employee.objects.get(employee_code="VP02").unit == org["vp"]
    assert Employee.objects.get(employee_code="VP01").position == "Phó Chánh Văn phòng"
    assert AuditLog.objects.get(action="roster.import").actor == org["hr"].user
    assert SESSION_KEY not in client.session and not default_storage.exists(pending["path"])

    # A replayed confirmation applies nothing twice.
    again = client.post(reverse("org_roster:upload"), {"action": "apply", "token": pending["token"]})
    assert again.status_code == 302 and again["Location"] == reverse("org_roster:upload")
    assert AuditLog.objects.filter(action="roster.import").count() == 1


def test_upload_with_problems_lists_them_and_writes_nothing(client, org):
    client.force_login(org["hr"].user)
    bad = CSV + "VP03,,abc@,Phòng Ma,,Bác sĩ,31/02/2024\n"
    response = upload(client, bad.encode("utf-8"), agency=org["agency"].pk)
    problems = [(p.row, p.column) for p in response.context["problems"]]
    assert problems == [(4, "Họ và tên"), (4, "Email"), (4, "Đơn vị"), (4, "Loại"), (4, "Ngày vào cơ quan")]
    html = response.content.decode()
    # In Vietnamese, and the unknown unit points at the form's checkbox, not a command-line flag (#16).
    assert "&quot;abc@&quot; không phải địa chỉ email hợp lệ" in html
    assert "đánh dấu ô “Tạo các đơn vị chưa có trong hệ thống”" in html and "--create-units" not in html
    assert SESSION_KEY not in client.session
    assert not Employee.objects.filter(employee_code="VP02").exists()


def test_apply_needs_the_token_of_this_session(client, org):
    client.force_login(org["hr"].user)
    upload(client, CSV.encode("utf-8"), agency=org["agency"].pk)
    response = client.post(reverse("org_roster:upload"), {"action": "apply", "token": "forged"})
    assert response.status_code == 302
    assert not Employee.objects.filter(employee_code="VP02").exists()


def test_hr_cannot_import_into_another_agency(client, org):
    client.force_login(org["hr"].user)
    other = make_agency(code="SYT")
    response = upload(client, CSV.encode("utf-8"), agency=other.pk)
    assert response.status_code == 200 and "agency" in response.context["form"].errors
    assert get_user_model().objects.filter(username="vp02").count() == 0


def test_blank_template_has_the_vietnamese_headers(client, org):
    client.force_login(org["hr"].user)
    response = client.get(reverse("org_roster:template"))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    header = [c.value for c in workbook.worksheets[0][1]]
    assert header == ["Mã cán bộ", "Họ và tên", "Email", "Đơn vị", "Chức vụ", "Loại", "Ngày vào cơ quan",
                      "Giới tính", "Ngày nghỉ việc", "Ngày chuyển đơn vị"]
    guide = [row[0] for row in workbook["Hướng dẫn"].iter_rows(values_only=True)]
    assert "TTKC-KC" in guide


def test_stale_uploads_are_purged(client, org):
    import os
    import time

    stale = default_storage.save(f"{UPLOAD_DIR}/old.csv", io.BytesIO(b"x"))
    old = time.time() - 2 * 86400
    os.utime(default_storage.path(stale), (old, old))
    client.force_login(org["hr"].user)
    upload(client, CSV.encode("utf-8"), agency=org["agency"].pk)
    assert not default_storage.exists(stale)
    assert default_storage.exists(client.session[SESSION_KEY]["path"])


def test_only_a_superuser_creates_an_agency(client, org):
    client.force_login(org["hr"].user)
    data = {"parent": "", "code": "SNV", "name": "Sở Nội vụ", "kind": "department", "governing_body": ""}
    response = client.post(reverse("org_orgunit:add"), data)
    assert response.status_code == 200 and "parent" in response.context["form"].errors
    admin = get_user_model().objects.create_superuser("root", "root@example.vn", "pw")
    client.force_login(admin)
    response = client.post(reverse("org_orgunit:add"), data)
    assert response.status_code == 302
    agency = type(org["agency"]).objects.get(code="SNV")
    assert agency.depth == 1 and agency.kind == "agency"


def test_history_and_usage_list_the_unit_s_entries_in_scope_only(client, org):
    from wagtail.log_actions import log

    for _ in range(20):  # log entry ids well above the unit ids: the listing must not be filtered by unit id
        log(instance=org["agency"], action="wagtail.edit")
    client.force_login(org["hr"].user)
    edit = client.post(reverse("org_orgunit:edit", args=[org["vp"].pk]), {
        "code": "VP", "name": "Văn phòng Sở Công Thương", "kind": "department", "governing_body": "",
    })
    assert edit.status_code == 302
    history = client.get(reverse("org_orgunit:history", args=[org["vp"].pk]))
    assert history.status_code == 200
    assert [e.action for e in history.context["object_list"]] == ["wagtail.edit"]
    assert client.get(reverse("org_orgunit:usage", args=[org["vp"].pk])).status_code == 200
    assert client.get(reverse("org_employee:usage", args=[org["clerk"].pk])).status_code == 200
    outsider = org["outsider"]
    assert client.get(reverse("org_orgunit:history", args=[outsider.unit.pk])).status_code == 404
    assert client.get(reverse("org_employee:usage", args=[outsider.pk])).status_code == 404
