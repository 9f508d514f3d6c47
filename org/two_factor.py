"""Optional TOTP two-factor for HR and administrators (django-otp).

With `REQUIRE_2FA_FOR_STAFF` on (env, default off), an HR officer or superuser reaching `/admin/`
without a verified device is sent to `/xac-thuc-hai-lop/`: there they enrol an authenticator app
(QR code, segno) the first time, and type its 6-digit code on each login. Learners are never asked."""

from __future__ import annotations

import segno
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from org.selectors.access import is_hr


def needs_second_factor(user) -> bool:
    return bool(getattr(settings, "REQUIRE_2FA_FOR_STAFF", False)) and user.is_authenticated and (
        user.is_superuser or is_hr(user)) and not user.is_verified()


class RequireStaffTwoFactorMiddleware:
    """After django_otp's OTPMiddleware: HR/admins without a verified device cannot use /admin/."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/") and needs_second_factor(request.user):
            from django.urls import reverse

            return redirect(f"{reverse('two_factor')}?next={request.get_full_path()}")
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
