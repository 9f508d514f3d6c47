"""Synthetic scale data for `seed_demo --employees N --seed S` (CONTRACT.md "Demo and set-up").

N staff spread over the demo units (plus teams under them when N is large), and evidence for the
campaign `dan-van-2024` spread across units and dates: each department holds one study session
per group of directives (a session covers several directives at once) and a make-up session after
the due date; paper quizzes per group with failed tries and retests; manual records; some
exemptions, joiners and leavers. Profiles are drawn so that well over a third of staff complete
every requirement. Deterministic for a given S: one `random.Random(S)` drives every choice, in a
fixed order. Everything is bulk-inserted; no logins are created for scale staff (they are not
needed to measure reports, and hashing 30,000 passwords would dominate the time).

Re-running with the same N is a no-op; a different N on the same database is refused (start from
a fresh database), so the data always corresponds to one (N, S).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.db import connection

from core.demo import SCALE, demo_step
from core.errors import DomainError
from core.text import fold
from learning.models import (
    Attendance,
    AttendanceMethod,
    AttendanceStatus,
    Campaign,
    Exemption,
    ManualEvidence,
    StudySession,
)
from org.demo.staff import vietnamese_name
from org.models import Employee, EmployeeCategory, OrgUnit, OrgUnitKind
from quizzes.models import Attempt, Quiz

CAMPAIGN = "dan-van-2024"
CODE_PREFIX = "SX"  # scale staff codes: SX000001…
QUIZ_PREFIX = "scale-kiem-tra-nhom-"
TEAM_SIZE = 600  # one extra team under a department per this many staff
GROUP_SIZE = 4  # directives covered by one session
BATCH = 5000

# Share of staff per profile (cumulative draw). "all" attend every session of their unit (some
# late, some by quiz or manual record instead); "late" complete the last group after the due
# date; "partial" miss some groups; "none" did nothing; "exempt" are exempted.
PROFILES = [("all", 0.52), ("late", 0.10), ("partial", 0.23), ("none", 0.12), ("exempt", 0.03)]
CATEGORIES = [(EmployeeCategory.CONG_CHUC, 0.55), (EmployeeCategory.VIEN_CHUC, 0.25),
              (EmployeeCategory.NGUOI_LAO_DONG, 0.15), (EmployeeCategory.CAN_BO, 0.05)]
EXEMPT_REASONS = ["Nghỉ thai sản", "Nghỉ ốm dài ngày", "Biệt phái công tác", "Đi học tập trung dài hạn"]


class ScaleSeedRefused(DomainError):
    code = "scale_seed_refused"


@dataclass
class Plan:
    campaign: Campaign
    units: list[OrgUnit]
    groups: list[list[int]]  # directive ids per session group, in requirement order
    sessions: dict[tuple[int, int], StudySession]  # (department id, group index) → session
    makeups: dict[tuple[int, int], StudySession]  # after the due date
    quizzes: list  # one quizzes.Quiz per group, or [] when the quizzes app is absent


def _draw(rng: random.Random, weighted: list[tuple[str, float]]) -> str:
    point, total = rng.random(), 0.0
    for value, share in weighted:
        total += share
        if point < total:
            return value
    return weighted[-1][0]


def _departments(agency: OrgUnit) -> list[OrgUnit]:
    return list(OrgUnit.objects.filter(path__startswith=agency.path, depth=2).order_by("path"))


def _ensure_teams(agency: OrgUnit, departments: list[OrgUnit], employees: int) -> list[OrgUnit]:
    """Units that receive staff: the departments, plus numbered teams when N is large."""
    wanted = employees // TEAM_SIZE
    for index in range(wanted):
        parent = departments[index % len(departments)]
        code = f"{parent.code}-T{index // len(departments) + 1:02d}"
        if not OrgUnit.objects.filter(path__startswith=agency.path, code=code).exists():
            parent.refresh_from_db()
            parent.add_child(code=code, name=f"Tổ {index // len(departments) + 1:02d} – {parent.name}",
                             kind=OrgUnitKind.TEAM)
    return list(OrgUnit.objects.filter(path__startswith=agency.path, depth__gte=2).order_by("path"))


def _session_dates(campaign: Campaign, groups: int, rng: random.Random) -> list[dt.date]:
    span = (campaign.due - campaign.start).days - 10
    return sorted(campaign.start + dt.timedelta(days=rng.randrange(5, span)) for _ in range(groups))


def _ensure_sessions(campaign: Campaign, departments: list[OrgUnit], groups: list[list[int]],
                     rng: random.Random) -> tuple[dict, dict]:
    sessions, makeups = {}, {}
    for department in departments:
        dates = _session_dates(campaign, len(groups), rng)
        for index, directive_ids in enumerate(groups):
            for makeup, date in ((False, dates[index]), (True, campaign.due + dt.timedelta(days=7 + index))):
                title = (f"{'Học bù – ' if makeup else ''}Hội nghị quán triệt nhóm {index + 1} – {department.name}")
                session = StudySession.objects.create(
                    campaign=campaign, title=title, date=date, location=f"Hội trường {department.name}",
                    is_makeup=makeup,
                )
                session.directives.set(directive_ids)
                session.audience_units.set([department])
                (makeups if makeup else sessions)[(department.pk, index)] = session
    return sessions, makeups


def _ensure_quizzes(groups: list[list[int]]) -> list:
    quizzes = []
    for index, directive_ids in enumerate(groups):
        quiz, _ = Quiz.objects.get_or_create(
            slug=f"{QUIZ_PREFIX}{index + 1}",
            defaults={"title": f"Kiểm tra trên giấy nhóm văn bản {index + 1} (dữ liệu mô phỏng)", "draft": True},
        )
        quiz.directives.set(directive_ids)
        quizzes.append(quiz)
    return quizzes


def _plan(ctx, rng: random.Random) -> Plan:
    campaign = Campaign.objects.filter(agency=ctx.agency, slug=CAMPAIGN).first()
    if campaign is None:
        raise ScaleSeedRefused(f"campaign {CAMPAIGN} is missing: the content steps must run first")
    directive_ids = list(campaign.requirements.order_by("order", "id").values_list("directive_id", flat=True))
    groups = [directive_ids[i:i + GROUP_SIZE] for i in range(0, len(directive_ids), GROUP_SIZE)]
    departments = _departments(ctx.agency)
    units = _ensure_teams(ctx.agency, departments, ctx.employees)
    sessions, makeups = _ensure_sessions(campaign, departments, groups, rng)
    return Plan(campaign, units, groups, sessions, makeups, _ensure_quizzes(groups))


def _department_of(unit: OrgUnit, by_path: dict[str, OrgUnit]) -> OrgUnit:
    return by_path[unit.path[: OrgUnit.steplen * 2]]


def _new_staff(ctx, plan: Plan, rng: random.Random) -> list[Employee]:
    staff = []
    for number in range(1, ctx.employees + 1):
        unit = plan.units[rng.randrange(len(plan.units))]
        name = vietnamese_name(rng)
        start = dt.date(rng.randrange(1995, 2024), rng.randrange(1, 13), rng.randrange(1, 29))
        left, active = None, True
        luck = rng.random()
        if luck < 0.02:  # joined during the campaign
            start = plan.campaign.start + dt.timedelta(days=rng.randrange(10, 150))
        elif luck < 0.03:  # left during the campaign
            left, active = plan.campaign.start + dt.timedelta(days=rng.randrange(30, 180)), False
        staff.append(Employee(
            agency=ctx.agency, unit=unit, employee_code=f"{CODE_PREFIX}{number:06d}", full_name=name,
            search_name=fold(name), category=_draw(rng, CATEGORIES), position="Chuyên viên",
            start_date=start, left_date=left, is_active=active,
        ))
    return Employee.objects.bulk_create(staff, batch_size=BATCH)


def _evidence(plan: Plan, staff: list[Employee], rng: random.Random) -> dict[str, list]:
    by_path = {u.path: u for u in OrgUnit.objects.filter(path__startswith=plan.units[0].path[: OrgUnit.steplen])}
    units = {u.pk: u for u in plan.units}
    out = {"attendance": [], "attempts": [], "manual": [], "exempt": []}
    numbers: dict[tuple[int, int], int] = {}
    for person in staff:
        profile = _draw(rng, PROFILES)
        department = _department_of(units[person.unit_id], by_path)
        if profile == "exempt":
            out["exempt"].append(Exemption(campaign=plan.campaign, employee=person, reason=rng.choice(EXEMPT_REASONS)))
        for index, directive_ids in enumerate(plan.groups):
            if profile == "none" or (profile == "partial" and rng.random() < 0.45):
                if rng.random() < 0.2:  # absent, or failed the test: recorded, but no evidence
                    _record_absent(out, plan, department, index, person, rng)
                continue
            late = profile == "late" and index == len(plan.groups) - 1
            session = plan.makeups[(department.pk, index)] if late else plan.sessions[(department.pk, index)]
            if not _in_post(person, session.date):
                continue
            _record_study(out, plan, department, index, directive_ids, person, late, rng, numbers)
    return out


def _in_post(person: Employee, day: dt.date) -> bool:
    return (person.start_date is None or person.start_date <= day) and (person.left_date is None or day < person.left_date)


def _record_absent(out, plan: Plan, department, index, person, rng) -> None:
    status = rng.choice([AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED])
    out["attendance"].append(Attendance(session=plan.sessions[(department.pk, index)], employee=person,
                                        status=status, method=AttendanceMethod.SHEET))


def _record_study(out, plan: Plan, department, index, directive_ids, person, late, rng, numbers) -> None:
    """Evidence that `person` studied the group: mostly the unit's session, else a quiz or HR."""
    session = plan.makeups[(department.pk, index)] if late else plan.sessions[(department.pk, index)]
    how = rng.random()
    if how < 0.80 or not plan.quizzes:
        status = AttendanceStatus.LATE if rng.random() < 0.08 else AttendanceStatus.PRESENT
        out["attendance"].append(Attendance(session=session, employee=person, status=status,
                                            method=AttendanceMethod.SHEET))
    elif how < 0.93:
        quiz = plan.quizzes[index]
        day = session.date + dt.timedelta(days=rng.randrange(0, 10))
        if rng.random() < 0.3:  # failed first, passed the retest a week later
            _attempt(out, quiz, person, day, False, rng, numbers)
            day += dt.timedelta(days=7)
        _attempt(out, quiz, person, day, True, rng, numbers)
    else:
        for directive_id in directive_ids:
            out["manual"].append(ManualEvidence(employee=person, directive_id=directive_id,
                                                date=session.date + dt.timedelta(days=rng.randrange(0, 5)),
                                                note="Học tập tại chi bộ (dữ liệu mô phỏng)"))


def _attempt(out, quiz, person, day, passed, rng, numbers) -> None:
    key = (quiz.pk, person.pk)
    numbers[key] = numbers.get(key, 0) + 1
    score = rng.randrange(8, 11) if passed else rng.randrange(2, 8)
    out["attempts"].append(Attempt(
        quiz=quiz, employee=person, number=numbers[key], source="paper", state="finished", passed=passed,
        score=score, max_score=10, percent=score * 10, evidence_date=day,
    ))


def _analyze() -> None:
    """Refresh the planner's statistics after a bulk load: without them PostgreSQL may pick nested
    loops over tens of thousands of rows (seconds instead of milliseconds) until autovacuum runs."""
    if connection.vendor in ("postgresql", "sqlite"):
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


@demo_step(SCALE, 10)
def seed_scale(ctx) -> str:
    return scale_agency(ctx)


def scale_agency(ctx, *, analyze: bool = True) -> str:
    """`ctx.employees` scale staff with their evidence in `ctx.agency` (also used per agency by
    `seed_demo --province`, which analyzes once at the end)."""
    existing = Employee.objects.filter(agency=ctx.agency, employee_code__startswith=CODE_PREFIX).count()
    if existing == ctx.employees:
        return f"{existing} scale staff already present, nothing to do"
    if existing:
        raise ScaleSeedRefused(f"{existing} scale staff already exist; use a fresh database for --employees "
                               f"{ctx.employees}")
    rng = random.Random(ctx.seed)
    plan = _plan(ctx, rng)
    staff = _new_staff(ctx, plan, rng)
    if not staff or staff[0].pk is None:  # backends that do not return ids from bulk_create
        staff = list(Employee.objects.filter(agency=ctx.agency, employee_code__startswith=CODE_PREFIX)
                     .order_by("employee_code"))
    evidence = _evidence(plan, staff, rng)
    Exemption.objects.bulk_create(evidence["exempt"], batch_size=BATCH)
    Attendance.objects.bulk_create(evidence["attendance"], batch_size=BATCH)
    ManualEvidence.objects.bulk_create(evidence["manual"], batch_size=BATCH)
    if evidence["attempts"]:
        Attempt.objects.bulk_create(evidence["attempts"], batch_size=BATCH)
    if analyze:
        _analyze()
    return (f"{len(staff)} staff in {len(plan.units)} units, {len(plan.sessions) + len(plan.makeups)} sessions, "
            f"{len(evidence['attendance'])} attendance rows, {len(evidence['attempts'])} quiz attempts, "
            f"{len(evidence['manual'])} manual records, {len(evidence['exempt'])} exemptions")
