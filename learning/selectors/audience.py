"""Who must study a campaign on a given day: the audience rule (docs/compliance.md), used by the
compliance rule, by study sessions (their default roster) and by the reports.

Staff of the campaign's agency, in the audience units' subtrees and categories (empty = all), in
post on T — start_date empty or ≤ T, and not left (left_date empty or > T; inactive without a
left_date counts as left) — and who joined on or before the due date (newcomers after the
deadline belong to the next campaign)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone

from learning.models import Campaign
from org.models import Employee


def campaign_audience(*, campaign: Campaign, as_of: dt.date | None = None) -> QuerySet[Employee]:
    """Staff who must study the campaign's requirements as of `as_of` (default today)."""
    as_of = as_of or timezone.localdate()
    qs = Employee.objects.filter(agency_id=campaign.agency_id)
    unit_paths = list(campaign.audience_units.values_list("path", flat=True))
    if unit_paths:
        subtrees = Q()
        for path in unit_paths:
            subtrees |= Q(unit__path__startswith=path)
        qs = qs.filter(subtrees)
    if campaign.audience_categories:
        qs = qs.filter(category__in=list(campaign.audience_categories))
    joined = Q(start_date__isnull=True) | Q(start_date__lte=min(as_of, campaign.due))
    still_there = Q(left_date__gt=as_of) | Q(left_date__isnull=True, is_active=True)
    return qs.filter(joined, still_there)
