"""The public verification page: anyone with the code (from the QR or typed) sees whether the
certificate is genuine — holder, title, issue date, issuer, status — and nothing more."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from certificates.codes import format_code, is_well_formed, normalise_code
from certificates.selectors import certificate_by_code
from core import ratelimit

SCOPE = "certificate-verify"


def _limit() -> tuple[int, int]:
    return (getattr(settings, "VERIFY_RATE_LIMIT", 30), getattr(settings, "VERIFY_RATE_WINDOW", 600))


def _allowed(request) -> bool:
    limit, window = _limit()
    return ratelimit.allow(request, scope=SCOPE, limit=limit, window=window)


def _too_many(request):
    limit, window = _limit()
    response = render(request, "certificates/verify_limited.html", {"minutes": window // 60}, status=429)
    response["Retry-After"] = str(window)
    return response


@require_GET
@never_cache
def verify_form(request):
    """/verify/ — a form to type a code; ?code=… redirects to the certificate's page."""
    typed = request.GET.get("code", "")
    error = ""
    if typed:
        code = normalise_code(typed)
        if is_well_formed(code):
            return redirect("certificates:verify", code=format_code(code))
        if not _allowed(request):
            return _too_many(request)
        error = "malformed"
    return render(request, "certificates/verify_form.html", {"typed": typed, "error": error})


@require_GET
@never_cache
def verify(request, code: str):
    if not _allowed(request):
        return _too_many(request)
    certificate = certificate_by_code(code)
    if certificate is None:
        return render(request, "certificates/verify_unknown.html", {"typed": code}, status=404)
    return render(request, "certificates/verify.html", {"certificate": certificate})
