"""Optional TOTP two-factor for HR and superusers (REQUIRE_2FA_FOR_STAFF)."""

from __future__ import annotations

import time

import pytest
import time_machine
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from org import roles
from tests.factories import EmployeeFactory, give_role

pytestmark = pytest.mark.django_db


def code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):06d}"


@pytest.fixture
def hr(client):
    person = EmployeeFactory(employee_code="HR2FA")
    give_role(person.user, roles.HR)
    client.force_login(person.user)
    return person.user


def test_off_by_default_admin_opens_without_a_code(client, hr, settings):
    settings.REQUIRE_2FA_FOR_STAFF = False
    assert client.get("/admin/").status_code == 200


def test_enrol_then_verify_then_admin(client, hr, settings):
    settings.REQUIRE_2FA_FOR_STAFF = True
    response = client.get("/admin/can-bo/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("two_factor"))
    page = client.get(response["Location"])
    assert page.status_code == 200 and b"<svg" in page.content and "Xác thực hai lớp" in page.content.decode()
    device = TOTPDevice.objects.get(user=hr, confirmed=False)
    wrong = client.post(reverse("two_factor"), {"token": "000000" if code(device) != "000000" else "111111"})
    assert wrong.status_code == 400 and "Mã không đúng" in wrong.content.decode()
    with time_machine.travel(time.time() + 35):  # django-otp throttles right after a wrong code
        done = client.post(reverse("two_factor"), {"token": code(device), "next": "/admin/can-bo/"})
    assert done.status_code == 302 and done["Location"] == "/admin/can-bo/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/can-bo/").status_code == 200
    # Next login: a code again, no new QR code.
    client.logout()
    client.force_login(hr)
    assert client.get("/admin/").status_code == 302
    page = client.get(reverse("two_factor"))
    assert b"<svg" not in page.content
    # A code of an already used time step is a replay: refused; a minute later a fresh one works.
    with time_machine.travel(time.time() + 90):
        device.refresh_from_db()
        assert client.post(reverse("two_factor"), {"token": code(device)}).status_code == 302
        assert client.get("/admin/").status_code == 200


def test_learners_are_never_asked(client, settings):
    settings.REQUIRE_2FA_FOR_STAFF = True
    learner = EmployeeFactory(employee_code="HV2FA")
    client.force_login(learner.user)
    assert client.get(reverse("home")).status_code == 200
    assert not TOTPDevice.objects.filter(user=learner.user).exists()


def test_next_cannot_leave_the_site(client, hr, settings):
    settings.REQUIRE_2FA_FOR_STAFF = True
    client.get(reverse("two_factor"))
    device = TOTPDevice.objects.get(user=hr)
    response = client.post(reverse("two_factor"), {"token": code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"
