"""Done-when of issue 19 item 2: next year's campaign in one step (`rollover_campaign` and the admin
button), and its export loaded into a database that holds only the agency and the directive library
gives back identical YAML."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from learning.models import Campaign, Exemption
from learning.services.campaigns import campaign_export, campaign_load
from learning.services.rollover import campaign_rollover, rollover_slug
from org.models import AuditLog
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles
from tests.learning.campaign_fixtures import plan_directives

pytestmark = pytest.mark.django_db
D = dt.date

YAML = """\
slug: dan-van-2024
title: Học tập, quán triệt văn bản về công tác dân vận chính quyền năm 2024
start: 2024-04-01
due: 2024-10-31
new_hire_days: 45
audience:
  units: [TTRA, VP]
  categories: [cong_chuc, vien_chuc]
requirements:
  - directive: 33/CT-TTg
  - directive: 23-QĐ/TW
  - directive: 16/CT-TTg@2016-05-16
"""

ROLLED = """\
slug: dan-van-2025
title: Học tập, quán triệt văn bản về công tác dân vận chính quyền năm 2025
start: 2025-04-01
due: 2025-10-31
new_hire_days: 45
audience:
  units: [TTRA, VP]
  categories: [cong_chuc, vien_chuc]
requirements:
  - directive: 33/CT-TTg
  - directive: 23-QĐ/TW
  - directive: 16/CT-TTg@2016-05-16
"""


@pytest.fixture
def campaign():
    agency = make_agency()
    for code in ("VP", "TTRA"):
        make_unit(agency, code)
    plan_directives()
    return campaign_load(agency=agency, data=YAML).campaign


def run(*args) -> str:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue()


def test_command_rolls_over_and_the_export_round_trips_through_a_fresh_database(campaign):
    assert run("rollover_campaign", "dan-van-2024", "--year", "2025").strip() == \
        "created campaign dan-van-2025: 3 requirements"
    exported = run("export_campaign", "dan-van-2025")
    assert exported == ROLLED
    # A fresh database: the agency's units and the directive library, no campaign at all.
    Campaign.objects.all().delete()
    campaign_load(agency=campaign.agency, data=exported)
    assert run("export_campaign", "dan-van-2025") == exported
    # The original is untouched by a rollover (reloaded here from its own file for the check).
    assert campaign_export(campaign=campaign_load(agency=campaign.agency, data=YAML).campaign) == YAML


def test_dates_given_and_exemptions_carried_only_when_asked(campaign):
    person = EmployeeFactory(agency=campaign.agency, unit=campaign.audience_units.first())
    Exemption.objects.create(campaign=campaign, employee=person, reason="Nghỉ thai sản đến 06/2025")
    plain = campaign_rollover(campaign=campaign, year=2025).campaign
    assert not plain.exemptions.exists()
    assert (plain.start, plain.due, plain.year) == (D(2025, 4, 1), D(2025, 10, 31), 2025)
    run("rollover_campaign", "dan-van-2024", "--year", "2026", "--start", "2026-03-15", "--due", "2026-09-30",
        "--with-exemptions")
    carried = Campaign.objects.get(slug="dan-van-2026")
    assert (carried.start, carried.due) == (D(2026, 3, 15), D(2026, 9, 30))
    assert [(e.employee, e.reason) for e in carried.exemptions.all()] == [(person, "Nghỉ thai sản đến 06/2025")]
    assert AuditLog.objects.filter(action="campaign.rollover").count() == 2


def test_slug_rules_and_refusals(campaign):
    assert rollover_slug("dan-van-2024", old_year=2024, year=2025) == "dan-van-2025"
    assert rollover_slug("kh-2023-dot-2", old_year=2024, year=2025) == "kh-2025-dot-2"
    assert rollover_slug("chuyen-de", old_year=2024, year=2025) == "chuyen-de-2025"
    assert rollover_slug("nq-57-2024", old_year=2024, year=2025) == "nq-57-2025"
    run("rollover_campaign", "dan-van-2024", "--year", "2025")
    with pytest.raises(CommandError, match="already exists"):
        run("rollover_campaign", "dan-van-2024", "--year", "2025")
    with pytest.raises(CommandError):  # due before start: refused by the campaign's own validation
        run("rollover_campaign", "dan-van-2024", "--year", "2027", "--due", "2027-01-01")
    assert not Campaign.objects.filter(slug="dan-van-2027").exists()


def test_leap_day_moves_to_the_28th(campaign):
    campaign.start, campaign.slug = D(2024, 2, 29), "thang-2-2024"
    campaign.save()
    assert campaign_rollover(campaign=campaign, year=2025).campaign.start == D(2025, 2, 28)


def test_admin_button_creates_next_year_for_hr_only(client, campaign):
    hr = EmployeeFactory(agency=campaign.agency, unit=campaign.audience_units.first())
    give_role(hr.user, roles.HR)
    learner = EmployeeFactory(agency=campaign.agency, unit=campaign.audience_units.first())
    give_role(learner.user, roles.LEARNER)
    url = reverse("learning_campaign:rollover", args=[campaign.pk])
    client.force_login(learner.user)
    assert client.get(url).status_code in (302, 403)
    client.force_login(hr.user)
    index = client.get(reverse("learning_campaign:index")).content.decode()
    assert url in index
    page = client.get(url).content.decode()
    assert 'value="2025"' in page
    response = client.post(url, {"year": "2025", "start": "", "due": ""})
    new = Campaign.objects.get(slug="dan-van-2025")
    assert response.status_code == 302 and response["Location"] == reverse("learning_campaign:edit", args=[new.pk])
    assert campaign_export(campaign=new) == ROLLED
    again = client.post(url, {"year": "2025"})
    assert again.status_code == 200 and "đã có kế hoạch" in again.content.decode()


def test_new_hire_days_must_be_a_whole_number_of_days(campaign, english):
    from learning.services.campaigns import CampaignRefused

    bad = YAML.replace("dan-van-2024", "other-2024").replace("new_hire_days: 45", "new_hire_days: -3")
    with pytest.raises(CampaignRefused) as refused:
        campaign_load(agency=campaign.agency, data=bad)
    assert [str(p) for p in refused.value.problems] == [
        'line 5: "new_hire_days" must be a whole number of days (0 to 3660), not "-3"']
    without = YAML.replace("new_hire_days: 45\n", "")
    assert campaign_load(agency=campaign.agency, data=without).campaign.new_hire_days is None
