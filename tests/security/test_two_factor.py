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


# --- M2: with the setting on, the second factor covers every staff and personal-data URL ---------

def _verify(client, user):
    """Enrol and verify a device in this session (as the two-factor page does)."""
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    response = client.post(reverse("two_factor"), {"token": code(device)})
    assert response.status_code == 302


def _sends_to_two_factor(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("two_factor") + "?next=")


def test_m2_files_and_the_projector_need_the_second_factor(settings):
    """Before: a password-only HR session got the evidence proof, the HR document and the live QR."""
    from django.test import Client

    from tests.security import scenario

    settings.REQUIRE_2FA_FOR_STAFF = True
    s = scenario.build()
    hr = s.users["hr_a"]
    urls = [
        reverse("manual_evidence_proof", args=[s.manual.pk]),
        reverse("wagtaildocs_serve", args=[s.document.pk, s.document.filename]),
        reverse("session_projector_code", args=[s.session.pk]),
        reverse("session_projector", args=[s.session.pk]),
    ]
    client = Client()
    client.force_login(hr)  # a password-only session
    for url in urls:
        assert _sends_to_two_factor(client.get(url)), url
    _verify(client, hr)
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_m2_every_url_but_the_open_ones_needs_the_second_factor(settings):
    """The URL walk: every URL of ours (and Wagtail's page serving) sends a password-only staff session
    to the two-factor page, except the few open to it; those are public or the two-factor flow."""
    from django.test import Client

    from org.two_factor import OPEN_URL_NAMES
    from tests.security import scenario
    from tests.security.checks import requests_for
    from tests.security.rules import PUBLIC, RULES

    settings.REQUIRE_2FA_FOR_STAFF = True
    flow = {"two_factor", "logout", "password_change", "set_language"}
    assert OPEN_URL_NAMES - flow <= {name for name, rule in RULES.items() if rule.access == PUBLIC}
    s = scenario.build()
    client = Client()
    problems = []
    for role in ("hr_a", "head_x", "editor"):
        client.force_login(s.users[role])
        for name, rule in RULES.items():
            if name == "logout":
                continue
            for method, url, data in requests_for(name, rule, s):
                response = client.post(url, data) if method == "post" else client.get(url)
                if name in OPEN_URL_NAMES:
                    if _sends_to_two_factor(response):
                        problems.append(f"{role} {url}: an open URL sent to the two-factor page")
                elif not _sends_to_two_factor(response):
                    problems.append(f"{role} {method.upper()} {url} [{name}]: {response.status_code}")
        for url in ("/", s.lesson.url, "/admin/pages/"):
            if not _sends_to_two_factor(client.get(url)):
                problems.append(f"{role} {url}: served without the second factor")
    assert not problems, "\n".join(problems)


def test_unit_heads_and_editors_are_staff_too(client, settings):
    settings.REQUIRE_2FA_FOR_STAFF = True
    head = EmployeeFactory(employee_code="TDV2FA")
    give_role(head.user, roles.UNIT_HEAD)
    client.force_login(head.user)
    assert _sends_to_two_factor(client.get("/admin/"))
    _verify(client, head.user)
    assert client.get("/admin/").status_code == 200
