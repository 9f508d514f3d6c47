"""Targets of the plan: target 1 measured live, the others recorded by HR with evidence, audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from core.demo import DemoContext
from org.models import AuditLog
from reports.demo.dossier import seed_dossier, seed_self_scores
from reports.models import CampaignTarget, TargetKind, TargetStatus
from reports.services.targets import campaign_targets_progress, target_save
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles
from tests.learning.compliance_helpers import attend, exempt, make_campaign, make_directive, make_session

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def setup():
    agency = make_agency()
    unit = make_unit(agency, "VP", "Văn phòng Sở")
    d1 = make_directive("23-QĐ/TW")
    campaign = make_campaign(agency, [d1], start=D(2024, 4, 1), due=D(2024, 10, 31))
    people = [EmployeeFactory(agency=agency, unit=unit, employee_code=f"N{i}") for i in range(5)]
    session = make_session(campaign, D(2024, 5, 1), [d1])
    for person in people[:3]:
        attend(session, person)
    exempt(campaign, people[4])
    hr = EmployeeFactory(agency=agency, unit=unit, employee_code="HR1")
    give_role(hr.user, roles.HR)
    attend(session, hr)
    live = CampaignTarget.objects.create(campaign=campaign, order=1, text="100% cán bộ được học tập, quán triệt",
                                         kind=TargetKind.LIVE_COMPLETION)
    manual = CampaignTarget.objects.create(campaign=campaign, order=2, text="Cơ quan ban hành kế hoạch")
    return campaign, people, hr, live, manual


def test_target_one_is_measured_live(setup):
    campaign, people, hr, live, manual = setup
    during = campaign_targets_progress(campaign=campaign, as_of=D(2024, 6, 1))
    assert [p.target for p in during] == [live, manual]
    # audience 6 (5 + HR), 1 exempt → 5 counted; done: 3 + HR = 4 → 80 %
    assert during[0].live and during[0].percent == 80.0 and during[0].people == 5 and during[0].done_people == 4
    assert during[0].status == TargetStatus.IN_PROGRESS
    assert "4/5" in during[0].result
    after = campaign_targets_progress(campaign=campaign, as_of=D(2024, 11, 2))
    assert after[0].status == TargetStatus.NOT_ACHIEVED
    attend(make_session(campaign, D(2024, 6, 2), list(campaign.requirements.values_list("directive", flat=True))),
           people[3])
    assert campaign_targets_progress(campaign=campaign, as_of=D(2024, 6, 3))[0].status == TargetStatus.ACHIEVED
    assert during[1].live is False and during[1].status == TargetStatus.NOT_STARTED


def test_manual_target_update_is_audited(setup):
    campaign, people, hr, live, manual = setup
    manual.status, manual.result = TargetStatus.ACHIEVED, "Đã ban hành Kế hoạch số 12/KH-SCT"
    saved = target_save(target=manual, actor=hr.user)
    assert saved.updated_by == hr.user
    entry = AuditLog.objects.get(action="target.update")
    assert entry.before["status"] == "not_started" and entry.after["status"] == "achieved"
    assert entry.actor == hr.user


def test_admin_lists_targets_with_live_figure_and_edits_with_audit(client, setup):
    campaign, people, hr, live, manual = setup
    client.force_login(hr.user)
    index = client.get(reverse("campaign_targets:index"))
    assert index.status_code == 200
    text = index.content.decode()
    assert "100% cán bộ được học tập, quán triệt" in text and "người đã hoàn thành" in text
    edit_url = reverse("campaign_targets:edit", args=[manual.pk])
    form = client.get(edit_url)
    assert form.status_code == 200
    response = client.post(edit_url, {
        "campaign": campaign.pk, "order": 2, "text": manual.text, "kind": "manual", "goal_percent": 100,
        "status": "achieved", "result": "Đã ban hành", "evidence-TOTAL_FORMS": 0, "evidence-INITIAL_FORMS": 0,
        "evidence-MIN_NUM_FORMS": 0, "evidence-MAX_NUM_FORMS": 1000,
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    manual.refresh_from_db()
    assert manual.status == "achieved" and manual.updated_by == hr.user
    assert AuditLog.objects.filter(action="target.update", object_id=str(manual.pk)).exists()


def test_learner_cannot_reach_targets(client, setup):
    campaign, people, hr, live, manual = setup
    give_role(people[0].user, roles.LEARNER)
    client.force_login(people[0].user)
    assert client.get(reverse("campaign_targets:index")).status_code == 302


def test_demo_step_is_idempotent_and_labels_demo_criteria(setup):
    campaign, *_ = setup
    campaign.slug = "dan-van-2024"
    campaign.save()
    CampaignTarget.objects.all().delete()
    ctx = DemoContext(content_only=True, agency=campaign.agency)
    seed_dossier(ctx)
    seed_dossier(ctx)
    targets = list(campaign.targets.order_by("order"))
    assert len(targets) == 5 and targets[0].kind == TargetKind.LIVE_COMPLETION
    assert all(t.status == TargetStatus.NOT_STARTED for t in targets)  # content only: no results
    from reports.models import ScoringCriterion, SelfScore

    criteria = ScoringCriterion.objects.filter(agency=campaign.agency, year=campaign.year)
    assert criteria.count() == 10 and all("MẪU" in c.source for c in criteria)
    assert criteria.get(code="2.1").parent.code == "2" and criteria.get(code="2.1").measure == "completion:dan-van-2024"
    assert not SelfScore.objects.exists()
    seed_dossier(DemoContext(agency=campaign.agency))
    seed_self_scores(DemoContext(agency=campaign.agency))
    seed_self_scores(DemoContext(agency=campaign.agency))
    assert SelfScore.objects.count() == 8  # the leaves; parents add up their children


def test_dashboard_targets_tab_shows_the_live_figure_to_hr_only(client, setup):
    campaign, people, hr, live, manual = setup
    client.force_login(hr.user)
    url = reverse("learning_dashboard:targets")
    response = client.get(url, {"campaign": campaign.pk, "as_of": "2024-06-01"})
    assert response.status_code == 200
    rows = response.context["object_list"]
    assert rows[0]["live"] and rows[0]["percent"] == 80.0 and rows[0]["status"] == "in_progress"
    assert "4/5 người đã hoàn thành (80,0%)" in response.content.decode()
    head = EmployeeFactory(agency=campaign.agency, unit=people[0].unit, employee_code="TP1")
    give_role(head.user, roles.UNIT_HEAD)
    client.force_login(head.user)
    assert client.get(url, {"campaign": campaign.pk}).status_code == 403
