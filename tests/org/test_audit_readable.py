"""The audit log as HR reads it: Vietnamese action names, dd/mm/yyyy HH:MM, old → new per field,
and a filter by the person affected."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from org import roles
from org.selectors.audit import action_label, audit_changes_text
from org.services.audit import audit_log
from tests.factories import EmployeeFactory, give_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def hr():
    employee = EmployeeFactory(employee_code="HR001")
    give_role(employee.user, roles.HR)
    return employee


def test_every_action_written_by_the_code_has_a_vietnamese_name():
    for code in ("roster.import", "attendance.record", "exemption.grant", "certificate.revoke", "quiz.paper_result",
                 "api_token.create", "scoring.criteria_import"):
        assert action_label(code) != code
    assert action_label("attendance.record") == "Ghi điểm danh"
    assert action_label("something.unknown") == "something.unknown"


def test_changes_read_old_to_new_with_field_names(hr):
    person = EmployeeFactory(agency=hr.agency, full_name="Nguyễn Văn Mới")
    entry = audit_log(actor=hr.user, action="employee.update", obj=person,
                      before={"full_name": "Nguyễn Văn Cũ", "position": "Chuyên viên"},
                      after={"full_name": "Nguyễn Văn Mới", "position": "Chuyên viên"})
    assert audit_changes_text(entry) == "Họ và tên: Nguyễn Văn Cũ → Nguyễn Văn Mới"
    created = audit_log(actor=hr.user, action="exemption.grant", obj=person,
                        after={"campaign": "dan-van-2024", "date": "2024-10-15", "reason": "Ốm"})
    assert audit_changes_text(created) == "Kế hoạch: dan-van-2024; Ngày: 15/10/2024; Lý do: Ốm"


def test_listing_shows_labels_absolute_times_and_filters_by_person(client, hr):
    a = EmployeeFactory(agency=hr.agency, employee_code="A0001", full_name="Người Được Sửa")
    b = EmployeeFactory(agency=hr.agency, employee_code="B0001", full_name="Người Khác")
    with time_machine.travel(dt.datetime(2026, 11, 3, 2, 5, tzinfo=dt.UTC), tick=False):
        audit_log(actor=hr.user, action="employee.update", obj=a, before={"unit": "Phòng X"}, after={"unit": "Phòng Y"})
        audit_log(actor=hr.user, action="exemption.grant", obj=b, after={"employee_code": "B0001", "reason": "Ốm"})
        audit_log(actor=hr.user, action="attendance.record", after={"employee_code": "A0001", "status": "present"})
    client.force_login(hr.user)
    index = reverse("org_auditlog:index")
    html = client.get(index).content.decode()
    assert "Miễn học" in html and "Ghi điểm danh" in html and ">exemption.grant<" not in html
    assert "03/11/2026 09:05" in html  # local time, Asia/Ho_Chi_Minh
    assert "Đơn vị: Phòng X → Phòng Y" in html
    only_a = client.get(index, {"person": a.pk}).context["object_list"]
    assert sorted(e.action for e in only_a) == ["attendance.record", "employee.update"]
