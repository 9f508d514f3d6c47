"""Content-Security-Policy for production (Django 5.2 has no built-in CSP).

The default policy keeps every resource on our own origin except images, frames and media
over HTTPS (Wagtail embeds, S3 media). Inline scripts and styles stay allowed because the
Wagtail admin still uses some; what the policy buys is no third-party scripts, styles or
connections, no plugins, no <base> hijack, no form posting elsewhere, and no framing by other sites (clickjacking).
Override with the CONTENT_SECURITY_POLICY setting/variable; an empty value turns it off."""

from __future__ import annotations

from django.conf import settings

DEFAULT_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
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
])


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "CONTENT_SECURITY_POLICY", DEFAULT_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.policy
        return response
