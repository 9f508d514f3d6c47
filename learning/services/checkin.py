"""QR self check-in at a study session (pretix Checkin: every scan is recorded with its reason).

The projector shows a code that changes every `SLOT_SECONDS`. A code is the session id, then the
payload {session, time slot, random nonce} signed with a salt specific to that session, so a code
of one session cannot be passed off as another's. A code is accepted during its own slot and the
next one (30–60 s), and only inside the session window (start − `CHECKIN_OPENS_BEFORE_MINUTES` to
end + `CHECKIN_CLOSES_AFTER_MINUTES`). The code names the session; the logged-in user names the
person, so nobody can check in anyone else.

A learner who must log in first gets a server-side "ticket" at the first scan (see
`checkin_ticket_*`), so the time spent logging in does not expire the code they scanned.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass

import segno
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.models import Attendance, AttendanceMethod, AttendanceStatus, CheckinAttempt, StudySession
from learning.selectors.sessions import session_audience, session_end, session_start, session_with_audience
from learning.services.attendance import attendance_record
from org.models import Employee
from org.selectors.access import employee_of

SLOT_SECONDS = 30
TICKET_MINUTES = 10  # how long a scan made before logging in stays usable
Reason = CheckinAttempt.Reason

MESSAGES = {
    Reason.EXPIRED: _("Mã QR này đã hết hạn (mã đổi sau mỗi 30 giây). Vui lòng quét lại mã đang hiển thị "
                      "trên màn hình hội nghị."),
    Reason.REPLAYED: _("Bạn đã được điểm danh ở hội nghị này rồi, không cần quét lại."),
    Reason.INVALID: _("Mã QR không hợp lệ. Vui lòng quét lại mã đang hiển thị trên màn hình hội nghị."),
    Reason.WRONG_SESSION: _("Mã QR này thuộc một hội nghị khác. Vui lòng quét mã của hội nghị bạn đang dự."),
    Reason.OUTSIDE_WINDOW: _("Hội nghị hiện không trong thời gian điểm danh."),
    Reason.NOT_IN_AUDIENCE: _("Bạn không thuộc thành phần tham dự hội nghị này. Vui lòng liên hệ Văn phòng."),
    Reason.NO_EMPLOYEE: _("Tài khoản của bạn chưa gắn với hồ sơ cán bộ nào. Vui lòng liên hệ Văn phòng."),
}


def _salt(session_id: int) -> str:
    return f"learning.checkin.session.{session_id}"


def slot_of(moment: dt.datetime) -> int:
    return int(moment.timestamp()) // SLOT_SECONDS


@dataclass(frozen=True)
class CheckinCode:
    token: str
    slot: int
    expires_at: dt.datetime  # when the projector should show the next code


def checkin_code(*, session: StudySession, now: dt.datetime | None = None) -> CheckinCode:
    """A fresh code for the current time slot (each call a new nonce)."""
    now = now or timezone.now()
    slot = slot_of(now)
    payload = {"s": session.pk, "t": slot, "n": secrets.token_urlsafe(6)}
    signed = signing.Signer(salt=_salt(session.pk)).sign_object(payload)
    expires = dt.datetime.fromtimestamp((slot + 1) * SLOT_SECONDS, tz=dt.UTC)
    return CheckinCode(token=f"{session.pk}.{signed}", slot=slot, expires_at=expires)


def checkin_qr_svg(url: str) -> str:
    """The QR code of `url` as inline SVG that scales to its container."""
    return segno.make(url, error="m").svg_inline(scale=1, border=2, omitsize=True)


def checkin_window(session: StudySession) -> tuple[dt.datetime, dt.datetime]:
    opens = getattr(settings, "CHECKIN_OPENS_BEFORE_MINUTES", 30)
    closes = getattr(settings, "CHECKIN_CLOSES_AFTER_MINUTES", 0)
    start, end = session_start(session), session_end(session)
    if session.start_time:
        start -= dt.timedelta(minutes=opens)
    if session.end_time:
        end += dt.timedelta(minutes=closes)
    return start, end


def checkin_window_open(session: StudySession, moment: dt.datetime | None = None) -> bool:
    start, end = checkin_window(session)
    return start <= (moment or timezone.now()) <= end


def _late_after(session: StudySession) -> dt.datetime | None:
    if not session.start_time:
        return None
    return session_start(session) + dt.timedelta(minutes=session.late_grace_minutes)


@dataclass
class Inspection:
    """What a scan would do: the session and person it names, or why it is refused."""

    session: StudySession | None = None
    nonce: str = ""
    slot: int | None = None
    employee: Employee | None = None
    reason: str = ""
    attendance: Attendance | None = None  # an existing present/late record (already checked in)
    status: str = ""  # present or late, when accepted

    @property
    def ok(self) -> bool:
        return not self.reason

    @property
    def message(self) -> str:
        return str(MESSAGES.get(self.reason, "")) if self.reason else ""


def _unsign(session_id: int, signed: str) -> dict | None:
    """The payload of a code of session `session_id`; None when it is not one (a BadSignature
    propagates: the caller tells a foreign code from a forged one)."""
    payload = signing.Signer(salt=_salt(session_id)).unsign_object(signed)
    if not isinstance(payload, dict) or payload.get("s") != session_id or not isinstance(payload.get("t"), int):
        return None
    return payload


def _decode(token: str) -> Inspection:
    """Check the signature. The session id before the dot only routes; the signed payload decides."""
    prefix, _, signed = (token or "").partition(".")
    if not prefix.isdigit() or not signed:
        return Inspection(reason=Reason.INVALID)
    # Unscoped on purpose: the id comes with a signed (HMAC) token, checked next, and the audience
    # check then refuses anyone not expected at the session, other agencies' staff included.
    session = session_with_audience(int(prefix))  # with both audience unit lists, for the audience check
    if session is None:
        return Inspection(reason=Reason.INVALID)
    try:
        payload = _unsign(session.pk, signed)
    except signing.BadSignature:
        return Inspection(session=session, reason=_foreign_or_invalid(signed))
    if payload is None:
        return Inspection(session=session, reason=Reason.INVALID)
    return Inspection(session=session, slot=payload["t"], nonce=str(payload.get("n", ""))[:64])


def _foreign_or_invalid(signed: str) -> str:
    """A genuine code of another session (someone swapped the id) or a forged one."""
    try:
        other = json.loads(signing.b64_decode(signed.split(":", 1)[0].encode())).get("s")
        if isinstance(other, int):
            signing.Signer(salt=_salt(other)).unsign_object(signed)
            return Reason.WRONG_SESSION
    except (ValueError, signing.BadSignature, AttributeError, TypeError):
        pass
    return Reason.INVALID


def checkin_inspect(*, token: str, user, scanned_at: dt.datetime | None = None,
                    now: dt.datetime | None = None) -> Inspection:
    """Decide a scan without writing anything. `scanned_at` is when this browser first saw the
    code (a ticket made before logging in); the code's age is judged at that moment."""
    now = now or timezone.now()
    if scanned_at is None or not (now - dt.timedelta(minutes=TICKET_MINUTES) <= scanned_at <= now):
        scanned_at = now
    found = _decode(token)
    found.employee = employee_of(user)  # known even on a refusal, for the HR log
    if not found.ok:
        return found
    session = found.session
    current = slot_of(scanned_at)
    if found.slot > current:
        found.reason = Reason.INVALID  # a code from the future was never issued by us
        return found
    if found.slot < current - 1:
        found.reason = Reason.EXPIRED
        return found
    if not checkin_window_open(session, scanned_at):
        found.reason = Reason.OUTSIDE_WINDOW
        return found
    if not getattr(user, "is_authenticated", False):
        return found  # the code is good; the person is known after logging in
    if found.employee is None:
        found.reason = Reason.NO_EMPLOYEE
        return found
    if not session_audience(session).filter(pk=found.employee.pk).exists():
        found.reason = Reason.NOT_IN_AUDIENCE
        return found
    found.attendance = Attendance.objects.filter(
        session=session, employee=found.employee, status__in=[AttendanceStatus.PRESENT, AttendanceStatus.LATE]
    ).first()
    if found.attendance is not None:
        found.reason = Reason.REPLAYED  # harmless: already checked in
        return found
    late_after = _late_after(session)
    found.status = AttendanceStatus.LATE if late_after and scanned_at > late_after else AttendanceStatus.PRESENT
    return found


def checkin_attempt_log(*, inspection: Inspection, user, ip: str | None = None) -> CheckinAttempt:
    """Record one scan, accepted or refused, with its reason."""
    return CheckinAttempt.objects.create(
        session=inspection.session,
        user=user if getattr(user, "is_authenticated", False) else None,
        employee=inspection.employee,
        successful=inspection.ok,
        error_reason=inspection.reason,
        nonce=inspection.nonce,
        ip_address=ip or None,
    )


@transaction.atomic
def checkin_submit(*, token: str, user, scanned_at: dt.datetime | None = None, now: dt.datetime | None = None,
                   ip: str | None = None) -> Inspection:
    """Check the logged-in user in with a scanned code: present, or late after the grace minutes.

    Always records the attempt. A second scan by someone already checked in changes nothing
    (reason `replayed`, with their existing attendance to show when they came).
    """
    inspection = checkin_inspect(token=token, user=user, scanned_at=scanned_at, now=now)
    if inspection.ok and inspection.employee is None:
        inspection.reason = Reason.NO_EMPLOYEE  # anonymous: the view logs in first, so only a misuse lands here
    if inspection.ok:
        change = attendance_record(
            session=inspection.session, employee=inspection.employee, status=inspection.status,
            method=AttendanceMethod.QR, actor=user,
        )
        if not change.changed:  # a concurrent scan of the same person won the race
            inspection.reason, inspection.attendance = Reason.REPLAYED, change.attendance
        else:
            inspection.attendance = change.attendance
    checkin_attempt_log(inspection=inspection, user=user, ip=ip)
    return inspection


# --- tickets: a scan made before logging in, kept in the server-side session ------------------

TICKETS_KEY = "checkin_tickets"


def checkin_ticket_save(store, *, inspection: Inspection, now: dt.datetime | None = None) -> None:
    """Remember when this browser scanned a valid code (keyed by the code's nonce)."""
    now = now or timezone.now()
    tickets = {
        nonce: at for nonce, at in store.get(TICKETS_KEY, {}).items()
        if dt.datetime.fromisoformat(at) >= now - dt.timedelta(minutes=TICKET_MINUTES)
    }
    tickets.setdefault(inspection.nonce, now.isoformat())
    store[TICKETS_KEY] = tickets


def checkin_ticket_time(store, *, token: str) -> dt.datetime | None:
    """When this browser first scanned `token`, if it did (nonce of the signed payload). The
    signature alone decides, without reading the session (`checkin_inspect` reads it next and
    refuses the scan, whatever its time, when it does not exist)."""
    prefix, _, signed = (token or "").partition(".")
    if not prefix.isdigit() or not signed:
        return None
    try:
        payload = _unsign(int(prefix), signed)
    except signing.BadSignature:
        return None
    if payload is None:
        return None
    at = store.get(TICKETS_KEY, {}).get(str(payload.get("n", ""))[:64])
    return dt.datetime.fromisoformat(at) if at else None
