"""Optional TOTP two-factor for everyone who can open the admin (django-otp).

With `REQUIRE_2FA_FOR_STAFF` on (env, default off), a person who can open the Wagtail admin (HR,
unit heads, editors, superusers) and has not typed a code in this session reaches nothing but the
public pages and `/xac-thuc-hai-lop/`: every other URL — the admin, their own pages, evidence files
(`/minh-chung/<id>/tep/`), documents (`/documents/…`), the projector's QR page — sends there. It is an
allow-list (`OPEN_URL_NAMES`), so a new view is covered without anyone remembering to. There they
enrol an authenticator app (QR code, segno) the first time, and type its 6-digit code on each login.
Learners are never asked."""

from __future__ import annotations

import segno
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from org.selectors.access import is_hr

# What a session waiting for its second factor may still open: the public pages, the two-factor
# page itself, logging out, the language switch, the forced password change (org.passwords,
# which comes first) and the login/reset pages. Everything else, including any URL added later.
OPEN_URL_NAMES = frozenset({
    "two_factor", "logout", "login", "set_language", "password_change", "healthz",
    "login_unlock", "login_unlock_confirm", "password_reset", "password_reset_done",
    "password_reset_confirm", "password_reset_complete",
    "courses:library", "courses:search", "certificates:verify_form", "certificates:verify",
})
OPEN_PREFIXES = ("/static/", "/media/images/")


def needs_second_factor(user) -> bool:
    if not getattr(settings, "REQUIRE_2FA_FOR_STAFF", False) or not user.is_authenticated or user.is_verified():
        return False
    return user.is_superuser or is_hr(user) or user.has_perm("wagtailadmin.access_admin")


def is_open(path: str) -> bool:
    if path.startswith(OPEN_PREFIXES):
        return True
    try:
        match = resolve(path)
    except Resolver404:
        return True  # a 404 anyway
    return match.view_name in OPEN_URL_NAMES


class RequireStaffTwoFactorMiddleware:
    """After django_otp's OTPMiddleware: staff without a verified device reach only OPEN_URL_NAMES."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if needs_second_factor(request.user) and not is_open(request.path_info):
            return redirect(f"{reverse('two_factor')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/admin/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/admin/"


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request):
    """Enrol (first time: QR code of a new device) or verify a 6-digit code."""
    user = request.user
    enrolled = user_has_device(user, confirmed=True)
    device = None
    if not enrolled:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
            user=user, name="Ứng dụng xác thực", confirmed=False)
    error = ""
    if request.method == "POST":
        token = "".join(ch for ch in request.POST.get("token", "") if ch.isdigit())
        candidates = [device] if device else list(TOTPDevice.objects.filter(user=user, confirmed=True))
        matched = next((d for d in candidates if d.verify_token(token)), None)
        if matched is not None:
            if not matched.confirmed:
                matched.confirmed = True
                matched.save(update_fields=["confirmed"])
            otp_login(request, matched)
            return redirect(_next(request))
        error = _("Mã không đúng hoặc đã hết hạn. Vui lòng nhập mã mới trên ứng dụng.")
    qr = segno.make(device.config_url, error="m").svg_inline(scale=4) if device else ""
    return render(request, "org/two_factor.html", {
        "enrolling": device is not None, "qr": qr, "error": error, "next": _next(request),
    }, status=400 if error else 200)
