"""A campaign slug is unique within its agency; --campaign takes --agency when ambiguous."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction

from learning.models import Campaign
from learning.services.campaigns import CampaignRefused, campaign_load
from tests.factories import make_agency
from tests.learning.campaign_fixtures import make_directive

pytestmark = pytest.mark.django_db

YAML = """\
slug: chung-2024
title: Kế hoạch chung
start: 2024-04-01
due: 2024-10-31
requirements:
  - directive: 23-QĐ/TW
"""


@pytest.fixture
def directive(db):
    return make_directive("23-QĐ/TW")


def test_same_slug_in_two_agencies(directive):
    sct, syt = make_agency("SCT"), make_agency("SYT", "Sở Y tế")
    campaign_load(agency=sct, data=YAML)
    campaign_load(agency=syt, data=YAML)
    assert Campaign.objects.filter(slug="chung-2024").count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        Campaign.objects.create(agency=sct, slug="chung-2024", title="x", year=2024,
                                start="2024-01-01", due="2024-02-01")

    out = io.StringIO()
    with pytest.raises(CommandError, match="several agencies"):
        call_command("export_campaign", "chung-2024", stdout=out)
    call_command("export_campaign", "chung-2024", "--agency", "SYT", stdout=out)
    assert "slug: chung-2024" in out.getvalue()


def test_slug_taken_within_the_agency_is_refused(directive, english):
    from learning.services.campaigns import campaign_save

    sct = make_agency("SCT")
    campaign_load(agency=sct, data=YAML)
    with pytest.raises(CampaignRefused, match="already used"):
        campaign_save(agency=sct, data={"slug": "chung-2024", "title": "Khác", "start": "2024-01-01",
                                        "due": "2024-02-01", "requirements": ["23-QĐ/TW"]})
