"""Demo step: certificates for everyone who completed `dan-van-2024` (idempotent: re-running
issues nothing new). Issued as of today, like an operator running issue_certificates."""

from __future__ import annotations

from certificates.services import certificates_issue_for_campaign
from core.demo import ACTIVITY, demo_step
from learning.models import Campaign

CAMPAIGN_SLUG = "dan-van-2024"


@demo_step(ACTIVITY, 40)
def seed_certificates(ctx) -> str:
    campaign = Campaign.objects.select_related("agency").filter(slug=CAMPAIGN_SLUG).first()
    if campaign is None:
        return f"no campaign {CAMPAIGN_SLUG}, nothing issued"
    result = certificates_issue_for_campaign(campaign=campaign)
    return (f"{result.issued_count} certificates issued for {CAMPAIGN_SLUG} "
            f"({result.completed} completed, {result.already_held} already held)")
