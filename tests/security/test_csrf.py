"""CSRF everywhere: no view of ours is exempt, and a POST without the token is refused (403) on
every URL, as HR (who may post almost everywhere), as a learner and anonymously."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.security import scenario
from tests.security.checks import requests_for
from tests.security.rules import RULES

pytestmark = pytest.mark.django_db

# Views allowed to skip CSRF, each with its reason. Nothing of ours posts without the token (the QR
# check-in confirms with a form posted from our own page, the projector polls with GET); the only
# entries are Wagtail's admin API over documents, which we subclass to list only permitted
# documents (org.wagtail_hooks.documents): DRF views, read-only (GET), DRF enforcing CSRF itself
# for session logins, as for the rest of Wagtail's admin API below.
_ADMIN_API = "Wagtail's admin API over documents (DRF, GET only, CSRF enforced by DRF for sessions)"
CSRF_EXEMPT_ALLOWED: dict[str, str] = {
    "admin/api/main/^documents/": _ADMIN_API,
    "admin/api/main/^documents/<int:pk>/": _ADMIN_API,
    "admin/api/main/^documents/find/": _ADMIN_API,
}
# Wagtail's admin API (Django REST framework): DRF marks its views csrf_exempt and enforces CSRF
# itself for session-authenticated requests; the admin API is read-only (GET).
THIRD_PARTY_EXEMPT_PREFIXES = ("admin/api/",)
# The REST API (django-ninja marks its views csrf_exempt): authenticated only by the
# `Authorization: Bearer` header, which a cross-site form or image cannot send; a session cookie
# gives nothing there (tests/security/test_api_isolation.py::test_a_browser_session_opens_nothing).
TOKEN_API_PREFIXES = ("api/v1/",)


def test_csrf_middleware_is_on():
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE


def test_no_view_is_csrf_exempt():
    from django.urls import get_resolver

    exempt = []

    def walk(patterns, prefix=""):
        for item in patterns:
            if hasattr(item, "url_patterns"):
                walk(item.url_patterns, prefix + str(item.pattern))
            elif getattr(item.callback, "csrf_exempt", False):
                exempt.append((prefix + str(item.pattern), item.callback.__module__))

    walk(get_resolver().url_patterns)
    ours = [(p, m) for p, m in exempt if m.split(".")[0] in {"core", "org", "learning", "courses", "quizzes", "certificates", "reports", "config"}]
    unexplained = [p for p, m in ours if p not in CSRF_EXEMPT_ALLOWED]
    assert not unexplained, f"csrf_exempt views without a reason in CSRF_EXEMPT_ALLOWED: {unexplained}"
    # Wagtail's and Django's own exempt views must be known too.
    others = [p for p, m in exempt if (p, m) not in ours
              and not p.startswith(THIRD_PARTY_EXEMPT_PREFIXES + TOKEN_API_PREFIXES)]
    assert others == [], f"unexpected csrf_exempt views: {others}"


@pytest.mark.parametrize("role", ["hr_a", "victim", "anonymous"])
def test_post_without_token_is_refused_everywhere(role):
    s = scenario.build()
    client = Client(enforce_csrf_checks=True)
    if role != "anonymous":
        client.force_login(s.users[role])
    accepted = []
    for name, rule in RULES.items():
        for _method, url, data in requests_for(name, rule, s):
            if url.startswith("/" + THIRD_PARTY_EXEMPT_PREFIXES[0]):
                continue  # read-only DRF views (CSRF_EXEMPT_ALLOWED): no POST to refuse
            response = client.post(url, data)
            if response.status_code != 403 or b"CSRF" not in response.content:
                accepted.append(f"POST {url} [{name}]: {response.status_code}")
    assert not accepted, "POST without a CSRF token not refused:\n" + "\n".join(accepted)


def test_post_with_the_token_goes_through():
    """The refusal above is the CSRF check, not something else: with the token the same POST works."""
    s = scenario.build()
    client = Client(enforce_csrf_checks=True)
    client.force_login(s.users["hr_a"])
    page = client.get(reverse("learning_studysession:attendance", args=[s.session.pk]))
    token = page.cookies[settings.CSRF_COOKIE_NAME].value if settings.CSRF_COOKIE_NAME in page.cookies else None
    token = token or client.cookies[settings.CSRF_COOKIE_NAME].value
    response = client.post(reverse("logout"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    refused = Client(enforce_csrf_checks=True)
    refused.force_login(s.users["hr_a"])
    assert refused.post(reverse("logout")).status_code == 403
