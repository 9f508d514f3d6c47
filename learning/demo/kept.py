"""Last demo step of each phase that writes activity: the kept statuses of every campaign
(the demo writes its activity in bulk, past the hooks of the writing services)."""

from __future__ import annotations

from django.db import connection

from core.demo import ACTIVITY, PROVINCE, SCALE, demo_step
from learning.models import Campaign, KeptCount, KeptDayCount, KeptPerson, KeptStatus, KeptUnitCount
from learning.services.kept import kept_rebuild


def _keep_all(ctx) -> str:
    campaigns = list(Campaign.objects.all_agencies().order_by("pk"))
    for campaign in campaigns:
        kept_rebuild(campaign=campaign)
    if connection.vendor == "postgresql":  # bulk-filled: the planner's statistics (as after the scale data)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(model._meta.db_table) for model in (
                KeptPerson, KeptStatus, KeptCount, KeptUnitCount, KeptDayCount)))
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
