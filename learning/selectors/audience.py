"""Who must study a campaign on a given day, and by when: the audience rule (docs/compliance.md),
used by the compliance rule, by study sessions (their default roster) and by the reports.

Audience as of T: staff of the campaign's agency employed on T (roster history: start ≤ T and no
leaving date ≤ T, or inside an earlier period of theirs), whose unit *on T* is in the audience
units' subtrees, in the audience categories (empty = all). A campaign without `new_hire_days`
leaves out people who joined after its due date (they could not have met it: the next campaign
holds them); with it, they are in, with their own due date.

Each person's due date (`person_due`): the campaign's `due`, except for a newcomer — whose period
of employment started after the campaign's `start` — when the campaign sets `new_hire_days`:
start + N days, or the campaign's due when that is later.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone

from learning.models import Campaign
from org.models import Employee, OrgUnit
from org.selectors.history import in_units_on, staff_on


def campaign_audience(*, campaign: Campaign, as_of: dt.date | None = None,
                      unit: OrgUnit | None = None) -> QuerySet[Employee]:
    """Staff who must study the campaign's requirements as of `as_of` (default today), annotated
    with `unit_on_id`, `unit_on_path`, `unit_on_name` (their unit on that day) and `start_on` (the
    start of their period of employment); `unit` narrows to people in its subtree on that day."""
    as_of = as_of or timezone.localdate()
    qs = staff_on(agency_id=campaign.agency_id, as_of=as_of)
    qs = in_units_on(qs, [unit.path for unit in campaign.audience_units.all()])  # prefetched, if it was
    if unit is not None:
        # Re-read the path: treebeard moves sibling paths when a unit is inserted in name order.
        path = OrgUnit.objects.filter(pk=unit.pk).values_list("path", flat=True).first() or unit.path
        qs = in_units_on(qs, [path])
    if campaign.audience_categories:
        qs = qs.filter(category__in=list(campaign.audience_categories))
    if campaign.new_hire_days is None:
        qs = qs.filter(Q(start_on__isnull=True) | Q(start_on__lte=campaign.due))
    return qs


def person_due(*, campaign: Campaign, start_date: dt.date | None) -> dt.date:
    """The due date of one person whose period of employment started on `start_date`."""
    if campaign.new_hire_days is None or start_date is None or start_date <= campaign.start:
        return campaign.due
    return max(campaign.due, start_date + dt.timedelta(days=campaign.new_hire_days))
