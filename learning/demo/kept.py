"""Last demo step of each phase that writes activity: the kept statuses of every campaign
(the demo writes its activity in bulk, past the hooks of the writing services)."""

from __future__ import annotations

from core.demo import ACTIVITY, PROVINCE, SCALE, demo_step
from learning.models import Campaign
from learning.services.kept import kept_rebuild


def _keep_all(ctx) -> str:
    campaigns = list(Campaign.objects.all_agencies().order_by("pk"))
    for campaign in campaigns:
        kept_rebuild(campaign=campaign)
    return f"{len(campaigns)} campaign(s) kept"


@demo_step(ACTIVITY, 90)
def kept_after_activity(ctx) -> str:
    return _keep_all(ctx)


@demo_step(SCALE, 90)
def kept_after_scale(ctx) -> str:
    return _keep_all(ctx)


@demo_step(PROVINCE, 90)
def kept_after_province(ctx) -> str:
    return _keep_all(ctx)
