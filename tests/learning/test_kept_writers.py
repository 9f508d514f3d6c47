"""Every writer that can change a status updates the kept statuses in its own transaction
(issue 17 item 1): after each service call the kept rows equal the full computation, and a
rolled-back write leaves them as they were. PostgreSQL: concurrent writers lose no update."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from django.db import connection, transaction

from core.evidence import evidence_announce
from learning.models import Attendance, AttendanceStatus, KeptStatus, StudySession
from learning.services import kept as kept_service
from learning.services.attendance import attendance_record
from learning.services.campaigns import campaign_export, campaign_load
from learning.services.evidence import manual_evidence_delete, manual_evidence_record, manual_evidence_update
from learning.services.exemptions import exemption_grant, exemption_lift
from learning.services.kept import kept_compare, kept_rebuild
from learning.services.rollover import campaign_rollover
from learning.services.sessions import session_audit_change, session_snapshot
from org.services.employees import employee_save
from org.services.roster import roster_import
from tests.learning.compliance_helpers import take_quiz
from tests.learning.kept_world import START, World

D = dt.date


def kept_ok(world: World, campaigns=None) -> bool:
    for campaign in campaigns or world.campaigns:
        campaign.refresh_from_db()  # a service may have changed its dates
        _, missing, extra, different = kept_compare(campaign=campaign)
        if (missing, extra, different) != (0, 0, 0):
            return False
    return True


@pytest.fixture
def world(db):
    world = World(7)
    for campaign in world.campaigns:
        kept_rebuild(campaign=campaign)
    assert kept_ok(world)
    return world


def test_attendance_recorded_and_changed(world):
    person = world.staff[0]
    attendance_record(session=world.sessions[0], employee=person, status="present", method="sheet")
    assert kept_ok(world)
    attendance_record(session=world.sessions[0], employee=person, status="absent", method="sheet")
    assert kept_ok(world)


def test_manual_evidence_recorded_corrected_deleted(world):
    person = world.staff[1]
    record = manual_evidence_record(employee=person, directive=world.directives[1], date=START + dt.timedelta(days=5))
    assert kept_ok(world)
    manual_evidence_update(evidence=record, date=START + dt.timedelta(days=300))
    assert kept_ok(world)
    manual_evidence_delete(evidence=record)
    assert kept_ok(world)


def test_any_announced_evidence_kind(world):
    """Quizzes, the API and kinds added later all end with `evidence_announce`."""
    person = world.staff[2]
    attempt = take_quiz(world.quiz, person, START + dt.timedelta(days=30))
    evidence_announce(sender=type(attempt), employee_ids=[person.pk])
    assert kept_ok(world)


def test_exemption_granted_and_lifted(world):
    person = next(p for p in world.staff if kept_in(world.first, p))
    exemption_grant(campaign=world.first, employee=person, reason="Nghỉ thai sản")
    assert kept_ok(world)
    exemption_lift(campaign=world.first, employee=person)
    assert kept_ok(world)


def kept_in(campaign, person) -> bool:
    return KeptStatus.objects.all_agencies().filter(campaign=campaign, employee=person).exists()


def test_campaign_changed_through_load_and_rollover(world):
    text = campaign_export(campaign=world.first).replace(f"due: {world.first.due}", "due: 2024-06-30")
    campaign_load(agency=world.agency, data=text)
    assert kept_ok(world)
    result = campaign_rollover(campaign=world.first, year=2025, with_exemptions=True)
    assert kept_ok(world, [result.campaign])


def test_roster_import_joins_leaves_and_moves(world):
    staff = [p for p in world.staff if p.left_date is None][:3]
    rows = ["Mã cán bộ,Họ và tên,Đơn vị,Loại,Ngày vào cơ quan,Ngày nghỉ việc"]
    rows.append(f"{staff[0].employee_code},{staff[0].full_name},B,Công chức,01/01/2020,")  # moves to B
    rows.append(f"{staff[1].employee_code},{staff[1].full_name},A,Công chức,01/01/2020,01/06/2024")  # left
    rows.append("NEW001,Nguyễn Văn Mới,A1,Công chức,01/05/2024,")  # joins
    roster_import(agency=world.agency, table_or_file="\n".join(rows).encode(), filename="roster.csv")
    assert kept_ok(world)


def test_employee_edited_in_the_admin(world):
    person = world.staff[3]
    person.category = "vien_chuc" if person.category == "cong_chuc" else "cong_chuc"
    employee_save(employee=person)
    assert kept_ok(world)


def test_session_edited_and_deleted(world):
    session = world.sessions[1]
    for person in world.staff[:4]:
        Attendance.objects.create(session=session, employee=person, status=AttendanceStatus.PRESENT, method="sheet")
    evidence_announce(sender=Attendance, employee_ids=[p.pk for p in world.staff[:4]])
    assert kept_ok(world)
    before = session_snapshot(session)
    session.date = START + dt.timedelta(days=280)
    session.save()
    session.directives.set(world.directives[2:])
    session_audit_change(session=session, before=before, actor=None)
    assert kept_ok(world)
    StudySession.objects.filter(pk=session.pk).delete()
    assert kept_ok(world)


def test_a_rolled_back_write_leaves_the_kept_rows(world):
    person = world.staff[4]
    before = list(KeptStatus.objects.all_agencies().order_by("pk").values())
    with pytest.raises(RuntimeError), transaction.atomic():
        manual_evidence_record(employee=person, directive=world.directives[0], date=START + dt.timedelta(days=3))
        raise RuntimeError("rolled back")
    assert list(KeptStatus.objects.all_agencies().order_by("pk").values()) == before
    assert kept_ok(world)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_lose_no_update():
    """Writers of the same campaign at once, each in its own connection: every piece of evidence
    reaches the kept rows (each writer computes after the previous one committed)."""
    world = World(11)
    for campaign in world.campaigns:
        kept_rebuild(campaign=campaign)
    people = [p for p in world.staff if kept_in(world.first, p)][:4]
    calls = [(p, world.directives[0], START + dt.timedelta(days=10 + i)) for i, p in enumerate(people)]
    calls += [(p, world.directives[1], START + dt.timedelta(days=20 + i)) for i, p in enumerate(people)]
    assert write_together(calls) == []
    assert kept_ok(world)


def write_together(calls) -> list[Exception]:
    """Each (person, directive, day) recorded as manual evidence in its own thread and connection,
    all released at once; the errors raised."""
    barrier = threading.Barrier(len(calls))
    errors = []

    def write(person, directive, day):
        try:
            barrier.wait(timeout=20)
            manual_evidence_record(employee=person, directive=directive, date=day)
        except Exception as exc:  # reported by the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=call) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_writers_of_other_people_run_side_by_side_and_of_one_person_in_turn(monkeypatch):
    """The campaign is only share-locked by a refresh: two writers of different people of one
    campaign compute at the same time; two writers of the same person take turns (the second
    computes after the first committed). Kept = computed at the end."""
    world = World(13)
    for campaign in world.campaigns:
        kept_rebuild(campaign=campaign)
    first, second = [p for p in world.staff if kept_in(world.first, p)][:2]
    computing = []  # (campaign id, person id, started, ended)
    compute = kept_service.compliance_person

    def slow(**kwargs):
        started = time.monotonic()
        time.sleep(0.5)  # long enough for the other writer to arrive meanwhile
        try:
            return compute(**kwargs)
        finally:
            computing.append((kwargs["campaign"].pk, kwargs["employee_id"], started, time.monotonic()))

    monkeypatch.setattr(kept_service, "compliance_person", slow)

    def spans() -> list[tuple[float, float]]:
        found = [(started, ended) for campaign_id, _, started, ended in computing if campaign_id == world.first.pk]
        computing.clear()
        assert len(found) == 2
        return found

    assert write_together([(first, world.directives[0], START + dt.timedelta(days=10)),
                           (second, world.directives[0], START + dt.timedelta(days=11))]) == []
    (a_start, a_end), (b_start, b_end) = spans()
    assert max(a_start, b_start) < min(a_end, b_end)  # overlapping: not serialised
    assert write_together([(first, world.directives[1], START + dt.timedelta(days=12)),
                           (first, world.directives[1], START + dt.timedelta(days=13))]) == []
    (a_start, a_end), (b_start, b_end) = sorted(spans())
    assert b_start >= a_end  # in turn
    monkeypatch.setattr(kept_service, "compliance_person", compute)
    assert kept_ok(world)
