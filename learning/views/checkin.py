"""QR self check-in: the learner's scan → (log in) → confirm flow, and HR's projector page."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from core import ratelimit
from core.ratelimit import client_ip
from learning.models import Attendance, AttendanceStatus, StudySession
from learning.selectors.sessions import can_manage_session
from learning.services.checkin import (
    SLOT_SECONDS,
    Reason,
    checkin_attempt_log,
    checkin_code,
    checkin_inspect,
    checkin_qr_svg,
    checkin_submit,
    checkin_ticket_save,
    checkin_ticket_time,
    checkin_window,
    checkin_window_open,
)


def _ip(request: HttpRequest) -> str | None:
    address = client_ip(request)
    return None if address == "unknown" else address


CHECKIN_WINDOW = 600  # seconds of the rate-limit windows below


def _over_limit(request: HttpRequest) -> bool:
    """Scans are counted per account (CHECKIN_USER_LIMIT, default 30 per 10 minutes: a person scans
    once or twice) and, before logging in, per address (CHECKIN_ADDRESS_LIMIT, default 600 per
    10 minutes: a whole hall may share one Wi-Fi address)."""
    if request.user.is_authenticated:
        limit = int(getattr(settings, "CHECKIN_USER_LIMIT", 30))
        return not ratelimit.allow(request, scope="checkin-user", key=str(request.user.pk), limit=limit,
                                   window=CHECKIN_WINDOW)
    limit = int(getattr(settings, "CHECKIN_ADDRESS_LIMIT", 600))
    return not ratelimit.allow(request, scope="checkin-address", limit=limit, window=CHECKIN_WINDOW)


@never_cache
@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest, token: str) -> HttpResponse:
    """`/diem-danh/<token>/`: GET shows the session and a confirm button; POST checks in.

    Before logging in a visitor learns nothing about the session (not its title, time or place) and
    leaves no trace: a good code is kept as a ticket in their session and they are sent to log in; a
    bad one gets its reason only. Attempts are recorded for logged-in scans only (docs/sessions.md)."""
    if _over_limit(request):
        return ratelimit.too_many(request, window=CHECKIN_WINDOW)
    scanned_at = checkin_ticket_time(request.session, token=token)
    if not request.user.is_authenticated:
        if request.method == "POST":
            return redirect_to_login(request.get_full_path())
        inspection = checkin_inspect(token=token, user=request.user, scanned_at=scanned_at)
        if inspection.ok:
            checkin_ticket_save(request.session, inspection=inspection)
            return redirect_to_login(request.get_full_path())
        anonymous = {"ok": False, "reason": inspection.reason, "message": inspection.message}
        return render(request, "learning/checkin.html", {"result": anonymous, "done": True}, status=400)
    if request.method == "POST":
        result = checkin_submit(token=token, user=request.user, scanned_at=scanned_at, ip=_ip(request))
        status = 200 if result.ok or result.reason == Reason.REPLAYED else 400
        return render(request, "learning/checkin.html", {"result": result, "done": True}, status=status)
    inspection = checkin_inspect(token=token, user=request.user, scanned_at=scanned_at)
    if not inspection.ok:
        checkin_attempt_log(inspection=inspection, user=request.user, ip=_ip(request))
        status = 200 if inspection.reason == Reason.REPLAYED else 400
        return render(request, "learning/checkin.html", {"result": inspection, "done": True}, status=status)
    checkin_ticket_save(request.session, inspection=inspection)  # confirming may take longer than a slot
    return render(request, "learning/checkin.html", {"result": inspection, "token": token, "done": False})


def _managed_session(request: HttpRequest, pk: int) -> StudySession:
    session = get_object_or_404(StudySession.objects.for_actor(request.user).select_related("campaign"), pk=pk)
    if not can_manage_session(request.user, session):
        raise PermissionDenied
    return session


def _code_payload(request: HttpRequest, session: StudySession) -> dict:
    now = timezone.now()
    code = checkin_code(session=session, now=now)
    url = request.build_absolute_uri(reverse("checkin", args=[code.token]))
    checked_in = Attendance.objects.filter(
        session=session, status__in=[AttendanceStatus.PRESENT, AttendanceStatus.LATE]
    ).count()
    return {
        "url": url,
        "svg": checkin_qr_svg(url),
        "seconds_left": max(1, int((code.expires_at - now).total_seconds())),
        "slot_seconds": SLOT_SECONDS,
        "open": checkin_window_open(session, now),
        "checked_in": checked_in,
    }


@never_cache
@login_required
@require_GET
def projector(request: HttpRequest, pk: int) -> HttpResponse:
    """Full-screen page for the hall's projector; HR of the session's agency only."""
    session = _managed_session(request, pk)
    opens, closes = checkin_window(session)
    context = {"session": session, "code": _code_payload(request, session), "opens": opens, "closes": closes}
    return render(request, "learning/checkin_projector.html", context)


@never_cache
@login_required
@require_GET
def projector_code(request: HttpRequest, pk: int) -> JsonResponse:
    """The current code for the projector page to poll (a new one every slot)."""
    session = _managed_session(request, pk)
    return JsonResponse(_code_payload(request, session))
