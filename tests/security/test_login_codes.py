"""M3: an employee code of one agency created in another agency does not stop anyone logging in:
the login form asks for the agency when a code is shared (org.auth.login_resolve)."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse

from org.models import AuditLog, Employee
from org.services.employees import employee_save
from tests.factories import EmployeeFactory, UserFactory, make_agency

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_codes():
    """A's SCT0021 first, then B's HR creates SCT0021 in B (the attack of M3), both through the
    service the admin uses (usernames as the roster makes them)."""
    agency_a, agency_b = make_agency("SCT"), make_agency("SXD", "Sở Xây dựng Tây Ninh")
    people = {}
    for agency, name in ((agency_a, "Lê Thị A"), (agency_b, "Phạm Văn B")):
        employee = employee_save(employee=Employee(agency=agency, unit=agency, employee_code="SCT0021",
                                                   full_name=name, category="cong_chuc"))
        employee.user.set_password(f"mk-{agency.code}")
        employee.user.save()
        people[agency.code] = employee
    return people


def _login(client, username, password, agency=None):
    data = {"username": username, "password": password}
    if agency is not None:
        data["agency"] = str(agency.pk)
    return client.post(reverse("login"), data)


def test_m3_a_code_taken_in_another_agency_does_not_stop_the_owner(client, two_codes):
    a, b = two_codes["SCT"], two_codes["SXD"]
    assert a.user.username == "sct0021" and b.user.username == "sxd.sct0021"
    asked = _login(client, "sct0021", "mk-SCT")
    assert asked.status_code == 200 and "_auth_user_id" not in client.session
    html = asked.content.decode()
    assert "Mã này có ở nhiều cơ quan" in html and 'name="agency"' in html
    assert "Sở Xây dựng Tây Ninh" in html and "Sở Công Thương Tây Ninh" in html  # every agency, not only those with the code
    assert _login(client, "sct0021", "mk-SCT", agency=a.agency).status_code == 302
    assert client.session["_auth_user_id"] == str(a.user.pk)
    client.logout()
    assert _login(client, "SCT0021", "mk-SXD", agency=b.agency).status_code == 302
    assert client.session["_auth_user_id"] == str(b.user.pk)


def test_the_wrong_agency_is_a_wrong_login(client, two_codes):
    response = _login(client, "sct0021", "mk-SCT", agency=two_codes["SXD"].agency)
    assert response.status_code == 200 and "không đúng" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_usernames_and_emails_need_no_agency(client, two_codes):
    b = two_codes["SXD"]
    assert _login(client, "SXD.sct0021", "mk-SXD").status_code == 302
    client.logout()
    b.email = "pham.b@sxd.gov.vn"
    employee_save(employee=b)
    assert _login(client, "PHAM.B@sxd.gov.vn", "mk-SXD").status_code == 302


def test_no_password_is_checked_until_the_agency_is_chosen(client, two_codes):
    from axes.models import AccessAttempt

    with override_settings(AXES_ENABLED=True):
        response = _login(client, "sct0021", "wrong")
    assert "Mã này có ở nhiều cơ quan" in response.content.decode()
    assert not AccessAttempt.objects.exists()  # nothing guessed, nothing counted


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_failures_with_the_agency_count_against_that_account(client, two_codes):
    from axes.models import AccessAttempt
    from axes.utils import reset
    from django.core.cache import cache

    reset()
    cache.clear()
    a = two_codes["SCT"]
    for _ in range(2):
        _login(client, "SCT0021", "wrong", agency=a.agency)
    _login(client, "sct0021@example.vn", "wrong")  # unknown email: another key
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"sct0021", "?sct0021@example.vn"}
    assert _login(client, "sct0021", "wrong", agency=a.agency).status_code == 429
    assert _login(client, "sct0021", "mk-SCT", agency=a.agency).status_code == 429
    reset()


def test_an_agency_less_account_answers_to_its_username_whatever_agency(client, two_codes):
    UserFactory(username="quantri", email="qt@sct.gov.vn", is_superuser=True, is_staff=True)
    assert _login(client, "quantri", "pw", agency=two_codes["SXD"].agency).status_code == 302


def test_the_admin_sends_to_this_login_page(client):
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("login") + "?next=/admin/")


def test_migration_makes_usernames_unique_ignoring_case():
    User = get_user_model()
    first = UserFactory(username="Admin")
    second = UserFactory(username="admin")
    third = UserFactory(username="ADMIN")
    taken = UserFactory(username="admin-2")
    EmployeeFactory(employee_code="X1", user=third, agency=make_agency("SXD", "Sở Xây dựng Tây Ninh"))
    migration = importlib.import_module("org.migrations.0002_usernames_unique_ignoring_case")
    migration.rename_case_duplicates(apps, None)
    names = dict(User.objects.filter(pk__in=[first.pk, second.pk, third.pk, taken.pk]).values_list("pk", "username"))
    assert names == {first.pk: "Admin", second.pk: "admin-3", third.pk: "admin-4", taken.pk: "admin-2"}
    entries = AuditLog.objects.filter(action="account.rename").order_by("object_id")
    assert [(e.before["username"], e.after["username"]) for e in entries] == [("admin", "admin-3"), ("ADMIN", "admin-4")]
    assert entries[1].agency.code == "SXD"
    migration.rename_case_duplicates(apps, None)  # nothing left to do
    assert AuditLog.objects.filter(action="account.rename").count() == 2
