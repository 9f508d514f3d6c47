"""A province-wide campaign seen from the province: which agencies adopted it as loaded, which
changed it (and what), which have not adopted it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from courses.selectors import directive_reference
from learning.models import Campaign, ProvinceCampaign, Requirement
from org.models import OrgUnit, Province
from org.selectors.provinces import province_agencies

ADOPTED, CHANGED, NOT_ADOPTED = "adopted", "changed", "not_adopted"
COMPARED = ("title", "start", "due", "requirements")


@dataclass(frozen=True)
class Adoption:
    agency: OrgUnit
    campaign: Campaign | None
    state: str  # adopted | changed | not_adopted
    changed: list[str] = field(default_factory=list)  # of COMPARED, plus "audience"


def province_campaign_slugs(province: Province) -> list[str]:
    """Slugs of the province's campaigns: those it loaded, then those every agency shares."""
    loaded = list(ProvinceCampaign.objects.filter(province=province).order_by("-loaded_at")
                  .values_list("slug", flat=True))
    agencies = province_agencies(province)
    shared = (Campaign.objects.filter(agency__in=agencies).values_list("slug", flat=True).distinct())
    return loaded + sorted({s for s in shared if s not in loaded})


def province_campaigns(*, province: Province, slug: str,
                       prefetch: bool = False) -> list[tuple[OrgUnit, Campaign | None]]:
    """Each agency of the province (by code) with its campaign `slug`, or None. With `prefetch`,
    the campaigns' audience units and requirements come in two queries for all of them."""
    agencies = list(province_agencies(province))
    campaigns = Campaign.objects.filter(agency__in=agencies, slug=slug)
    if prefetch:
        campaigns = campaigns.prefetch_related(
            Prefetch("audience_units", queryset=OrgUnit.objects.order_by("path")),
            Prefetch("requirements", queryset=Requirement.objects.select_related("directive").order_by("order", "id")))
    by_agency = {c.agency_id: c for c in campaigns}
    return [(agency, by_agency.get(agency.pk)) for agency in agencies]


def province_adoption(*, province: Province, slug: str) -> list[Adoption]:
    """Per agency: not adopted (no campaign of that slug), changed (title, dates, requirements or
    audience differ from what the province loaded), or adopted. Without a province load of that
    slug, the reference is the most common version among the agencies."""
    pairs = province_campaigns(province=province, slug=slug, prefetch=True)
    references: dict[int, str] = {}  # one lookup per directive, not per agency
    snapshots = {agency.pk: _snapshot(campaign, references) for agency, campaign in pairs if campaign is not None}
    loaded = ProvinceCampaign.objects.filter(province=province, slug=slug).first()
    reference = loaded.snapshot if loaded else _most_common(list(snapshots.values()))
    out = []
    for agency, campaign in pairs:
        if campaign is None:
            out.append(Adoption(agency=agency, campaign=None, state=NOT_ADOPTED))
            continue
        snapshot = snapshots[agency.pk]
        changed = [key for key in COMPARED if reference and snapshot.get(key) != reference.get(key)]
        if reference and _audience(snapshot) != _audience(reference):
            changed.append("audience")
        out.append(Adoption(agency=agency, campaign=campaign, state=CHANGED if changed else ADOPTED, changed=changed))
    return out


def _snapshot(campaign: Campaign, references: dict[int, str]) -> dict:
    """The compared part of `campaign_snapshot`, from prefetched relations (no query per agency)."""
    return {
        "title": campaign.title,
        "start": campaign.start.isoformat(),
        "due": campaign.due.isoformat(),
        "audience_units": [u.code for u in campaign.audience_units.all()],
        "audience_categories": list(campaign.audience_categories or []),
        "requirements": [references.get(r.directive_id) or references.setdefault(r.directive_id,
                                                                                 directive_reference(r.directive))
                         for r in campaign.requirements.all()],
    }


def _audience(snapshot: dict) -> tuple:
    return (tuple(sorted(c.casefold() for c in snapshot.get("audience_units", []))),
            tuple(sorted(snapshot.get("audience_categories", []))))


def _most_common(snapshots: list[dict]) -> dict | None:
    if not snapshots:
        return None
    keyed = [(repr([s.get(k) for k in COMPARED]), s) for s in snapshots]
    counts: dict[str, int] = {}
    for key, _ in keyed:
        counts[key] = counts.get(key, 0) + 1
    best = max(counts, key=counts.get)
    return next(s for key, s in keyed if key == best)
