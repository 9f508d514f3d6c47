"""Kept statuses (issue 17 item 1): the kept rows equal the full computation after every write,
on random worlds; reconcile finds and repairs drift; the rows expire at their horizon."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from django.core.management import call_command
from django.utils import timezone

from learning.models import KeptCampaign, KeptCount, KeptDayCount, KeptPerson, KeptStatus
from learning.selectors.compliance import compliance_horizon, compliance_person, compliance_table
from learning.selectors.kept import (
    KeptDetail,
    kept_by_requirement,
    kept_by_unit,
    kept_fresh,
    kept_summary,
    kept_table,
    kept_trained,
    kept_trend,
    kept_unit_requirement_counts,
)
from learning.selectors.summaries import group_summary, person_rollup, rolled_up, summary
from learning.services.kept import (
    kept_campaign_changed,
    kept_compare,
    kept_people_changed,
    kept_rebuild,
    kept_reconcile,
)
from learning.statuses import STATUSES
from reports.selectors.dashboard import trend
from tests.learning.kept_world import DUE, START, World

pytestmark = pytest.mark.django_db

D = dt.date


def assert_kept(world: World, today: dt.date, step: str = "") -> None:
    for campaign in world.campaigns:
        rows, missing, extra, different = kept_compare(campaign=campaign, today=today)
        assert (missing, extra, different) == (0, 0, 0), f"{campaign.slug} after {step}"
        full = compliance_table(campaign=campaign, as_of=today)
        assert kept_summary(campaign=campaign, today=today) == summary(full), step
        people = person_rollup(full)
        counted = people[~people["exempt"].astype(bool)] if len(people) else people
        assert kept_trained(campaign=campaign) == (len(counted), int((counted["done"] > 0).sum())), step
        by_unit = kept_by_unit(campaign=campaign, today=today)
        expected = group_summary(full, ["unit_id", "unit", "unit_path"]).sort_values("unit_path")
        assert_same(by_unit, expected, step)
        cells = group_summary(full, ["unit_id", "requirement_id"]).sort_values(["unit_id", "requirement_id"])
        counts = kept_unit_requirement_counts(campaign=campaign, today=today)
        assert counts.astype("int64").values.tolist() == \
            cells[counts.columns].astype("int64").values.tolist(), f"{step} (unit × requirement)"
        by_requirement = group_summary(full, ["requirement_id", "requirement"]).sort_values(
            "requirement_id", kind="stable")
        assert_same(kept_by_requirement(campaign=campaign, today=today).sort_values(
            "requirement_id", kind="stable").reset_index(drop=True), by_requirement, f"{step} (requirements)")
        rolled = group_summary(rolled_up(full, depth=2), ["unit_id", "unit", "unit_path"]).sort_values("unit_path")
        assert_same(kept_by_unit(campaign=campaign, today=today, depth=2), rolled, f"{step} (departments)")
        dates = [START + dt.timedelta(days=d) for d in range(0, (today - START).days, 17)] + [today]
        pd.testing.assert_frame_equal(kept_trend(campaign=campaign, dates=dates), trend(full, dates),
                                      check_dtype=False, obj=f"{step} (trend)")
        assert_detail(campaign, full, today, step)


def assert_detail(campaign, full: pd.DataFrame, today: dt.date, step: str) -> None:
    """"Chi tiết" of today from the kept rows: the computed rows in the computed order, whole and by
    pages, with every status filter."""
    columns = ["employee_code", "full_name", "unit", "category", "requirement", "status", "evidence", "evidence_date"]
    for status in (None, *STATUSES):
        expected = full if status is None else full[full["status"] == status]
        expected = expected[columns].assign(category=expected["category"].fillna(""),
                                            evidence_date=expected["evidence_date"].map(
                                                lambda d: d if isinstance(d, dt.date) else None))
        rows = expected.to_dict("records")
        detail = KeptDetail(campaign=campaign, today=today, status=status)
        assert len(detail) == len(rows), f"{step} (detail {status})"
        shown = [{k: r[k] for k in columns} for r in detail.rows(0, len(detail))]
        assert shown == rows, f"{step} (detail {status})"
        if len(rows) > 7:
            assert [{k: r[k] for k in columns} for r in detail.rows(3, 10)] == rows[3:10], step


def assert_same(kept: pd.DataFrame, expected: pd.DataFrame, step: str) -> None:
    if len(expected):
        expected = expected.reset_index(drop=True).astype(kept.dtypes)
        pd.testing.assert_frame_equal(kept, expected, obj=step)
    else:
        assert kept.empty, step


@pytest.mark.parametrize("seed", range(8))
def test_kept_equals_computed_after_every_random_write(seed):
    world = World(seed)
    today = START + dt.timedelta(days=world.rng.randint(0, 250))
    for campaign in world.campaigns:
        kept_rebuild(campaign=campaign, today=today)
    assert_kept(world, today, "rebuild")
    for number in range(20):
        op, touched, campaign_changed = world.random_step()
        if campaign_changed:
            for campaign in world.campaigns:
                kept_campaign_changed(campaign=campaign, today=today)
        else:
            kept_people_changed(employee_ids=touched, roster=True, today=today)
        if all(kept_fresh(campaign=c, day=today) for c in world.campaigns):
            assert_kept(world, today, f"step {number}: {op}")


def test_status_rolls_over_without_a_write():
    """Pending becomes overdue the day after the due date: derived when read, not stored."""
    world = World(1)
    campaign = world.first
    kept_rebuild(campaign=campaign, today=DUE)
    for day in (DUE, DUE + dt.timedelta(days=1), DUE + dt.timedelta(days=40)):
        if kept_fresh(campaign=campaign, day=day):
            rows, missing, extra, different = kept_compare(campaign=campaign, today=day)
            assert (missing, extra, different) == (0, 0, 0)
    statuses = set(kept_table(campaign=campaign, today=DUE + dt.timedelta(days=1))["status"])
    assert "pending" not in statuses


def test_a_leaving_date_ahead_sets_the_horizon(django_assert_max_num_queries):
    world = World(2)
    person = world.staff[0]
    person.start_date, person.left_date = D(2020, 1, 1), START + dt.timedelta(days=100)
    person.save()
    today = START + dt.timedelta(days=10)
    kept = kept_rebuild(campaign=world.first, today=today)
    assert kept.valid_until is not None and kept.valid_until <= person.left_date
    assert kept_fresh(campaign=world.first, day=today)
    assert not kept_fresh(campaign=world.first, day=person.left_date)
    drift = kept_reconcile(campaign=world.first, today=person.left_date)
    assert drift.expired and drift.repaired and not drift.drifted
    assert kept_fresh(campaign=world.first, day=person.left_date)


def test_reconcile_finds_and_repairs_drift():
    world = World(3)
    today = timezone.localdate()  # the command reconciles for today
    for campaign in world.campaigns:
        kept_rebuild(campaign=campaign, today=today)
    campaign = world.first
    KeptStatus.objects.all_agencies().filter(campaign=campaign).order_by("pk").first().delete()
    row = KeptStatus.objects.all_agencies().filter(campaign=campaign).order_by("-pk").first()
    row.evidence, row.evidence_date = "manual", START
    row.save()
    KeptPerson.objects.all_agencies().filter(campaign=campaign).update(on_time=99)
    drift = kept_reconcile(campaign=campaign, today=today, repair=False)
    assert drift.missing == 1 and drift.different >= 2 and not drift.repaired
    kept_rebuild(campaign=campaign, today=today)
    counter = KeptCount.objects.all_agencies().filter(campaign=campaign).order_by("pk").first()
    counter.completed += 1  # a counter alone drifting is found too
    counter.save()
    assert kept_reconcile(campaign=campaign, today=today, repair=False).different == 1
    kept_rebuild(campaign=campaign, today=today)
    stray = KeptDayCount.objects.create(campaign=campaign, unit=world.agency, category="", day=START,
                                        done_rows=1, done_people=1)  # the trend's counter too
    assert kept_reconcile(campaign=campaign, today=today, repair=False).different == 1
    stray.done_rows = stray.done_people = 0
    stray.save()  # a cell of zeros is no drift: the same sums
    assert kept_reconcile(campaign=campaign, today=today, repair=False).different == 0
    stray.delete()
    KeptStatus.objects.all_agencies().filter(campaign=campaign).order_by("pk").first().delete()
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("reconcile_compliance", "--agency", "SCT", stdout=out, stderr=err)
    assert exit_.value.code == 1
    assert "SCT c1: " in out.getvalue() and "(repaired)" in out.getvalue()
    assert "1 campaign(s) drifted" in err.getvalue()
    assert kept_reconcile(campaign=campaign, repair=False).drifted == 0
    out = io.StringIO()
    call_command("reconcile_compliance", "--campaign", "c2", stdout=out)  # nothing drifted: exit 0
    assert "SCT c2: ok, rows=" in out.getvalue()


def test_reconcile_builds_campaigns_never_kept():
    world = World(4)
    assert not KeptCampaign.objects.all_agencies().exists()
    out = io.StringIO()
    call_command("reconcile_compliance", stdout=out)
    assert out.getvalue().count("expired (repaired)") == 2
    assert all(kept_fresh(campaign=c) for c in world.campaigns)


@pytest.mark.parametrize("seed", range(6))
def test_one_person_path_agrees_with_the_table_and_the_horizon(seed):
    """`compliance_person` (what the refresh of one write computes) gives every person's rows of
    `compliance_table` and their `compliance_horizon`, on random worlds after random writes of every
    kind, for days before, inside and after the campaigns."""
    world = World(seed)
    for number in range(10):
        op, _, _ = world.random_step()
        today = world.day()
        for campaign in world.campaigns:
            campaign.refresh_from_db()
            table = compliance_table(campaign=campaign, as_of=today)
            for person in world.staff:
                rows, horizon = compliance_person(campaign=campaign, employee_id=person.pk, as_of=today)
                mine = table[table["employee_id"] == person.pk]
                expected = [(int(r.requirement_id), int(r.unit_id), r.category or "", D.fromordinal(int(r.due_day)),
                             r.status, r.evidence, r.evidence_date) for r in mine.itertuples()]
                assert [(r.requirement_id, r.unit_id, r.category, r.due, r.status, r.evidence, r.evidence_date)
                        for r in rows] == expected, f"{campaign.slug} {person.pk} after {number}: {op}"
                assert horizon == compliance_horizon(campaign=campaign, as_of=today, employee_ids=[person.pk]), \
                    f"{campaign.slug} {person.pk} after {number}: {op}"
