"""The demo campaigns: dan-van-2024 covers every directive of the plan in plan order; idempotent."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from core.demo import DemoContext
from courses.demo import ensure_content
from courses.demo_data import DIRECTIVES
from learning.demo.campaigns import seed_campaigns, seed_evidence
from learning.models import Campaign, Exemption, ManualEvidence
from learning.services.campaigns import campaign_export, campaign_load
from org.demo.org import seed_org
from org.demo.staff import seed_staff
from org.models import AuditLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx():
    context = DemoContext(say=lambda _: None)
    seed_org(context)
    ensure_content()
    return context


def test_dan_van_2024_has_the_plan_directives_in_plan_order(ctx):
    said = seed_campaigns(ctx)
    assert "created campaign dan-van-2024: 19 requirements" in said
    campaign = Campaign.objects.get(slug="dan-van-2024")
    assert campaign.title == "Học tập, quán triệt văn bản về công tác dân vận chính quyền năm 2024"
    assert (campaign.start, campaign.due, campaign.year) == (dt.date(2024, 4, 1), dt.date(2024, 10, 31), 2024)
    numbers = [r.directive.number for r in campaign.requirements.select_related("directive").order_by("order")]
    assert numbers == [row["number"] for row in DIRECTIVES]
    assert not campaign.audience_units.exists() and campaign.audience_categories == []
    current = Campaign.objects.get(slug="chuyen-de-2026")
    assert current.due > dt.date(2026, 11, 26) and current.requirements.count() == 3

    assert seed_campaigns(ctx) == "campaign dan-van-2024 unchanged; campaign chuyen-de-2026 unchanged"
    assert campaign_load(agency=ctx.agency, data=campaign_export(campaign=campaign)).changed == []


def test_seed_evidence_adds_exemptions_and_manual_records_once(ctx):
    seed_campaigns(ctx)
    seed_staff(ctx)
    assert seed_evidence(ctx) == "3 exemptions, 4 manual records added"
    assert seed_evidence(ctx) == "0 exemptions, 0 manual records added"
    assert Exemption.objects.count() == 3 and ManualEvidence.objects.count() == 4
    assert {e.actor.username for e in AuditLog.objects.filter(action__in=["exemption.grant",
                                                                          "manual_evidence.record"])} == {"vanphong"}


def test_demo_logins_go_straight_in_without_a_forced_password_change(ctx, client):
    """The README's demo logins work as written: each demo account has its own hash, so none is
    taken for a roster's shared initial password (org.passwords)."""
    seed_staff(ctx)
    response = client.post(reverse("login"), {"username": "hocvien", "password": "demo1234"})
    assert response.status_code == 302 and "/doi-mat-khau/" not in response["Location"]
    assert client.get(reverse("home")).status_code == 200
