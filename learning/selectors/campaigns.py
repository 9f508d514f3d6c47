"""Finding campaigns: by slug (unique within an agency) and those a user may see."""

from __future__ import annotations

from django.db.models import QuerySet

from core.errors import DomainError, NotFound
from learning.models import Campaign
from org.models import OrgUnit
from org.selectors.access import visible_units


class CampaignNotFound(NotFound):
    code = "campaign_not_found"


class CampaignAmbiguous(DomainError):
    code = "campaign_ambiguous"


def campaign_find(*, slug: str, agency_code: str | None = None) -> Campaign:
    """The campaign `slug` of the agency `agency_code`; without it, the only campaign of that slug
    (a province-wide campaign has the same slug in every agency: then the agency must be named)."""
    found = Campaign.objects.select_related("agency").filter(slug=slug)
    if agency_code:
        found = found.filter(agency__depth=1, agency__code__iexact=agency_code.strip())
    campaigns = list(found[:2])
    if not campaigns:
        where = f" in agency {agency_code}" if agency_code else ""
        raise CampaignNotFound(f'unknown campaign "{slug}"{where}')
    if len(campaigns) > 1:
        raise CampaignAmbiguous(f'campaign "{slug}" exists in several agencies: name one with --agency')
    return campaigns[0]


def visible_campaigns(user) -> QuerySet[Campaign]:
    """Campaigns of the agencies whose units `user` may see, newest first."""
    units = visible_units(user)
    agencies = {path[: OrgUnit.steplen] for path in units.values_list("path", flat=True)}
    return Campaign.objects.filter(agency__path__in=agencies).order_by("-year", "-start", "title")
