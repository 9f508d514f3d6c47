"""A person's statuses read from the kept rows ("Việc học của tôi") equal the ones computed from the
evidence: completed, late, pending, overdue, exempt, a newcomer's own due date, a person outside
the audience; campaigns not kept or past their horizon are computed."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest

from learning.models import KeptCampaign, KeptStatus
from learning.selectors import my_statuses
from learning.selectors.compliance import employee_campaign_status, person_campaigns
from learning.selectors.kept import kept_fresh
from learning.selectors.my_statuses import my_campaign_status
from learning.services.kept import kept_campaign_changed, kept_people_changed, kept_rebuild
from learning.statuses import COMPLETED, COMPLETED_LATE, EXEMPT, OVERDUE, PENDING
from tests.factories import EmployeeFactory, make_agency, make_unit
from tests.learning.compliance_helpers import (
    DUE,
    START,
    attend,
    exempt,
    make_campaign,
    make_directive,
    make_quiz,
    make_session,
    manual,
    take_quiz,
)
from tests.learning.kept_world import World

pytestmark = pytest.mark.django_db

D = dt.date


def computed(person, day):
    return employee_campaign_status(employee=person, as_of=day)


def kept_only(person, day):
    """`my_campaign_status` that fails if it falls back to the computation."""
    with mock.patch.object(my_statuses, "employee_campaign_status", side_effect=AssertionError("computed")):
        return my_campaign_status(employee=person, as_of=day)


@pytest.fixture
def world():
    agency = make_agency()
    office, other = make_unit(agency, "VP", "Văn phòng"), make_unit(agency, "KT", "Phòng Kinh tế")
    d1, d2, d3 = (make_directive(n) for n in ("11-QĐ/TW", "12-QĐ/TW", "13-QĐ/TW"))
    main = make_campaign(agency, [d1, d2, d3], slug="c1")
    main.new_hire_days = 30
    main.save()
    narrow = make_campaign(agency, [d2], slug="c2", units=[other])
    staff = {name: EmployeeFactory(agency=agency, unit=office, start_date=D(2020, 1, 1), user=None)
             for name in ("on_time", "late", "idle", "exempt")}
    staff["newcomer"] = EmployeeFactory(agency=agency, unit=other, start_date=START + dt.timedelta(days=200),
                                        user=None)
    staff["outside"] = EmployeeFactory(agency=make_agency(code="SK", name="Sở khác"), user=None)
    attend(make_session(main, START + dt.timedelta(days=20), [d1]), staff["on_time"])
    take_quiz(make_quiz("kt", [d2]), staff["on_time"], DUE + dt.timedelta(days=3))
    manual(staff["late"], d1, DUE + dt.timedelta(days=5))
    manual(staff["exempt"], d1, START + dt.timedelta(days=5))
    exempt(main, staff["exempt"])
    return {"campaigns": [main, narrow], "staff": staff}


@pytest.mark.parametrize(("rebuilt", "day"), [
    (START + dt.timedelta(days=100), START + dt.timedelta(days=100)), (DUE, DUE),
    (DUE - dt.timedelta(days=1), DUE + dt.timedelta(days=2)),  # read later: pending turns overdue
    (DUE + dt.timedelta(days=10), DUE + dt.timedelta(days=10)),
])
def test_kept_statuses_of_a_person_equal_the_computed_ones(world, rebuilt, day):
    for campaign in world["campaigns"]:
        kept_rebuild(campaign=campaign, today=rebuilt)
    for name, person in world["staff"].items():
        assert kept_only(person, day) == computed(person, day), name
    statuses = {name: [item.status for status in kept_only(person, day) for item in status.items]
                for name, person in world["staff"].items()}
    missing = OVERDUE if day > DUE else PENDING
    quiz = COMPLETED_LATE if day >= DUE + dt.timedelta(days=3) else missing
    assert statuses["on_time"] == [COMPLETED, quiz, missing]
    assert statuses["late"] == [COMPLETED_LATE if day >= DUE + dt.timedelta(days=5) else missing, missing, missing]
    assert statuses["exempt"] == [EXEMPT] * 3
    assert statuses["outside"] == []
    newcomer = kept_only(world["staff"]["newcomer"], day)
    if day < START + dt.timedelta(days=200):
        assert newcomer == []  # not employed yet
    else:
        assert [status.campaign.slug for status in newcomer] == ["c1", "c2"]
        assert newcomer[0].due == START + dt.timedelta(days=230)  # start + new_hire_days, after the campaign's


def test_campaigns_not_kept_or_stale_are_computed(world):
    main, narrow = world["campaigns"]
    person, today = world["staff"]["on_time"], START + dt.timedelta(days=100)
    kept_rebuild(campaign=main, today=today)
    assert my_campaign_status(employee=person, as_of=today) == computed(person, today)  # `narrow` not kept
    KeptStatus.objects.all_agencies().filter(employee=person).update(evidence="", evidence_date=None)
    assert my_campaign_status(employee=person, as_of=today)[0].items[0].status == PENDING  # the kept rows
    assert my_campaign_status(employee=person, as_of=today - dt.timedelta(days=1)) == \
        computed(person, today - dt.timedelta(days=1))  # before the computation: from the evidence
    KeptCampaign.objects.all_agencies().filter(campaign=main).update(valid_until=today)
    assert my_campaign_status(employee=person, as_of=today) == computed(person, today)  # past the horizon


@pytest.mark.parametrize("seed", range(4))
def test_kept_and_computed_agree_for_everyone_after_random_writes(seed):
    world = World(seed)
    today = START + dt.timedelta(days=world.rng.randint(0, 250))
    for campaign in world.campaigns:
        kept_rebuild(campaign=campaign, today=today)
    for number in range(12):
        op, touched, campaign_changed = world.random_step()
        if campaign_changed:
            for campaign in world.campaigns:
                kept_campaign_changed(campaign=campaign, today=today)
        else:
            kept_people_changed(employee_ids=touched, roster=True, today=today)
        fresh = all(kept_fresh(campaign=campaign, day=today) for campaign in world.campaigns)
        for person in world.staff:
            read = kept_only(person, today) if fresh else my_campaign_status(employee=person, as_of=today)
            assert read == computed(person, today), f"step {number}: {op}"


def test_the_hand_written_campaigns_read_equals_person_campaigns(world):
    """`my_statuses._campaigns_with_kept` is `person_campaigns(...).select_related("kept")` written as
    SQL: the same campaigns in the same order (year down, due, title), each with its kept row or None."""
    main, narrow = world["campaigns"]
    person = world["staff"]["on_time"]
    agency = main.agency
    make_campaign(agency, [], slug="b-later", start=dt.date(START.year + 1, 1, 1), due=DUE + dt.timedelta(days=400))
    make_campaign(agency, [], slug="a-same-due", due=main.due)
    make_campaign(make_agency(), [], slug="other-agency")
    kept_rebuild(campaign=main, today=START + dt.timedelta(days=100))
    expected = list(person_campaigns(person).select_related("kept"))
    found = my_statuses._campaigns_with_kept(person)
    assert [c.pk for c in found] == [c.pk for c in expected]
    assert [(c.title, c.audience_categories, c.due) for c in found] == \
        [(c.title, c.audience_categories, c.due) for c in expected]
    assert [getattr(c, "kept", None) for c in found] == [getattr(c, "kept", None) for c in expected]
    assert found[[c.pk for c in found].index(main.pk)].kept.computed_on == main.kept.computed_on
