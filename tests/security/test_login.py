"""Login rate limiting with django-axes (disabled in test settings, enabled here)."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_repeated_failures_lock_the_username_from_that_ip(client):
    from axes.utils import reset

    reset()
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
    reset()
