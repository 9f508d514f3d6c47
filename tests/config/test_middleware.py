"""Content-Security-Policy middleware (config/middleware.py): a nonce per request, no inline scripts
outside the Wagtail admin (finding L11)."""

from django.http import HttpResponse
from django.test import RequestFactory

from config.middleware import ADMIN_POLICY, DEFAULT_POLICY, ContentSecurityPolicyMiddleware


def respond(settings_value=..., response=None, settings=None, path="/", admin_value=...):
    if settings_value is not ...:
        settings.CONTENT_SECURITY_POLICY = settings_value
    if admin_value is not ...:
        settings.CONTENT_SECURITY_POLICY_ADMIN = admin_value
    request = RequestFactory().get(path)
    middleware = ContentSecurityPolicyMiddleware(lambda request: response or HttpResponse("ok"))
    return middleware(request), request


def test_l11_the_site_policy_allows_no_inline_script_only_the_requests_nonce(settings):
    response, request = respond(settings=settings)
    policy = response["Content-Security-Policy"]
    assert policy == DEFAULT_POLICY.replace("{nonce}", request.csp_nonce)
    script = next(part for part in policy.split("; ") if part.startswith("script-src"))
    assert script == f"script-src 'self' 'nonce-{request.csp_nonce}'" and "unsafe-inline" not in script
    assert "frame-ancestors 'self'" in policy and "object-src 'none'" in policy and "form-action 'self'" in policy
    other, second = respond(settings=settings)
    assert second.csp_nonce != request.csp_nonce and len(request.csp_nonce) >= 16  # one per request


def test_inline_scripts_only_under_the_admin(settings):
    response, _ = respond(settings=settings, path="/admin/pages/")
    assert response["Content-Security-Policy"] == ADMIN_POLICY
    assert "script-src 'self' 'unsafe-inline'" in ADMIN_POLICY and "nonce" not in ADMIN_POLICY
    assert "unsafe-inline" not in respond(settings=settings, path="/administration/")[0]["Content-Security-Policy"].split(
        "; ")[1]


def test_policy_can_be_replaced_or_turned_off(settings):
    response, request = respond("default-src 'none'; script-src 'nonce-{nonce}'", settings=settings)
    assert response["Content-Security-Policy"] == f"default-src 'none'; script-src 'nonce-{request.csp_nonce}'"
    assert "Content-Security-Policy" not in respond("", settings=settings)[0]
    assert "Content-Security-Policy" not in respond(settings=settings, path="/admin/", admin_value="")[0]


def test_a_view_with_its_own_policy_keeps_it(settings):
    own = HttpResponse("x")
    own["Content-Security-Policy"] = "sandbox"
    assert respond(settings=settings, response=own)[0]["Content-Security-Policy"] == "sandbox"


def test_every_environment_sends_it(client):
    assert "nonce-" in client.get("/dang-nhap/")["Content-Security-Policy"]
