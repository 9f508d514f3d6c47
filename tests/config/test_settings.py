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


def test_production_media_on_s3_compatible_storage_when_a_bucket_is_set():
    """The S3 option works out of the box (django-storages is a dependency): public media and the
    private proofs go to the bucket, the proofs under `private/` and without any URL."""
    code = (
        "import django; django.setup(); from django.core.files.storage import storages; "
        "default, private = storages['default'], storages['private']; "
        "print(type(default).__name__, type(private).__name__, private.location, default.endpoint_url); "
        "import sys\n"
        "try:\n    private.url('evidence/x.pdf')\nexcept Exception as exc:\n    print('no-url', type(exc).__name__)\n"
    )
    result = run("-c", code, SECRET_KEY=secrets.token_urlsafe(50), AWS_STORAGE_BUCKET_NAME="sct-media",
                 AWS_S3_ENDPOINT_URL="https://s3.example.vn", AWS_ACCESS_KEY_ID="k", AWS_SECRET_ACCESS_KEY="s")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "S3Storage PrivateS3Storage private https://s3.example.vn"
    assert lines[1].startswith("no-url")
