"""Next year in one step (docs/campaigns.md "Next year"): a campaign rolled over to a new year.

The new campaign keeps the title (its year replaced), the requirements in their order, the
audience (units and categories) and `new_hire_days`; its dates are shifted by the number of years
(the same day and month) unless given; exemptions are carried only when asked (`with_exemptions`:
long leave that runs on). It is written through `campaign_save`, the path of `load_campaign` and
of the admin form, so it is validated, audited and exports as the YAML any campaign exports as.
"""

from __future__ import annotations

import datetime as dt
import re

from django.db import transaction
from django.utils.translation import gettext

from core.errors import DomainError
from courses.selectors import directive_reference
from learning.models import Campaign, Exemption
from learning.services.campaigns import CATEGORY_ORDER, CampaignLoadResult, campaign_save
from learning.services.kept import kept_refresh
from org.scoping import agency_object_required
from org.services.audit import audit_log

YEAR = re.compile(r"(?<!\d)(19|20|21)\d{2}(?!\d)")


class RolloverRefused(DomainError):
    code = "rollover_refused"


def rollover_slug(slug: str, *, old_year: int, year: int) -> str:
    """`dan-van-2024` → `dan-van-2025`: the campaign's year replaced (else the last year-like number),
    or `-YYYY` appended when the slug names no year."""
    if str(old_year) in slug:
        head, _, tail = slug.rpartition(str(old_year))
        return f"{head}{year}{tail}"
    matches = list(YEAR.finditer(slug))
    if matches:
        last = matches[-1]
        return f"{slug[:last.start()]}{year}{slug[last.end():]}"
    return f"{slug}-{year}"


def _shift(day: dt.date, years: int) -> dt.date:
    """The same day and month `years` later; 29/02 becomes 28/02 in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def campaign_rollover(*, campaign: Campaign, year: int, start: dt.date | None = None, due: dt.date | None = None,
                      with_exemptions: bool = False, actor=None) -> CampaignLoadResult:
    """Create `campaign`'s successor for `year`. RolloverRefused when the new slug is taken in the
    agency; CampaignRefused (from validation) for impossible dates."""
    agency_object_required(actor=actor, agency=campaign.agency_id)
    if not 1900 <= year <= 2200:
        raise RolloverRefused(gettext("%(year)s không phải năm hợp lý") % {"year": year}, code="bad_year")
    if year == campaign.year:
        raise RolloverRefused(gettext("kế hoạch %(slug)s đã là kế hoạch năm %(year)s") % {"slug": campaign.slug, "year": year},
                              code="same_year")
    years = year - campaign.year
    slug = rollover_slug(campaign.slug, old_year=campaign.year, year=year)
    data = {
        "slug": slug,
        "title": campaign.title.replace(str(campaign.year), str(year)),
        "year": year,
        "start": (start or _shift(campaign.start, years)).isoformat(),
        "due": (due or _shift(campaign.due, years)).isoformat(),
        "new_hire_days": campaign.new_hire_days,
        "audience": {
            "units": [u.code for u in campaign.audience_units.order_by("path")],
            "categories": [c for c in CATEGORY_ORDER if c in (campaign.audience_categories or [])],
        },
        "requirements": [
            {"directive": directive_reference(r.directive)}
            for r in campaign.requirements.select_related("directive").order_by("order", "id")
        ],
    }
    with transaction.atomic():
        if Campaign.objects.filter(agency_id=campaign.agency_id, slug=slug).exists():
            raise RolloverRefused(gettext("đã có kế hoạch %(slug)s") % {"slug": slug}, code="exists")
        result = campaign_save(agency=campaign.agency, data=data, actor=actor)
        new = result.campaign
        audit_log(actor=actor, action="campaign.rollover", obj=new, before={"from": campaign.slug},
                  after={"slug": new.slug, "with_exemptions": with_exemptions})
        if with_exemptions:
            carried = [
                Exemption(campaign=new, employee_id=e.employee_id, reason=e.reason,
                          created_by=actor if getattr(actor, "is_authenticated", False) else None)
                for e in campaign.exemptions.all().order_by("id")
            ]
            Exemption.objects.bulk_create(carried)
            for exemption in carried:
                audit_log(actor=actor, action="exemption.grant", obj=exemption, after={
                    "campaign": new.slug, "employee_id": exemption.employee_id, "reason": exemption.reason,
                    "carried_from": campaign.slug})
            kept_refresh(campaign=new, employee_ids=[exemption.employee_id for exemption in carried])
    return result
