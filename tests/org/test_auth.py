"""Logging in with the employee code, the email or the username (org.auth)."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import authenticate
from django.urls import reverse

from tests.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def employee():
    user = UserFactory(username="hocvien", email="nhung.nth@sct.gov.vn")
    return EmployeeFactory(employee_code="SCT0011", user=user, email=user.email, full_name="Nguyễn Thị Hồng Nhung")


@pytest.mark.parametrize("login", ["SCT0011", "sct0011", "nhung.nth@sct.gov.vn", "NHUNG.NTH@SCT.GOV.VN", "hocvien",
                                   " hocvien "])
def test_login_by_code_email_or_username(client, employee, login):
    response = client.post(reverse("login"), {"username": login, "password": "pw"})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert client.session["_auth_user_id"] == str(employee.user.pk)


def test_wrong_password_is_refused(client, employee):
    response = client.post(reverse("login"), {"username": "SCT0011", "password": "wrong"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert response.context["form"].errors


def test_unknown_login_is_refused(employee):
    assert authenticate(username="SCT9999", password="pw") is None


def test_inactive_account_is_refused(employee):
    employee.user.is_active = False
    employee.user.save()
    assert authenticate(username="SCT0011", password="pw") is None


def test_an_email_shared_by_two_accounts_logs_nobody_in(employee):
    UserFactory(username="other", email="nhung.nth@sct.gov.vn")
    assert authenticate(username="nhung.nth@sct.gov.vn", password="pw") is None
    assert authenticate(username="SCT0011", password="pw") == employee.user


def test_a_roster_account_without_password_cannot_log_in(tmp_path):
    from django.core.management import call_command

    from tests.factories import make_agency

    make_agency()
    roster = tmp_path / "r.csv"
    roster.write_text("Mã cán bộ,Họ và tên,Đơn vị,Loại\nNV1,Lê Văn Mới,SCT,Công chức\n", encoding="utf-8")
    call_command("import_roster", str(roster), stdout=io.StringIO())
    assert authenticate(username="NV1", password="") is None
    assert authenticate(username="nv1", password="!") is None


# --- The session's account on every request (issue 17: per-request queries) ---------------------


def test_the_session_account_comes_with_its_profile(employee):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from org.auth import EmployeeCodeOrEmailBackend

    with CaptureQueriesContext(connection) as queries:
        user = EmployeeCodeOrEmailBackend().get_user(employee.user.pk)
        assert user.employee.employee_code == "SCT0011"
    assert len(queries) == 1


def test_an_account_without_profile_has_none(employee):
    from org.auth import EmployeeCodeOrEmailBackend
    from org.selectors.access import employee_of

    admin = UserFactory(username="quantri")
    assert employee_of(EmployeeCodeOrEmailBackend().get_user(admin.pk)) is None
    employee.user.is_active = False
    employee.user.save()
    assert EmployeeCodeOrEmailBackend().get_user(employee.user.pk) is None

