"""Production settings: refuse to start without SECRET_KEY; `check --deploy` clean with real values."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.production", ALLOWED_HOSTS="example.org", **env)
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True,
                          timeout=120)


def test_production_refuses_to_start_without_secret_key():
    result = run("-c", "import django; django.setup()")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_check_deploy_without_warnings():
    result = run("manage.py", "check", "--deploy", SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout, result.stdout + result.stderr


def test_production_sends_a_content_security_policy():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print('config.middleware.ContentSecurityPolicyMiddleware' in settings.MIDDLEWARE, "
        "settings.WAGTAIL_GRAVATAR_PROVIDER_URL)"
    )
    result = run("-c", code, SECRET_KEY=secrets.token_urlsafe(50))
    assert result.stdout.split() == ["True", "None"], result.stderr
