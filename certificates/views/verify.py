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

# Two budgets per client address and window (docs/certificates.md): misses (unknown or malformed
# codes: what guessing produces) are few, which stops enumeration; lookups of genuine certificates
# are many, so an office behind one address can click through its whole register. Signed-in staff
# get ten times the genuine budget.


def _window() -> int:
    return getattr(settings, "VERIFY_RATE_WINDOW", 600)


def _miss_key(request) -> str:
    return f"{SCOPE}:miss:{ratelimit.client_ip(request)}"


def _blocked(request) -> bool:
    """Too many misses from this address: every lookup waits for the window to end."""
    return ratelimit.count(_miss_key(request), window=_window()) >= getattr(settings, "VERIFY_RATE_LIMIT", 30)


def _count_miss(request) -> None:
    ratelimit.hit(_miss_key(request), window=_window())


def _found_allowed(request) -> bool:
    limit = getattr(settings, "VERIFY_FOUND_LIMIT", 600)
    if request.user.is_authenticated and request.user.is_staff:
        limit *= 10
    return ratelimit.allow(request, scope=f"{SCOPE}:found", limit=limit, window=_window())


def _too_many(request):
    window = _window()
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
        if _blocked(request):
            return _too_many(request)
        _count_miss(request)
        error = "malformed"
    return render(request, "certificates/verify_form.html", {"typed": typed, "error": error})


@require_GET
@never_cache
def verify(request, code: str):
    if _blocked(request):
        return _too_many(request)
    certificate = certificate_by_code(code)
    if certificate is None:
        _count_miss(request)
        return render(request, "certificates/verify_unknown.html", {"typed": code}, status=404)
    if not _found_allowed(request):
        return _too_many(request)
    return render(request, "certificates/verify.html", {"certificate": certificate})
