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
