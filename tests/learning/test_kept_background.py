"""A campaign edited at scale is rebuilt by a background task (docs/compliance.md "Kept statuses"):
meanwhile its kept rows do not answer and readers compute from the evidence; the task makes
kept = computed; of two edits the later one wins; random worlds hold with the rebuilds late."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from learning.models import KeptCampaign
from learning.selectors.compliance import compliance_table
from learning.selectors.kept import kept_fresh, kept_recomputing
from learning.services import kept as kept_service
from learning.services.campaigns import campaign_export, campaign_load
from learning.services.kept import kept_campaign_changed, kept_catch_up, kept_people_changed, kept_rebuild
from org import roles
from tests.factories import EmployeeFactory, give_role
from tests.learning.kept_world import START, World
from tests.learning.test_kept_statuses import assert_kept

pytestmark = pytest.mark.django_db


@pytest.fixture
def background(monkeypatch):
    """Every campaign counts as large: its edits are rebuilt by the task."""
    monkeypatch.setattr(kept_service, "SYNC_LIMIT", -1)


def built_world(seed: int, today: dt.date) -> World:
    world = World(seed)
    for campaign in world.campaigns:
        kept_rebuild(campaign=campaign, today=today)
    return world


def test_an_edit_marks_the_rows_stale_and_the_task_rebuilds_them(background, django_capture_on_commit_callbacks):
    from reports.selectors.dashboard import kept_answers

    today = timezone.localdate()  # the task rebuilds for today
    world = built_world(5, today)
    campaign = world.first
    with django_capture_on_commit_callbacks() as callbacks:
        campaign.audience_units.set(world.units[1:2])
        assert kept_campaign_changed(campaign=campaign) is False
    assert len(callbacks) == 1  # the rebuild is enqueued when the edit commits, not run in it
    # Meanwhile the rows do not answer: every reader computes from the evidence (correct, slower).
    assert not kept_fresh(campaign=campaign) and not kept_answers(campaign=campaign, as_of=today)
    assert kept_recomputing(campaign_ids=[c.pk for c in world.campaigns]) == {campaign.pk}
    kept_people_changed(employee_ids=[p.pk for p in world.staff], roster=True)  # writers skip it meanwhile
    callbacks[0]()  # the worker runs the task (immediate backend in tests)
    assert kept_fresh(campaign=campaign) and kept_recomputing(campaign_ids=[campaign.pk]) == set()
    assert_kept(world, today, "after the task")
    assert kept_catch_up(campaign_id=campaign.pk) is False  # a second run has nothing to do


def test_the_later_of_two_edits_wins(background):
    today = START + dt.timedelta(days=30)
    world = built_world(6, today)
    campaign = world.first
    campaign.due = campaign.due + dt.timedelta(days=20)
    campaign.save()
    kept_campaign_changed(campaign=campaign, today=today)  # task 1 queued, not run yet
    campaign.audience_units.set(world.units[2:3])
    kept_campaign_changed(campaign=campaign, today=today)  # task 2 queued
    kept = KeptCampaign.objects.all_agencies().get(campaign=campaign)
    assert (kept.generation, kept.built) == (2, 0)  # edited twice since built
    assert kept_catch_up(campaign_id=campaign.pk, today=today) is True  # task 1 builds the latest edit
    assert kept_catch_up(campaign_id=campaign.pk, today=today) is False  # task 2: nothing left
    assert kept_fresh(campaign=campaign, day=today)
    assert_kept(world, today, "two edits")


@pytest.mark.parametrize("seed", range(4))
def test_random_worlds_hold_with_late_rebuilds(background, seed):
    """The property test of test_kept_statuses with every campaign edit rebuilt by a task that
    runs late (after further writes of any kind) or not before the end."""
    world = World(seed)
    today = START + dt.timedelta(days=world.rng.randint(0, 250))
    for campaign in world.campaigns:
        kept_rebuild(campaign=campaign, today=today)
    for number in range(20):
        op, touched, campaign_changed = world.random_step()
        if campaign_changed:
            for campaign in world.campaigns:
                kept_campaign_changed(campaign=campaign, today=today)
        else:
            kept_people_changed(employee_ids=touched, roster=True, today=today)
        if world.rng.random() < 0.5:  # the worker gets round to the queued rebuilds
            for campaign in world.campaigns:
                kept_catch_up(campaign_id=campaign.pk, today=today)
        fresh = [c for c in world.campaigns if kept_fresh(campaign=c, day=today)]
        if len(fresh) == len(world.campaigns):
            assert_kept(world, today, f"step {number}: {op}")
    for campaign in world.campaigns:
        kept_catch_up(campaign_id=campaign.pk, today=today)
    if all(kept_fresh(campaign=c, day=today) for c in world.campaigns):  # else past a horizon
        assert_kept(world, today, "end")


def test_a_small_audience_is_rebuilt_in_the_edit():
    today = START + dt.timedelta(days=30)
    world = built_world(7, today)
    world.first.audience_units.set(world.units[1:2])
    assert kept_campaign_changed(campaign=world.first, today=today) is True
    assert kept_fresh(campaign=world.first, day=today)
    assert_kept(world, today, "small edit")


def test_reconcile_rebuilds_a_campaign_whose_task_was_lost(background):
    from io import StringIO

    from django.core.management import call_command

    world = built_world(8, timezone.localdate())
    world.first.audience_units.set(world.units[2:3])
    kept_campaign_changed(campaign=world.first)  # the enqueue never happens: no commit in this test
    out = StringIO()
    call_command("reconcile_compliance", "--campaign", "c1", stdout=out)
    assert "SCT c1: pending (repaired)" in out.getvalue()
    assert kept_fresh(campaign=world.first)


def test_the_campaign_admin_says_the_figures_are_being_recomputed(background, client):
    today = timezone.localdate()
    world = built_world(9, today)
    hr = EmployeeFactory(agency=world.agency, unit=world.units[1])
    give_role(hr.user, roles.HR)
    client.force_login(hr.user)
    campaign = world.first
    data = {"title": campaign.title, "slug": campaign.slug, "year": "", "start": "01/04/2024",
            "due": "30/11/2024", "audience_units": [world.units[1].pk], "audience_categories": [],
            "requirements": "11-QĐ/TW\n12-QĐ/TW\n"}
    response = client.post(reverse("learning_campaign:edit", args=[campaign.pk]), data, follow=True)
    page = response.content.decode()
    assert response.status_code == 200 and "Đang tính lại số liệu của kế hoạch" in page, page[:3000]
    listing = client.get(reverse("learning_campaign:index")).content.decode()
    assert "Đang tính lại" in listing
    assert not kept_fresh(campaign=campaign)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_edit_during_a_rebuild_waits_for_it_and_then_wins(monkeypatch):
    """PostgreSQL, two connections: the task is rebuilding (holding the campaign's lock) when HR
    saves another audience. The edit waits for the rebuild, marks the rows stale again and its own
    task rebuilds them: the rows end up those of the second edit, never the first marked fresh."""
    monkeypatch.setattr(kept_service, "SYNC_LIMIT", -1)
    monkeypatch.setattr(kept_service, "_rebuild_later", lambda **kwargs: None)  # the queue: run by hand
    today = timezone.localdate()
    world = built_world(12, today)
    campaign = world.first
    text = campaign_export(campaign=campaign)
    campaign_load(agency=world.agency, data=text.replace("due: 2024-10-31", "due: 2024-11-30"))
    slow, started = compliance_table, threading.Event()

    def slow_table(**kwargs):
        started.set()
        time.sleep(1.5)  # the rebuild is under way when the edit arrives
        return slow(**kwargs)

    monkeypatch.setattr(kept_service, "compliance_table", slow_table)
    errors, tasks = [], []

    def rebuild():
        try:
            tasks.append(kept_catch_up(campaign_id=campaign.pk))
        except Exception as exc:  # reported by the test
            errors.append(exc)
        finally:
            connection.close()

    worker = threading.Thread(target=rebuild)
    worker.start()
    assert started.wait(timeout=30)
    monkeypatch.setattr(kept_service, "compliance_table", slow)
    edited = text.replace("due: 2024-10-31", "due: 2024-11-30") + "audience:\n  units: [B]\n"
    result = campaign_load(agency=world.agency, data=edited)  # waits for the rebuild's lock
    worker.join(timeout=120)
    assert errors == [] and tasks == [True] and result.recomputing
    kept = KeptCampaign.objects.all_agencies().get(campaign=campaign)
    assert kept.pending and not kept_fresh(campaign=campaign)  # the first rebuild does not count
    assert kept_catch_up(campaign_id=campaign.pk) is True  # the second edit's task
    campaign.refresh_from_db()
    assert kept_fresh(campaign=campaign)
    assert_kept(world, today, "edit during a rebuild")
    assert set(compliance_table(campaign=campaign, as_of=today)["unit_id"]) <= {world.units[2].pk}
