"""Login rate limiting with django-axes (disabled in test settings, enabled here)."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def axes_reset():
    from axes.utils import reset
    from django.core.cache import cache

    cache.clear()
    reset()
    yield
    reset()


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_repeated_failures_lock_the_username_from_that_ip(client, axes_reset):
    person = EmployeeFactory(employee_code="NV777")
    url = reverse("login")
    for _ in range(2):
        response = client.post(url, {"username": "NV777", "password": "sai"}, REMOTE_ADDR="10.0.0.1")
        assert response.status_code == 200  # the form again, with the error
    locked = client.post(url, {"username": "NV777", "password": "sai"}, REMOTE_ADDR="10.0.0.1")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "Tạm khóa đăng nhập" in text and "liên hệ Văn phòng" in text
    # Even the right password is refused from that address while locked …
    right = client.post(url, {"username": "NV777", "password": "pw"}, REMOTE_ADDR="10.0.0.1")
    assert right.status_code == 429
    # … but the same person from another address, and another user from the same one, may log in.
    other_ip = client.post(url, {"username": "NV777", "password": "pw"}, REMOTE_ADDR="10.0.0.2")
    assert other_ip.status_code == 302
    client.logout()
    EmployeeFactory(employee_code="NV778")
    other_user = client.post(url, {"username": "NV778", "password": "pw"}, REMOTE_ADDR="10.0.0.1")
    assert other_user.status_code == 302
    assert person.user.is_active


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_h2_every_spelling_of_one_account_shares_one_counter(client, axes_reset):
    """H2: the lock was per string as typed; `SCT0040` and the email still logged in after
    `sct0040` was locked, and case variants gave unlimited guesses."""
    user = UserFactory(username="sct0040", email="Thu.Nguyen@sct.gov.vn")
    EmployeeFactory(employee_code="SCT0040", user=user, email=user.email)
    url = reverse("login")
    spellings = ["sct0040", "SCT0040", "Sct0040", " sct0040 ", "thu.nguyen@sct.gov.vn", "THU.NGUYEN@SCT.GOV.VN"]
    statuses = [client.post(url, {"username": login, "password": "sai"}, REMOTE_ADDR="10.0.0.9").status_code
                for login in spellings[:3]]
    assert statuses == [200, 200, 429]  # three failures, three spellings: one counter
    for login in spellings:
        response = client.post(url, {"username": login, "password": "pw"}, REMOTE_ADDR="10.0.0.9")
        assert response.status_code == 429, login
        assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_h2_case_variants_of_an_email_give_no_extra_guesses(client, axes_reset):
    """63 guesses without a 429 before: 7 case variants × 9 wrong passwords."""
    user = UserFactory(username="nv0063", email="an.le@sct.gov.vn")
    EmployeeFactory(employee_code="NV0063", user=user, email=user.email)
    url = reverse("login")
    variants = ["an.le@sct.gov.vn", "AN.LE@sct.gov.vn", "an.LE@SCT.gov.vn", "An.Le@Sct.Gov.Vn",
                "an.le@SCT.GOV.VN", "AN.le@sct.GOV.vn", "aN.lE@sCt.gOv.Vn"]
    served = 0
    for attempt in range(9):
        for variant in variants:
            response = client.post(url, {"username": variant, "password": f"sai{attempt}"}, REMOTE_ADDR="10.0.0.8")
            if response.status_code != 429:
                served += 1
    assert served == 2  # the third failure locks, whatever the spelling


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_a_success_clears_the_account_counter_whatever_spelling_failed(client, axes_reset):
    from axes.models import AccessAttempt

    EmployeeFactory(employee_code="NV0071")
    url = reverse("login")
    for login in ("nv0071", "NV0071"):
        client.post(url, {"username": login, "password": "sai"}, REMOTE_ADDR="10.0.0.7")
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"NV0071"}
    assert client.post(url, {"username": "nv0071@example.vn", "password": "pw"}, REMOTE_ADDR="10.0.0.7").status_code == 302
    assert not AccessAttempt.objects.exists()


THROTTLE = {"AXES_ENABLED": True, "AXES_FAILURE_LIMIT": 3, "LOGIN_ACCOUNT_FAILURE_LIMIT": 5,
            "LOGIN_ADDRESS_FAILURE_LIMIT": 8, "LOGIN_BACKOFF_BASE_SECONDS": 30, "LOGIN_BACKOFF_MAX_SECONDS": 900}


def _fail_from_many_addresses(client, login: str, times: int, start: int = 0):
    url = reverse("login")
    return [client.post(url, {"username": login, "password": "sai"}, REMOTE_ADDR=f"203.0.113.{start + n}").status_code
            for n in range(times)]


@override_settings(**THROTTLE)
def test_account_tried_from_many_addresses_waits_an_exponential_delay(client, axes_reset):
    import time_machine

    EmployeeFactory(employee_code="NV0081")
    url = reverse("login")
    with time_machine.travel("2026-03-02 08:00:00 +0700", tick=False) as clock:
        # one failure per address: the pair rule never fires; the fifth failure starts the delay
        assert _fail_from_many_addresses(client, "nv0081", 5) == [200, 200, 200, 200, 429]
        locked = client.post(url, {"username": "NV0081", "password": "pw"}, REMOTE_ADDR="192.0.2.1")
        assert locked.status_code == 429 and locked["Retry-After"] == "30"
        assert "từ một trình duyệt chưa từng đăng nhập" in locked.content.decode()
        clock.shift(31)
        assert _fail_from_many_addresses(client, "nv0081", 1, start=50) == [429]  # 6th failure: 60 s
        clock.shift(30)
        assert client.post(url, {"username": "NV0081", "password": "pw"}, REMOTE_ADDR="192.0.2.1").status_code == 429
        clock.shift(31)
        for step, wait in enumerate((120, 240, 480, 900, 900)):  # doubling, capped at 15 minutes
            assert _fail_from_many_addresses(client, "nv0081", 1, start=60 + step) == [429]
            clock.shift(wait - 1)
            assert client.post(url, {"username": "NV0081", "password": "pw"}, REMOTE_ADDR="192.0.2.1").status_code == 429
            clock.shift(2)
        # the owner, whenever the delay is over, logs in from anywhere
        assert client.post(url, {"username": "NV0081", "password": "pw"}, REMOTE_ADDR="192.0.2.1").status_code == 302


@override_settings(**THROTTLE)
def test_tries_refused_during_the_delay_are_not_counted(client, axes_reset):
    import time_machine

    EmployeeFactory(employee_code="NV0082")
    with time_machine.travel("2026-03-02 08:00:00 +0700", tick=False) as clock:
        _fail_from_many_addresses(client, "nv0082", 5)
        _fail_from_many_addresses(client, "nv0082", 20, start=100)  # all refused: still 30 s
        clock.shift(31)
        assert client.post(reverse("login"), {"username": "nv0082", "password": "pw"},
                           REMOTE_ADDR="192.0.2.1").status_code == 302


@override_settings(**THROTTLE)
def test_a_browser_the_owner_logged_in_from_is_never_locked_out_by_others(client, axes_reset):
    """Device cookie: the victim's own browser logs in during an attack from other addresses,
    even from the attacker's own (shared, NAT) address; strangers still wait."""
    from django.test import Client

    EmployeeFactory(employee_code="NV0083")
    url = reverse("login")
    owner = Client()
    assert owner.post(url, {"username": "NV0083", "password": "pw"}, REMOTE_ADDR="192.0.2.1").status_code == 302
    assert "hoctap_device" in owner.cookies
    owner.post(reverse("logout"))
    _fail_from_many_addresses(client, "nv0083", 5)
    for _ in range(3):  # the pair rule at the owner's address too (a colleague behind the same NAT)
        client.post(url, {"username": "nv0083", "password": "sai"}, REMOTE_ADDR="192.0.2.1")
    assert client.post(url, {"username": "NV0083", "password": "pw"}, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert owner.post(url, {"username": "NV0083", "password": "pw"}, REMOTE_ADDR="192.0.2.1").status_code == 302
    # a device cookie of another account, or a forged one, is no exemption
    stranger = Client()
    stranger.cookies["hoctap_device"] = owner.cookies["hoctap_device"].value[:-2] + "xx"
    assert stranger.post(url, {"username": "NV0083", "password": "pw"}, REMOTE_ADDR="192.0.2.9").status_code == 429


@override_settings(**THROTTLE)
def test_a_trusted_browser_has_its_own_counter(client, axes_reset):
    """A stolen device cookie is no key: AXES_FAILURE_LIMIT failures with it and it is trusted no more."""
    from django.test import Client

    EmployeeFactory(employee_code="NV0084")
    url = reverse("login")
    assert client.post(url, {"username": "NV0084", "password": "pw"}, REMOTE_ADDR="192.0.2.1").status_code == 302
    client.post(reverse("logout"))
    statuses = [client.post(url, {"username": "NV0084", "password": "sai"}, REMOTE_ADDR=f"192.0.2.{n}").status_code
                for n in range(2, 5)]
    assert statuses == [200, 200, 200]  # one per address: only the cookie's own counter moved
    _fail_from_many_addresses(Client(), "nv0084", 2)  # the account delay starts (5 failures)
    assert client.post(url, {"username": "NV0084", "password": "pw"}, REMOTE_ADDR="192.0.2.1").status_code == 429


@override_settings(**THROTTLE)
def test_password_spraying_from_one_address_locks_the_address(client, axes_reset):
    for n in range(10):
        EmployeeFactory(employee_code=f"NV009{n}")
    url = reverse("login")
    statuses = [client.post(url, {"username": f"NV009{n}", "password": "sai"}, REMOTE_ADDR="198.51.100.3").status_code
                for n in range(9)]
    assert statuses == [200] * 7 + [429, 429]
    page = client.post(url, {"username": "NV0099", "password": "pw"}, REMOTE_ADDR="198.51.100.3")
    assert page.status_code == 429 and "địa chỉ mạng của bạn" in page.content.decode()
    assert client.post(url, {"username": "NV0099", "password": "pw"}, REMOTE_ADDR="198.51.100.4").status_code == 302


@override_settings(**THROTTLE)
def test_an_emailed_unlock_link_lets_a_new_browser_in(client, axes_reset, mailoutbox):
    from django.test import Client

    person = EmployeeFactory(employee_code="NV0085")
    _fail_from_many_addresses(client, "nv0085", 5)
    victim = Client()
    url = reverse("login")
    email = person.user.email.lower()
    locked = victim.post(url, {"username": email, "password": "pw"}, REMOTE_ADDR="192.0.2.7")
    assert locked.status_code == 429 and 'id="send-unlock"' in locked.content.decode()
    sent = victim.post(reverse("login_unlock"), {"username": email}, REMOTE_ADDR="192.0.2.7")
    assert sent.status_code == 200 and len(mailoutbox) == 1 and mailoutbox[0].to == [person.user.email]
    link = next(line for line in mailoutbox[0].body.splitlines() if "/dang-nhap/mo-khoa/" in line).strip()
    opened = victim.get(link.replace("http://testserver", ""))
    assert opened.status_code == 302 and opened["Location"] == reverse("login")
    assert victim.post(url, {"username": email, "password": "pw"}, REMOTE_ADDR="192.0.2.7").status_code == 302
    # the same page for an unknown account (no mail, no hint), and a tampered link is refused
    client.post(reverse("login_unlock"), {"username": "nobody@example.vn"}, REMOTE_ADDR="192.0.2.8")
    assert len(mailoutbox) == 1
    assert Client().get(link.replace("http://testserver", "")[:-3] + "abc/").status_code == 400


@override_settings(**THROTTLE)
def test_unlock_mails_are_rate_limited(client, axes_reset, mailoutbox):
    EmployeeFactory(employee_code="NV0086")
    for n in range(5):
        client.post(reverse("login_unlock"), {"username": "NV0086"}, REMOTE_ADDR=f"192.0.2.{n}")
    assert len(mailoutbox) == 3  # per account an hour
    statuses = [client.post(reverse("login_unlock"), {"username": "x"}, REMOTE_ADDR="192.0.2.200").status_code
                for _ in range(11)]
    assert statuses[-1] == 429 and statuses[:10] == [200] * 10  # per address an hour


def test_unlock_link_dies_with_a_password_change():
    from org.login_throttle import unlock_token, unlock_user

    person = EmployeeFactory(employee_code="NV0087")
    token = unlock_token(person.user)
    assert unlock_user(token) == person.user
    person.user.set_password("Mật-khẩu-mới-2026")
    person.user.save()
    assert unlock_user(token) is None
