"""Reminders: e-mails to learners with requirements still missing and weekly summaries to unit heads.

Statuses come from the compliance table, never from rules of our own. Cadence (docs/reminders.md):
- `due_soon`: from `due − days_before` to `due`, to each person with a `pending` requirement,
  once in that window;
- `overdue`: after `due` (for `OVERDUE_FOR_DAYS` days), to each person with an `overdue`
  requirement, at most once every 7 days;
- `weekly_summary`: to each unit head (group UNIT_HEAD) whose unit subtree is in a running
  campaign's audience, at most once every 7 days, with the subtree's figures;
- `manual`: one click on the dashboard;
- `dossier_deadline`: to HR of an agency whose self-assessment dossier of the year is not submitted,
  from `DOSSIER_DAYS_BEFORE` days before its deadline (15/11 unless changed) until
  `DOSSIER_OVERDUE_DAYS` after it, at most once every 7 days (recorded against the agency's campaign
  of that year);
- `grading_queue`: to each grader (unit head: their subtree; HR: the agency) with reflections
  waiting to be graded, at most once every 7 days; `redo_reflection`: to each learner with a
  reflection returned for changes, at most once every 7 days (docs/reflections.md).
Nobody gets two successful reminders of one kind for one campaign on one day (a partial unique
constraint), so re-running the job is harmless. Every e-mail, sent or failed, is a `Reminder` row.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.errors import DomainError
from learning.models import Campaign
from learning.selectors.compliance import compliance_table, employee_campaign_status
from learning.selectors.summaries import summary
from learning.statuses import OVERDUE, PENDING
from org.models import Employee
from org.roles import HR, UNIT_HEAD
from org.scoping import agency_object_required
from reflections.selectors.reminders import returned_by_writer, waiting_by_grader
from reports.models import DossierStatus, Reminder, ReminderKind, ReminderStatus, ScoringDossier
from reports.selectors import dashboard
from reports.selectors.scoring import scoring_sheet

logger = logging.getLogger(__name__)

OVERDUE_FOR_DAYS = getattr(settings, "REMINDERS_OVERDUE_FOR_DAYS", 60)
DOSSIER_DAYS_BEFORE = 14
DOSSIER_OVERDUE_DAYS = 30
REPEAT_EVERY_DAYS = 7
ONLY_WHEN_SENT = {ReminderKind.DOSSIER_DEADLINE, ReminderKind.GRADING_QUEUE, ReminderKind.REDO_REFLECTION}


class NothingToRemind(DomainError):
    code = "nothing_to_remind"


class NoEmail(DomainError):
    code = "no_email"


class AlreadyReminded(DomainError):
    code = "already_reminded"


@dataclass
class Planned:
    kind: str
    campaign: Campaign
    employee: Employee
    email: str
    requirements: list[str]
    unit: object = None
    context: dict = field(default_factory=dict)


@dataclass
class ReminderResult:
    as_of: dt.date
    dry_run: bool
    sent: Counter = field(default_factory=Counter)
    failed: Counter = field(default_factory=Counter)
    no_email: Counter = field(default_factory=Counter)
    already: Counter = field(default_factory=Counter)
    planned: list[Planned] = field(default_factory=list)

    def line(self) -> str:
        verb = "would send" if self.dry_run else "sent"
        kinds = [k.value for k in ReminderKind if k != ReminderKind.MANUAL]
        # later kinds join the line only when they have something to say (the line is read by scripts)
        parts = [f"{kind} {self.sent[kind]}" for kind in kinds if kind not in ONLY_WHEN_SENT or self.sent[kind]]
        return (f"{verb}: " + ", ".join(parts) + f"; failed {sum(self.failed.values())}, "
                f"no email {sum(self.no_email.values())}, already sent {sum(self.already.values())}")


def email_of(employee: Employee) -> str:
    if employee.email:
        return employee.email
    user = employee.user
    return (user.email or "") if user else ""


def _site_link(name: str) -> str:
    return settings.SITE_URL + reverse(name)


def _sent_on(*, campaign: Campaign, kind: str, since: dt.date) -> dict[int, list[dt.date]]:
    """employee_id → the days a reminder of `kind` was sent to them on or after `since`."""
    sent: dict[int, list[dt.date]] = {}
    for employee_id, day in (Reminder.objects.filter(campaign=campaign, kind=kind, status=ReminderStatus.SENT,
                                                     sent_on__gte=since).values_list("employee_id", "sent_on")):
        sent.setdefault(employee_id, []).append(day)
    return sent


def _recent(*, campaign: Campaign, kind: str, since: dt.date) -> set[int]:
    return set(
        Reminder.objects.filter(campaign=campaign, kind=kind, status=ReminderStatus.SENT, sent_on__gte=since)
        .values_list("employee_id", flat=True)
    )


# --- planning --------------------------------------------------------------------------------


def _learner_plans(*, campaign: Campaign, table, as_of: dt.date, days_before: int, result: ReminderResult):
    """Due-soon reminders in the `days_before` days up to each person's due date, overdue ones (every
    REPEAT_EVERY_DAYS) for OVERDUE_FOR_DAYS after it. The due date is the person's own (a newcomer's
    with `new_hire_days`: `due_day` of the table), the campaign's for everyone else."""
    if table.empty:
        return []
    today = as_of.toordinal()
    due = table["due_day"].astype("int64")
    windows = [
        (ReminderKind.DUE_SOON, (table["status"] == PENDING) & (due >= today) & (due - days_before <= today)),
        (ReminderKind.OVERDUE, (table["status"] == OVERDUE) & (due < today) & (today <= due + OVERDUE_FOR_DAYS)),
    ]
    plans = []
    for kind, in_window in windows:
        missing = table[in_window]
        if missing.empty:
            continue
        by_person = missing.groupby("employee_id", sort=False).agg(requirements=("requirement", list),
                                                                   due_day=("due_day", "first"))
        # Once per window for "due soon" (since the window opened), every REPEAT_EVERY_DAYS when overdue.
        since = {
            employee_id: (dt.date.fromordinal(int(day)) - dt.timedelta(days=days_before)
                          if kind == ReminderKind.DUE_SOON else as_of - dt.timedelta(days=REPEAT_EVERY_DAYS - 1))
            for employee_id, day in by_person["due_day"].items()
        }
        sent = _sent_on(campaign=campaign, kind=kind, since=min(since.values()))
        people = dashboard.employees_by_id(by_person.index)
        for employee_id, row in by_person.iterrows():
            if any(day >= since[employee_id] for day in sent.get(employee_id, ())):
                result.already[kind] += 1
                continue
            employee = people[employee_id]
            address = email_of(employee)
            if not address:
                result.no_email[kind] += 1
                continue
            due_date = dt.date.fromordinal(int(row["due_day"]))
            plans.append(Planned(kind=kind, campaign=campaign, employee=employee, email=address,
                                 requirements=list(row["requirements"]),
                                 context={"due": due_date, "days_left": (due_date - as_of).days}))
    return plans


def unit_heads(campaign: Campaign):
    return (
        Employee.objects.filter(agency_id=campaign.agency_id, user__groups__name=UNIT_HEAD, user__is_active=True)
        .select_related("user", "unit")
        .distinct()
    )


def _summary_plans(*, campaign: Campaign, table, as_of: dt.date, result: ReminderResult):
    kind = ReminderKind.WEEKLY_SUMMARY
    if as_of > campaign.due + dt.timedelta(days=OVERDUE_FOR_DAYS):
        return []
    done_recently = _recent(campaign=campaign, kind=kind, since=as_of - dt.timedelta(days=REPEAT_EVERY_DAYS - 1))
    plans = []
    for head in unit_heads(campaign):
        subtree = table[table["unit_path"].str.startswith(head.unit.path)]
        if subtree.empty:
            continue
        figures = summary(subtree)
        if as_of > campaign.due and figures.overdue == 0:
            continue  # after the deadline, a summary is only worth sending while someone is overdue
        if head.id in done_recently:
            result.already[kind] += 1
            continue
        address = email_of(head)
        if not address:
            result.no_email[kind] += 1
            continue
        overdue = dashboard.people_list(subtree, status=OVERDUE)
        pending = dashboard.people_list(subtree, status=PENDING)
        plans.append(Planned(
            kind=kind, campaign=campaign, employee=head, email=address, requirements=[], unit=head.unit,
            context={
                "summary": figures,
                "units": dashboard.records(dashboard.by_unit(subtree)),
                "overdue_people": overdue.head(30).to_dict("records"),
                "overdue_more": max(len(overdue) - 30, 0),
                "pending_count": len(pending),
            },
        ))
    return plans


def _dossier_plans(*, as_of: dt.date, result: ReminderResult) -> list[Planned]:
    """HR of each agency whose dossier is open near or past its deadline (scores still missing)."""
    kind = ReminderKind.DOSSIER_DEADLINE
    plans = []
    dossiers = ScoringDossier.objects.filter(
        status=DossierStatus.DRAFT, deadline__gte=as_of - dt.timedelta(days=DOSSIER_OVERDUE_DAYS),
        deadline__lte=as_of + dt.timedelta(days=DOSSIER_DAYS_BEFORE)).select_related("agency")
    for dossier in dossiers:
        campaign = (Campaign.objects.filter(agency=dossier.agency, year=dossier.year).order_by("start", "pk").first())
        if campaign is None:
            continue  # a reminder is recorded against a campaign of the year
        done_recently = _recent(campaign=campaign, kind=kind, since=as_of - dt.timedelta(days=REPEAT_EVERY_DAYS - 1))
        sheet = scoring_sheet(agency=dossier.agency, year=dossier.year)
        leaves = [r for r in sheet.rows if r.is_leaf]
        context = {"dossier": dossier, "scored": sum(1 for r in leaves if r.points is not None), "leaves": len(leaves),
                   "total": sheet.total_points, "total_max": sheet.total_max, "rating": sheet.rating,
                   "days_to_deadline": (dossier.deadline - as_of).days,
                   "dossier_link": _site_link("scoring_dossiers:index")}
        for officer in (Employee.objects.filter(agency=dossier.agency, user__groups__name=HR, user__is_active=True)
                        .select_related("user").distinct()):
            if officer.id in done_recently:
                result.already[kind] += 1
                continue
            address = email_of(officer)
            if not address:
                result.no_email[kind] += 1
                continue
            plans.append(Planned(kind=kind, campaign=campaign, employee=officer, email=address, requirements=[],
                                 context=context))
    return plans


def _reflection_plans(*, campaign: Campaign, as_of: dt.date, result: ReminderResult) -> list[Planned]:
    """Graders with reflections waiting and learners with one returned to them, once a week each."""
    since = as_of - dt.timedelta(days=REPEAT_EVERY_DAYS - 1)
    queue_link = _site_link("reflections_admin:queue") + f"?status=submitted&campaign={campaign.pk}"
    wanted = [(ReminderKind.GRADING_QUEUE, grader, [], {"waiting": count, "queue_link": queue_link})
              for grader, count in waiting_by_grader(campaign=campaign)]
    wanted += [(ReminderKind.REDO_REFLECTION, writer, numbers, {"mine_link": _site_link("reflections:mine")})
               for writer, numbers in returned_by_writer(campaign=campaign)]
    recent = {kind: _recent(campaign=campaign, kind=kind, since=since)
              for kind in (ReminderKind.GRADING_QUEUE, ReminderKind.REDO_REFLECTION)}
    plans = []
    for kind, person, numbers, context in wanted:
        if person.pk in recent[kind]:
            result.already[kind] += 1
            continue
        address = email_of(person)
        if not address:
            result.no_email[kind] += 1
            continue
        plans.append(Planned(kind=kind, campaign=campaign, employee=person, email=address, requirements=numbers,
                             context=context))
    return plans


# --- delivery ------------------------------------------------------------------------------


SUBJECTS = {
    ReminderKind.DUE_SOON: "[Nhắc nhở] Sắp đến hạn hoàn thành: {title}",
    ReminderKind.OVERDUE: "[Nhắc nhở] Đã quá hạn hoàn thành: {title}",
    ReminderKind.MANUAL: "[Nhắc nhở] Đề nghị hoàn thành việc học tập: {title}",
    ReminderKind.WEEKLY_SUMMARY: "[Tổng hợp tuần] Tình hình học tập của {unit}: {title}",
    ReminderKind.DOSSIER_DEADLINE: "[Nhắc nhở] Hạn nộp hồ sơ tự chấm điểm năm {year}: {deadline}",
    ReminderKind.GRADING_QUEUE: "[Nhắc nhở] Bài thu hoạch đang chờ chấm: {title}",
    ReminderKind.REDO_REFLECTION: "[Nhắc nhở] Bài thu hoạch được trả lại để sửa: {title}",
}


def _message(plan: Planned, as_of: dt.date) -> EmailMultiAlternatives:
    template = {ReminderKind.WEEKLY_SUMMARY: "weekly_summary",
                ReminderKind.DOSSIER_DEADLINE: "dossier_deadline", ReminderKind.GRADING_QUEUE: "reflections",
                ReminderKind.REDO_REFLECTION: "reflections"}.get(plan.kind, "reminder")
    context = {
        "kind": plan.kind, "campaign": plan.campaign, "employee": plan.employee, "requirements": plan.requirements,
        "as_of": as_of, "days_left": (plan.campaign.due - as_of).days, "unit": plan.unit,
        "site_url": settings.SITE_URL, "home_link": _site_link("home"),
        "dashboard_link": _site_link("learning_dashboard:by_unit") + f"?campaign={plan.campaign.pk}",
        **plan.context,
    }
    dossier = plan.context.get("dossier")
    subject = SUBJECTS[plan.kind].format(title=plan.campaign.title, unit=getattr(plan.unit, "name", ""),
                                         year=getattr(dossier, "year", ""),
                                         deadline=f"{dossier.deadline:%d/%m/%Y}" if dossier else "")
    text = render_to_string(f"reports/email/{template}.txt", context)
    html = render_to_string(f"reports/email/{template}.html", context)
    message = EmailMultiAlternatives(subject=subject[:250], body=text, to=[plan.email])
    message.attach_alternative(html, "text/html")
    return message


def _deliver(plan: Planned, *, as_of: dt.date, actor=None) -> Reminder | None:
    """Record and send one reminder. Returns None when another run already sent it today."""
    fields = dict(campaign=plan.campaign, kind=plan.kind, employee=plan.employee, unit=plan.unit,
                  email=plan.email, requirements=plan.requirements, sent_on=as_of,
                  sent_by=actor if getattr(actor, "is_authenticated", False) else None)
    message = _message(plan, as_of)
    try:
        with transaction.atomic():
            # The row first: its unique constraint is the lock against a concurrent run.
            reminder = Reminder.objects.create(status=ReminderStatus.SENT, **fields)
            message.send()
        return reminder
    except IntegrityError:
        return None
    except Exception as exc:  # the mail server refused: keep a trace, the next run retries
        logger.warning("reminder to %s failed: %s", plan.email, exc)
        return Reminder.objects.create(status=ReminderStatus.FAILED, error=str(exc)[:500], **fields)


def reminders_send(*, as_of: dt.date | None = None, days_before: int = 7, dry_run: bool = False,
                   campaigns=None) -> ReminderResult:
    """Send the due-soon, overdue and weekly-summary reminders of every running campaign."""
    as_of = as_of or timezone.localdate()
    result = ReminderResult(as_of=as_of, dry_run=dry_run)
    if campaigns is None:
        # Campaigns long past their deadline send nothing: skip them before computing anything.
        campaigns = Campaign.objects.filter(start__lte=as_of, due__gte=as_of - dt.timedelta(days=OVERDUE_FOR_DAYS))
    plans = []
    for campaign in campaigns.order_by("start", "pk"):
        plans += _reflection_plans(campaign=campaign, as_of=as_of, result=result)
        table = compliance_table(campaign=campaign, as_of=as_of)
        if table.empty:
            continue
        plans += _learner_plans(campaign=campaign, table=table, as_of=as_of, days_before=days_before, result=result)
        plans += _summary_plans(campaign=campaign, table=table, as_of=as_of, result=result)
    plans += _dossier_plans(as_of=as_of, result=result)
    for plan in plans:
        result.planned.append(plan)
        if dry_run:
            result.sent[plan.kind] += 1
            continue
        reminder = _deliver(plan, as_of=as_of)
        if reminder is None:
            result.already[plan.kind] += 1
        elif reminder.status == ReminderStatus.FAILED:
            result.failed[plan.kind] += 1
        else:
            result.sent[plan.kind] += 1
    return result


def reminder_send_manual(*, campaign: Campaign, employee: Employee, actor, as_of: dt.date | None = None) -> Reminder:
    """The dashboard's one-click reminder to one person about their missing requirements.
    The caller checks that `actor` may see `employee`; another agency's campaign or person is not found."""
    agency_object_required(actor=actor, agency=campaign.agency_id)
    agency_object_required(actor=actor, agency=employee.agency_id)
    as_of = as_of or timezone.localdate()
    statuses = [s for s in employee_campaign_status(employee=employee, as_of=as_of) if s.campaign.pk == campaign.pk]
    missing = [item.directive.number for s in statuses for item in s.items if item.status in (PENDING, OVERDUE)]
    if not missing:
        raise NothingToRemind(f"{employee} không còn văn bản nào phải học trong kế hoạch này")
    address = email_of(employee)
    if not address:
        raise NoEmail(f"{employee} chưa có địa chỉ email")
    plan = Planned(kind=ReminderKind.MANUAL, campaign=campaign, employee=employee, email=address,
                   requirements=missing)
    reminder = _deliver(plan, as_of=as_of, actor=actor)
    if reminder is None:
        raise AlreadyReminded(f"{employee} đã được nhắc hôm nay")
    if reminder.status == ReminderStatus.FAILED:
        raise DomainError(f"Không gửi được thư tới {address}: {reminder.error}", code="send_failed")
    return reminder


def last_reminders(*, campaign: Campaign, employee_ids) -> dict[int, Reminder]:
    """The latest successful reminder of each person (for the overdue list)."""
    latest: dict[int, Reminder] = {}
    for reminder in Reminder.objects.filter(
        campaign=campaign, employee_id__in=list(employee_ids), status=ReminderStatus.SENT
    ).order_by("sent_at"):
        latest[reminder.employee_id] = reminder
    return latest

