"""Reminders: who gets mail and who does not, idempotent re-runs, every reminder recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from reports.models import Reminder, ReminderKind, ReminderStatus
from reports.services import reminders as service
from reports.services.reminders import AlreadyReminded, NothingToRemind, reminder_send_manual, reminders_send
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles
from tests.learning.compliance_helpers import attend, exempt, make_campaign, make_directive, make_session, manual

pytestmark = pytest.mark.django_db
D = dt.date
DUE = D(2024, 10, 31)


@pytest.fixture
def world():
    agency = make_agency()
    qlcn = make_unit(agency, "QLCN", "Phòng Quản lý Công nghiệp")
    vp = make_unit(agency, "VP", "Văn phòng Sở")
    d1, d2 = make_directive("23-QĐ/TW"), make_directive("33/CT-TTg")
    campaign = make_campaign(agency, [d1, d2], start=D(2024, 4, 1), due=DUE)
    people = {
        "done": EmployeeFactory(agency=agency, unit=qlcn, employee_code="A01", full_name="Lê Văn Xong"),
        "half": EmployeeFactory(agency=agency, unit=qlcn, employee_code="A02", full_name="Phạm Thị Nửa"),
        "none": EmployeeFactory(agency=agency, unit=qlcn, employee_code="A03", full_name="Trần Văn Chưa"),
        "exempt": EmployeeFactory(agency=agency, unit=qlcn, employee_code="A04", full_name="Võ Thị Miễn"),
        "no_email": EmployeeFactory(agency=agency, unit=qlcn, employee_code="A05", email="", user=None),
        "vp": EmployeeFactory(agency=agency, unit=vp, employee_code="B01", full_name="Đỗ Văn Phòng"),
        "head": EmployeeFactory(agency=agency, unit=qlcn, employee_code="H01", full_name="Ngô Trưởng Phòng",
                                position="Trưởng phòng"),
    }
    give_role(people["head"].user, roles.UNIT_HEAD)
    session = make_session(campaign, D(2024, 5, 10), [d1, d2])
    attend(session, people["done"])
    attend(session, people["head"])
    manual(people["half"], d1, D(2024, 6, 1))
    exempt(campaign, people["exempt"])
    return campaign, people, (d1, d2)


def _recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_due_soon_goes_to_pending_people_only(world):
    campaign, people, _ = world
    result = reminders_send(as_of=DUE - dt.timedelta(days=7), days_before=7)
    learners = [m for m in mail.outbox if "Sắp đến hạn" in m.subject]
    assert sorted(a for m in learners for a in m.to) == sorted(
        [people["half"].email, people["none"].email, people["vp"].email]
    )
    assert result.sent[ReminderKind.DUE_SOON] == 3
    assert result.no_email[ReminderKind.DUE_SOON] == 1  # A05 has no address: skipped, said so
    half = next(m for m in learners if m.to == [people["half"].email])
    assert "33/CT-TTg" in half.body and "23-QĐ/TW" not in half.body
    assert "Phạm Thị Nửa" in half.body and "31/10/2024" in half.body
    assert "http://testserver/" in half.body
    html = half.alternatives[0][0]
    assert "Phạm Thị Nửa" in html and "33/CT-TTg" in html
    recorded = Reminder.objects.get(employee=people["half"], kind=ReminderKind.DUE_SOON)
    assert recorded.requirements == ["33/CT-TTg"] and recorded.email == people["half"].email
    assert recorded.sent_on == DUE - dt.timedelta(days=7) and recorded.status == ReminderStatus.SENT


def test_nothing_before_the_window(world):
    result = reminders_send(as_of=DUE - dt.timedelta(days=8), days_before=7)
    learner_mail = [m for m in mail.outbox if "Tổng hợp" not in m.subject]
    assert learner_mail == [] and result.sent[ReminderKind.DUE_SOON] == 0


def test_due_soon_once_in_the_window_and_idempotent(world):
    first = reminders_send(as_of=DUE - dt.timedelta(days=7))
    count = len(mail.outbox)
    again = reminders_send(as_of=DUE - dt.timedelta(days=7))
    later = reminders_send(as_of=DUE - dt.timedelta(days=3))
    assert first.sent[ReminderKind.DUE_SOON] == 3
    assert again.sent[ReminderKind.DUE_SOON] == 0 and again.already[ReminderKind.DUE_SOON] == 3
    assert later.sent[ReminderKind.DUE_SOON] == 0
    assert len(mail.outbox) == count
    assert Reminder.objects.filter(kind=ReminderKind.DUE_SOON).count() == 3


def test_overdue_after_the_deadline_weekly(world):
    campaign, people, _ = world
    day = DUE + dt.timedelta(days=1)
    result = reminders_send(as_of=day)
    overdue = [m for m in mail.outbox if "quá hạn" in m.subject]
    assert sorted(a for m in overdue for a in m.to) == sorted(
        [people["half"].email, people["none"].email, people["vp"].email]
    )
    assert result.sent[ReminderKind.OVERDUE] == 3
    assert reminders_send(as_of=day + dt.timedelta(days=3)).sent[ReminderKind.OVERDUE] == 0
    assert reminders_send(as_of=day + dt.timedelta(days=7)).sent[ReminderKind.OVERDUE] == 3


def test_nobody_done_exempt_or_without_email_is_mailed(world):
    campaign, people, _ = world
    reminders_send(as_of=DUE - dt.timedelta(days=2))
    reminders_send(as_of=DUE + dt.timedelta(days=2))
    for key in ("done", "exempt", "no_email"):
        assert not Reminder.objects.filter(employee=people[key]).exists()
    everyone = _recipients()
    assert people["done"].email not in everyone and people["exempt"].email not in everyone


def test_weekly_summary_to_unit_heads_with_their_subtree(world):
    campaign, people, _ = world
    result = reminders_send(as_of=D(2024, 6, 3))  # mid-campaign: no learner mail yet
    assert result.sent[ReminderKind.WEEKLY_SUMMARY] == 1
    [summary] = mail.outbox
    assert summary.to == [people["head"].email]
    assert "Phòng Quản lý Công nghiệp" in summary.subject
    # QLCN: done, half, none, exempt, no_email, head → 6 people, 1 exempt, 2 done.
    assert "Số người phải học: 5 (trong diện: 6, miễn học: 1)" in summary.body
    assert "Đã hoàn thành tất cả văn bản: 2 người — Tỷ lệ người hoàn thành: 40,0%" in summary.body
    assert "Đỗ Văn Phòng" not in summary.body  # another unit's staff
    assert "/admin/" in summary.body
    recorded = Reminder.objects.get(kind=ReminderKind.WEEKLY_SUMMARY)
    assert recorded.employee == people["head"] and recorded.unit.code == "QLCN"
    assert reminders_send(as_of=D(2024, 6, 5)).sent[ReminderKind.WEEKLY_SUMMARY] == 0
    assert reminders_send(as_of=D(2024, 6, 10)).sent[ReminderKind.WEEKLY_SUMMARY] == 1


def test_summary_after_deadline_lists_the_overdue(world):
    campaign, people, _ = world
    reminders_send(as_of=DUE + dt.timedelta(days=1))
    [summary] = [m for m in mail.outbox if m.to == [people["head"].email]]
    assert "Danh sách quá hạn" in summary.body and "Trần Văn Chưa" in summary.body


def test_dry_run_sends_and_records_nothing(world):
    result = reminders_send(as_of=DUE - dt.timedelta(days=1), dry_run=True)
    assert result.sent[ReminderKind.DUE_SOON] == 3 and mail.outbox == []
    assert not Reminder.objects.exists()


def test_failed_mail_is_recorded_and_retried(world, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    result = reminders_send(as_of=DUE - dt.timedelta(days=1))
    assert sum(result.failed.values()) == 4  # 3 learners + 1 summary
    assert Reminder.objects.filter(status=ReminderStatus.FAILED).count() == 4
    monkeypatch.undo()
    assert reminders_send(as_of=DUE - dt.timedelta(days=1)).sent[ReminderKind.DUE_SOON] == 3


def test_manual_reminder(world):
    campaign, people, _ = world
    hr = EmployeeFactory(agency=campaign.agency, employee_code="HR1")
    reminder = reminder_send_manual(campaign=campaign, employee=people["none"], actor=hr.user, as_of=D(2024, 6, 1))
    assert reminder.kind == ReminderKind.MANUAL and reminder.sent_by == hr.user
    assert reminder.requirements == ["23-QĐ/TW", "33/CT-TTg"]
    assert mail.outbox[0].to == [people["none"].email]
    with pytest.raises(AlreadyReminded):
        reminder_send_manual(campaign=campaign, employee=people["none"], actor=hr.user, as_of=D(2024, 6, 1))
    with pytest.raises(NothingToRemind):
        reminder_send_manual(campaign=campaign, employee=people["done"], actor=hr.user, as_of=D(2024, 6, 1))
    with pytest.raises(service.NoEmail):
        reminder_send_manual(campaign=campaign, employee=people["no_email"], actor=hr.user, as_of=D(2024, 6, 1))


def test_command_prints_counts_and_task_runs(world, capsys):
    call_command("send_reminders", "--as-of", "24/10/2024", "--days-before", "7", "--dry-run")
    out = capsys.readouterr().out
    assert "would send: due_soon 3, overdue 0, weekly_summary 1" in out
    assert "A03" in out and not Reminder.objects.exists()
    call_command("send_reminders", "--as-of", "2024-10-24")
    assert "sent: due_soon 3, overdue 0, weekly_summary 1" in capsys.readouterr().out
    from reports.tasks_reminders import send_reminders_task

    outcome = send_reminders_task.enqueue(as_of="2024-11-01").return_value
    assert outcome["sent"] == {"overdue": 3, "weekly_summary": 1}


def test_command_enqueue_runs_the_task(world, capsys):
    call_command("send_reminders", "--as-of", "2024-10-24", "--enqueue")
    assert capsys.readouterr().out.startswith("enqueued ")
    assert Reminder.objects.filter(kind=ReminderKind.DUE_SOON).count() == 3  # immediate backend in tests


def test_command_rejects_bad_date(world):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not a date"):
        call_command("send_reminders", "--as-of", "31/31/2024")


def test_reminder_log_in_admin_is_read_only_for_hr(world, client):
    campaign, people, _ = world
    reminders_send(as_of=DUE - dt.timedelta(days=1))
    hr = EmployeeFactory(agency=campaign.agency, employee_code="HR9")
    give_role(hr.user, roles.HR)
    client.force_login(hr.user)
    from django.urls import reverse

    page = client.get(reverse("reminders:index"))
    assert page.status_code == 200 and people["none"].email in page.content.decode()
    assert client.get(reverse("reminders:add")).status_code == 302  # no add permission: sent away


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_racing_runs_send_each_reminder_once():
    """Two schedulers (or a retry) running the job at the same moment: the partial unique
    constraint is the lock, so every person still gets exactly one mail."""
    import threading

    from django.db import connection
    from wagtail.models import Locale, Page

    # Earlier transactional tests flush the locale and root page made by Wagtail's migrations.
    locale, _ = Locale.objects.get_or_create(language_code="vi")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    agency = make_agency()
    unit = make_unit(agency, "QLCN", "Phòng Quản lý Công nghiệp")
    make_campaign(agency, [make_directive("23-QĐ/TW")], start=D(2024, 4, 1), due=DUE)
    for i in range(6):
        EmployeeFactory(agency=agency, unit=unit, employee_code=f"R{i:02d}")
    barrier = threading.Barrier(3)
    results, errors = [], []

    def worker():
        try:
            barrier.wait()
            results.append(reminders_send(as_of=DUE - dt.timedelta(days=2)))
        except Exception as exc:  # noqa: BLE001 - the test reports any failure of a racing run
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sum(r.sent[ReminderKind.DUE_SOON] for r in results) == 6
    assert Reminder.objects.filter(kind=ReminderKind.DUE_SOON).count() == 6
    assert sorted(a for m in mail.outbox for a in m.to) == sorted(f"r{i:02d}@example.vn" for i in range(6))


def test_nothing_long_after_the_deadline(world):
    result = reminders_send(as_of=DUE + dt.timedelta(days=service.OVERDUE_FOR_DAYS + 1))
    assert sum(result.sent.values()) == 0 and mail.outbox == []


def test_a_newcomer_is_reminded_by_their_own_due_date(world):
    campaign, people, _ = world
    campaign.new_hire_days = 30
    campaign.save()
    newcomer = EmployeeFactory(agency=campaign.agency, unit=people["vp"].unit, employee_code="N01",
                               full_name="Mai Thị Mới", start_date=D(2024, 10, 20))  # own due: 19/11/2024
    reminders_send(as_of=DUE - dt.timedelta(days=7), days_before=7)
    assert newcomer.email not in _recipients()  # not due soon yet: 19/11 is weeks away
    mail.outbox.clear()
    reminders_send(as_of=D(2024, 11, 5))  # the others are overdue now; the newcomer is not
    overdue = [m for m in mail.outbox if "quá hạn" in m.subject]
    assert people["none"].email in [a for m in overdue for a in m.to]
    assert newcomer.email not in [a for m in overdue for a in m.to]
    mail.outbox.clear()
    reminders_send(as_of=D(2024, 11, 14), days_before=7)
    [soon] = [m for m in mail.outbox if "Sắp đến hạn" in m.subject]
    assert soon.to == [newcomer.email] and "19/11/2024" in soon.body and "còn 5 ngày" in soon.body
