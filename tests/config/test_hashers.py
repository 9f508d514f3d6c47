"""Argon2id with at least OWASP's parameters in every real environment; PBKDF2 hashes upgraded at
login; the test settings keep their fast hasher."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.hashers import get_hasher, identify_hasher, make_password
from django.test import override_settings
from django.urls import reverse

from config.settings import base
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
OWASP = {"memory_cost": 19 * 1024, "time_cost": 2, "parallelism": 1}  # KiB, iterations, lanes


def test_argon2id_with_at_least_owasps_parameters():
    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        encoded = make_password("Mật-khẩu-2026")
        hasher = identify_hasher(encoded)
        params = hasher.decode(encoded)
    assert encoded.startswith("argon2$argon2id$v=19$")
    assert params["memory_cost"] >= OWASP["memory_cost"] and params["time_cost"] >= OWASP["time_cost"]
    assert params["parallelism"] >= OWASP["parallelism"]


def test_production_uses_the_same_list():
    import os
    import secrets
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.production", SECRET_KEY=secrets.token_urlsafe(50),
               ALLOWED_HOSTS="example.org")
    code = "import django; django.setup(); from django.conf import settings; print(settings.PASSWORD_HASHERS[0])"
    result = subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.stdout.strip() == "config.hashers.Argon2idPasswordHasher", result.stderr


def test_a_pbkdf2_hash_is_upgraded_at_login(client):
    person = EmployeeFactory(employee_code="NV0501")
    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        person.user.password = make_password("Cu-Mat-Khau-1", hasher="pbkdf2_sha256")
        person.user.save(update_fields=["password"])
        assert get_hasher("pbkdf2_sha256").iterations >= 1_000_000
        assert client.post(reverse("login"), {"username": "NV0501", "password": "Cu-Mat-Khau-1"}).status_code == 302
        person.user.refresh_from_db()
        assert person.user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
        client.logout()
        assert client.post(reverse("login"), {"username": "NV0501", "password": "Cu-Mat-Khau-1"}).status_code == 302


def test_test_settings_keep_a_fast_hasher():
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]
