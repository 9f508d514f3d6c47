"""Demo study sessions: three conferences of `dan-van-2024` (each covering one section of the plan),
a make-up session, with attendance recorded by QR, by HR and from sheets, a few refused scans, and
one upcoming session in the current campaign. Idempotent: a session that exists is left alone.
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from core.demo import ACTIVITY, demo_step
from learning.models import (
    Attendance,
    AttendanceMethod,
    AttendanceStatus,
    Campaign,
    CheckinAttempt,
    Exemption,
    StudySession,
)
from learning.selectors.sessions import session_roster
from learning.services.attendance import attendance_record
from learning.services.sessions import session_create

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
HALL = "Hội trường Sở Công Thương, 01 Đường Trần Hưng Đạo, Phường 2, TP. Tây Ninh"
PRESENTER = "Đồng chí Phó Giám đốc Sở, Trưởng Ban Chỉ đạo Quy chế dân chủ ở cơ sở"

# (title, date, start, end, directive numbers, make-up?, online link)
PAST_2024 = [
    ("Hội nghị học tập, quán triệt các văn bản về công tác dân vận chính quyền", dt.date(2024, 5, 15),
     dt.time(8), dt.time(11), ["23-QĐ/TW", "1116-QĐ/TU", "114-KL/TW", "16/CT-TTg", "33/CT-TTg", "25-CT/TU",
                               "392-CV/TU"], False, ""),
    ("Hội nghị quán triệt các văn bản về cải cách hành chính", dt.date(2024, 6, 20),
     dt.time(14), dt.time(16, 30), ["76/NQ-CP", "23/CT-TTg", "490/QĐ-UBND", "2631/QĐ-UBND", "140/QĐ-UBND"], False, ""),
    ("Hội nghị học tập Luật Thực hiện dân chủ ở cơ sở và các văn bản hướng dẫn", dt.date(2024, 8, 22),
     dt.time(8), dt.time(11), ["120-KL/TW", "10/2022/QH15", "59/2023/NĐ-CP", "26-KH/BCĐ", "575/UBND-NC",
                               "11-QĐi/TW", "42/2013/QH13"], False, "https://hop.tayninh.gov.vn/sct-dan-chu-co-so"),
    ("Học bù: công tác dân vận chính quyền và cải cách hành chính", dt.date(2024, 9, 12),
     dt.time(14), dt.time(16), ["23-QĐ/TW", "1116-QĐ/TU", "114-KL/TW", "16/CT-TTg", "33/CT-TTg", "25-CT/TU",
                                "392-CV/TU", "76/NQ-CP", "23/CT-TTg", "490/QĐ-UBND", "2631/QĐ-UBND",
                                "140/QĐ-UBND"], True, ""),
]
UPCOMING = ("Hội nghị quán triệt Luật Thực hiện dân chủ ở cơ sở và Nghị định 59/2023/NĐ-CP", dt.date(2026, 12, 10),
            dt.time(8), dt.time(10, 30))
LEAVE_NOTE = "Nghỉ thai sản"


def _directives(campaign: Campaign, numbers: list[str]) -> list:
    by_number = {r.directive.number: r.directive for r in campaign.requirements.select_related("directive")}
    return [by_number[n] for n in numbers if n in by_number]


def _ensure(campaign: Campaign, title: str, date: dt.date, start: dt.time, end: dt.time, numbers: list[str],
            makeup: bool, online: str, actor) -> tuple[StudySession, bool]:
    existing = StudySession.objects.filter(campaign=campaign, title=title, date=date).first()
    if existing:
        return existing, False
    directives = _directives(campaign, numbers) or [r.directive for r in campaign.requirements.all()[:3]]
    session = session_create(campaign=campaign, title=title, date=date, directives=directives, start_time=start,
                             end_time=end, location=HALL, online_url=online, presenter=PRESENTER,
                             is_makeup=makeup, late_grace_minutes=15, actor=actor)
    return session, True


def _draw(rng: random.Random, exempt: bool) -> tuple[str, str, str]:
    """(status, method, note) for one person at a first-time session."""
    if exempt:
        return AttendanceStatus.EXCUSED, AttendanceMethod.HR, LEAVE_NOTE
    roll = rng.random()
    if roll < 0.74:
        method = AttendanceMethod.QR if rng.random() < 0.6 else AttendanceMethod.SHEET
        return AttendanceStatus.PRESENT, method, ""
    if roll < 0.84:
        return AttendanceStatus.LATE, AttendanceMethod.QR, ""
    if roll < 0.92:
        return AttendanceStatus.EXCUSED, AttendanceMethod.HR, rng.choice(["Đi công tác", "Nghỉ ốm có giấy", "Trực cơ quan"])
    return AttendanceStatus.ABSENT, AttendanceMethod.SHEET, ""


def _stamp(session: StudySession, status: str, rng: random.Random) -> dt.datetime:
    start = dt.datetime.combine(session.date, session.start_time, tzinfo=HCM)
    minutes = rng.randint(18, 40) if status == AttendanceStatus.LATE else rng.randint(-25, 10)
    return start + dt.timedelta(minutes=minutes)


def _attend(session: StudySession, rng: random.Random, actor, exempt_ids: set[int], makeup: bool) -> int:
    count = 0
    qr_rows = []
    for employee in session_roster(session):
        if makeup:
            if rng.random() < 0.15:  # a few never make it up: overdue in the report
                continue
            status, method, note = (AttendanceStatus.PRESENT, AttendanceMethod.SHEET, "Học bù")
            if employee.pk in exempt_ids:
                continue
        else:
            status, method, note = _draw(rng, employee.pk in exempt_ids)
        change = attendance_record(session=session, employee=employee, status=status, method=method, actor=actor,
                                   note=note)
        at = _stamp(session, status, rng)
        Attendance.objects.filter(pk=change.attendance.pk).update(recorded_at=at)  # as on the day
        if method == AttendanceMethod.QR:
            qr_rows.append((employee, at))
        count += 1
    _checkin_log(session, qr_rows, rng)
    return count


def _checkin_log(session: StudySession, qr_rows: list, rng: random.Random) -> None:
    """The scans behind the QR check-ins, plus a few refused ones for the HR log."""
    attempts = []
    for employee, at in qr_rows:
        attempts.append((CheckinAttempt(session=session, user=employee.user, employee=employee, successful=True,
                                        nonce=f"demo{rng.getrandbits(40):x}"), at))
    for employee, at in qr_rows[:3]:
        refused = CheckinAttempt(session=session, user=employee.user, employee=employee, successful=False,
                                 error_reason=CheckinAttempt.Reason.EXPIRED, nonce=f"demo{rng.getrandbits(40):x}")
        attempts.append((refused, at - dt.timedelta(minutes=2)))
    created = CheckinAttempt.objects.bulk_create([a for a, _ in attempts])
    for attempt, (_, at) in zip(created, attempts, strict=True):
        CheckinAttempt.objects.filter(pk=attempt.pk).update(created_at=at)


@demo_step(ACTIVITY, 10)
def seed_sessions(ctx) -> str:
    campaigns = Campaign.objects.filter(agency=ctx.agency)
    actor = get_user_model().objects.filter(username="vanphong").first()
    rng = random.Random(ctx.seed + 5)
    made = marked = 0
    dan_van = campaigns.filter(slug="dan-van-2024").first()
    if dan_van is not None:
        exempt_ids = set(Exemption.objects.filter(campaign=dan_van).values_list("employee_id", flat=True))
        exempt_ids |= set(_ids_of(dan_van, ["SCT0024"]))  # on leave in 2024 (exempted later)
        for title, date, start, end, numbers, makeup, online in PAST_2024:
            session, created = _ensure(dan_van, title, date, start, end, numbers, makeup, online, actor)
            made += created
            if created or not session.attendances.exists():
                marked += _attend(session, rng, actor, exempt_ids, makeup)
    current = campaigns.filter(slug="chuyen-de-2026").first() or campaigns.order_by("-year", "-start").first()
    if current is not None:
        title, date, start, end = UPCOMING
        numbers = ["59/2023/NĐ-CP", "10/2022/QH15", "33/CT-TTg"]
        _, created = _ensure(current, title, date, start, end, numbers, False, "", actor)
        made += created
    return f"{made} sessions created, {marked} attendance records"


def _ids_of(campaign: Campaign, codes: list[str]) -> list[int]:
    return list(campaign.agency.agency_staff.filter(employee_code__in=codes).values_list("pk", flat=True))

