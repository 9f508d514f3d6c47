"""M1: the client's address behind a reverse proxy (TRUSTED_PROXY_COUNT), for the login throttle,
`/verify/` and every other rate limit; a client's own X-Forwarded-For is never believed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory, override_settings
from django.urls import reverse

from core.ratelimit import client_ip
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
PROXY = "127.0.0.1"  # nginx on the same host: every request's REMOTE_ADDR


@pytest.fixture(autouse=True)
def _fresh_counters():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def axes_reset():
    from axes.utils import reset

    reset()
    yield
    reset()


def _ip(count: int, remote: str = "10.0.0.1", forwarded: str | None = None) -> str:
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    with override_settings(TRUSTED_PROXY_COUNT=count):
        return client_ip(RequestFactory().get("/", REMOTE_ADDR=remote, **extra))


def test_client_ip_rules():
    # no trusted proxy: the peer, whatever the client wrote
    assert _ip(0, "10.0.0.1", "203.0.113.9") == "10.0.0.1"
    # one proxy: the entry it appended (the rightmost); what the client wrote before it is ignored
    assert _ip(1, PROXY, "203.0.113.9, 198.51.100.7") == "198.51.100.7"
    assert _ip(1, PROXY, "198.51.100.7") == "198.51.100.7"
    # two proxies (load balancer, then nginx): the second entry from the right
    assert _ip(2, PROXY, "203.0.113.9, 198.51.100.7, 10.9.9.9") == "198.51.100.7"
    # fewer entries than proxies, no header, or garbage: the peer
    assert _ip(2, PROXY, "198.51.100.7") == PROXY
    assert _ip(1, PROXY) == PROXY
    assert _ip(1, PROXY, "not-an-address") == PROXY
    # ports and IPv6 are normalised
    assert _ip(1, PROXY, "198.51.100.7:5555") == "198.51.100.7"
    assert _ip(1, PROXY, "[2001:db8::1]:443") == "2001:db8::1"


def test_trusted_proxy_count_comes_from_the_environment():
    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.test", TRUSTED_PROXY_COUNT="2")
    code = "import django; django.setup(); from django.conf import settings; print(settings.TRUSTED_PROXY_COUNT)"
    result = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "2", result.stderr


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=10, TRUSTED_PROXY_COUNT=1)
def test_m1_an_attacker_behind_the_proxy_does_not_lock_the_victim_out(client, axes_reset):
    """Before: every client behind nginx was 127.0.0.1, so 10 wrong passwords (with a forged
    X-Forwarded-For) locked the real user out."""
    EmployeeFactory(employee_code="SCT0050")
    url = reverse("login")
    for n in range(10):
        client.post(url, {"username": "SCT0050", "password": f"sai{n}"}, REMOTE_ADDR=PROXY,
                    HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.7")
    # the attacker is locked whatever they forge on the left …
    forged = client.post(url, {"username": "SCT0050", "password": "pw"}, REMOTE_ADDR=PROXY,
                         HTTP_X_FORWARDED_FOR="192.0.2.10, 198.51.100.7")
    assert forged.status_code == 429
    # … and the victim, elsewhere, logs in through the same proxy
    victim = client.post(url, {"username": "SCT0050", "password": "pw"}, REMOTE_ADDR=PROXY,
                         HTTP_X_FORWARDED_FOR="192.0.2.10")
    assert victim.status_code == 302


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, TRUSTED_PROXY_COUNT=0)
def test_a_forged_forwarded_for_does_not_escape_the_lock_without_a_proxy(client, axes_reset):
    EmployeeFactory(employee_code="SCT0051")
    url = reverse("login")
    statuses = [
        client.post(url, {"username": "SCT0051", "password": "sai"}, REMOTE_ADDR="10.0.0.5",
                    HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 429, 429]


@override_settings(TRUSTED_PROXY_COUNT=1, VERIFY_RATE_LIMIT=30)
def test_m1_verify_limit_counts_each_client_behind_the_proxy(client):
    """Before: 31 fake lookups made /verify/ answer 429 for everyone behind the proxy."""
    for n in range(30):
        client.get("/verify/AAAA-BBBB-CCCC-DDDD-EEEE/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"9.9.9.{n}, 198.51.100.7")
    attacker = client.get("/verify/AAAA-BBBB-CCCC-DDDD-EEEE/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert attacker.status_code == 429
    someone_else = client.get("/verify/AAAA-BBBB-CCCC-DDDD-EEEE/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.44")
    assert someone_else.status_code == 404  # served (no such certificate), not limited


@override_settings(TRUSTED_PROXY_COUNT=0, VERIFY_RATE_LIMIT=3)
def test_verify_limit_ignores_a_forged_forwarded_for(client):
    statuses = [client.get("/verify/AAAA-BBBB-CCCC-DDDD-EEEE/", REMOTE_ADDR="10.0.0.5",
                           HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code for n in range(4)]
    assert statuses == [404, 404, 404, 429]
