"""Content-Security-Policy middleware (added to MIDDLEWARE by the production settings)."""

from django.http import HttpResponse
from django.test import RequestFactory

from config.middleware import DEFAULT_POLICY, ContentSecurityPolicyMiddleware


def respond(settings_value=..., response=None, settings=None):
    if settings_value is not ...:
        settings.CONTENT_SECURITY_POLICY = settings_value
    middleware = ContentSecurityPolicyMiddleware(lambda request: response or HttpResponse("ok"))
    return middleware(RequestFactory().get("/"))


def test_default_policy_keeps_scripts_on_our_origin_and_forbids_foreign_framing(settings):
    response = respond(settings=settings)
    policy = response["Content-Security-Policy"]
    assert policy == DEFAULT_POLICY
    assert "script-src 'self' 'unsafe-inline'" in policy and "frame-ancestors 'self'" in policy
    assert "object-src 'none'" in policy and "form-action 'self'" in policy


def test_policy_can_be_replaced_or_turned_off(settings):
    assert respond("default-src 'none'", settings=settings)["Content-Security-Policy"] == "default-src 'none'"
    assert "Content-Security-Policy" not in respond("", settings=settings)


def test_a_view_with_its_own_policy_keeps_it(settings):
    own = HttpResponse("x")
    own["Content-Security-Policy"] = "sandbox"
    assert respond(settings=settings, response=own)["Content-Security-Policy"] == "sandbox"
