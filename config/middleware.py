"""Content-Security-Policy (Django 5.2 has no built-in CSP), on every response in every environment.

Our pages run **no inline script**: scripts come from our origin (`static/`), and a template that
needs an inline one must carry the request's nonce (`<script nonce="{{ request.csp_nonce }}">`);
anything else inline — an injected `<script>`, an `onclick=` attribute, a `javascript:` link — is
refused by the browser (finding L11, docs/security.md).

The Wagtail admin (`/admin/`) is the one exception: Wagtail 8 still writes inline scripts of its own
(the InlinePanel and multiple-chooser panels, the date/time widgets, chooser widgets' init code,
search promotions) without a nonce, and a policy with a nonce makes browsers ignore 'unsafe-inline'.
So under `ADMIN_PREFIX` only, scripts may be inline; the admin is reached by staff only, after login
(and the second factor where required), and everything else of the policy stays.

Styles stay 'unsafe-inline' everywhere (style attributes in Wagtail and in our templates; a style
cannot run code). What the policy also buys: no third-party scripts, styles or connections, no
plugins, no <base> hijack, no form posting elsewhere, no framing by other sites.

`CONTENT_SECURITY_POLICY` (setting/env) replaces the site policy (`{nonce}` is replaced by the
request's nonce); `CONTENT_SECURITY_POLICY_ADMIN` the admin's; an empty value turns one off."""

from __future__ import annotations

import secrets

from django.conf import settings

ADMIN_PREFIX = "/admin/"
COMMON = [
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self' https:",
    "media-src 'self' https:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",  # Wagtail's preview panel frames our own pages
]
DEFAULT_POLICY = "; ".join([COMMON[0], "script-src 'self' 'nonce-{nonce}'", *COMMON[1:]])
ADMIN_POLICY = "; ".join([COMMON[0], "script-src 'self' 'unsafe-inline'", *COMMON[1:]])


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(16)
        response = self.get_response(request)
        if request.path_info.startswith(ADMIN_PREFIX):
            policy = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN", ADMIN_POLICY)
        else:
            policy = getattr(settings, "CONTENT_SECURITY_POLICY", DEFAULT_POLICY)
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy.replace("{nonce}", request.csp_nonce)
        return response
