"""A campaign for every agency of a province (`load_campaign FILE.yaml --province CODE`).

The province's file goes through the same path as an agency's (`campaign_save`: validated,
all-or-nothing, audited) once per agency, inside one transaction: a file that one agency cannot
take (an audience unit it does not have) writes nothing anywhere. Re-loading updates the title,
dates and requirements everywhere; each agency keeps what is its own:
- its exemptions (a load never touches them);
- its audience when it adjusted it: an agency whose audience is no longer the one the province's
  previous load gave it keeps its own; the others follow the province's new audience.
The province's version is kept (`ProvinceCampaign`) so that it can see which agencies have not
adopted the campaign or have changed it (`learning.selectors.province`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext

from core.errors import DomainError, Problem
from learning.models import Campaign, ProvinceCampaign
from learning.services.campaigns import (
    CampaignLoadResult,
    CampaignRefused,
    campaign_parse,
    campaign_save,
    campaign_snapshot,
)
from org.models import OrgUnit, Province
from org.selectors.provinces import province_agencies


@dataclass
class ProvinceLoadResult:
    province: Province
    slug: str
    results: list[tuple[OrgUnit, CampaignLoadResult]] = field(default_factory=list)
    kept_audience: list[str] = field(default_factory=list)  # agency codes that kept their own audience
    dry_run: bool = False

    def lines(self) -> list[str]:
        out = []
        for agency, result in self.results:
            kept = " (kept its own audience)" if agency.code in self.kept_audience else ""
            out.append(f"{agency.code}: {result.summary()}{kept}")
        created = sum(r.created for _, r in self.results)
        updated = sum(bool(not r.created and r.changed) for _, r in self.results)
        unchanged = len(self.results) - created - updated
        prefix = "dry run: " if self.dry_run else ""
        out.append(f"{prefix}province {self.province.code}: campaign {self.slug} in {len(self.results)} agencies "
                   f"(created {created}, updated {updated}, unchanged {unchanged})")
        return out


def _audience_key(units: list[str], categories: list[str]) -> tuple:
    return tuple(sorted(str(u).strip().casefold() for u in units)), tuple(sorted(str(c).strip() for c in categories))


def _file_audience(data: dict) -> tuple:
    audience = data.get("audience") if isinstance(data.get("audience"), dict) else {}
    def as_list(value):
        return [] if value is None else list(value) if isinstance(value, (list, tuple)) else [value]
    return _audience_key(as_list(audience.get("units")), as_list(audience.get("categories")))


def _campaign_audience_key(campaign: Campaign) -> tuple:
    return _audience_key(list(campaign.audience_units.values_list("code", flat=True)),
                         list(campaign.audience_categories or []))


def _agency_data(data: dict, campaign: Campaign | None, previous: ProvinceCampaign | None) -> tuple[dict, bool]:
    """The mapping to save for one agency, and whether the agency keeps its own audience."""
    if campaign is None:
        return data, False
    given = _file_audience({"audience": previous.snapshot.get("audience_file")} if previous else data)
    own = _campaign_audience_key(campaign)
    if own == given:
        return data, False
    units, categories = own
    kept = {**data, "audience": {"units": list(campaign.audience_units.values_list("code", flat=True)),
                                 "categories": list(categories)} if units or categories else None}
    return kept, True


def province_campaign_load(*, province: Province, data: str | bytes, dry_run: bool = False,
                           actor=None) -> ProvinceLoadResult:
    """Create or update the campaign of the file in every agency of `province`; all or nothing."""
    if isinstance(data, bytes):
        data = data.decode("utf-8-sig")
    mapping, lines = campaign_parse(data)
    agencies = list(province_agencies(province))
    if not agencies:
        raise DomainError(f"province {province.code} has no agency yet (create_agency CODE NAME --province "
                          f"{province.code})", code="province_empty")
    slug = str(mapping.get("slug") or "").strip()
    result = ProvinceLoadResult(province=province, slug=slug, dry_run=dry_run)
    problems: list[Problem] = []
    with transaction.atomic():
        previous = ProvinceCampaign.objects.select_for_update().filter(province=province, slug=slug).first()
        for agency in agencies:
            campaign = Campaign.objects.select_for_update(no_key=True).filter(agency=agency, slug=slug).first() if slug else None
            agency_data, kept = _agency_data(mapping, campaign, previous)
            try:
                with transaction.atomic():
                    loaded = campaign_save(agency=agency, data=agency_data, campaign=campaign, actor=actor,
                                           lines=lines)
            except CampaignRefused as exc:
                problems += [Problem(gettext("cơ quan %(agency)s: %(message)s") % {"agency": agency.code, "message": p.message},
                                     row=p.row, column=p.column, unit=p.unit)
                             for p in exc.problems]
                continue
            result.results.append((agency, loaded))
            if kept:
                result.kept_audience.append(agency.code)
        if problems:
            # The same fault in every agency (a bad date, an unknown directive) is said once.
            raise CampaignRefused(_merge_same(problems, len(agencies)))
        reference = campaign_snapshot(result.results[0][1].campaign)
        # The province's own audience (the first agency may have kept its own).
        file_units, file_categories = _file_audience(mapping)
        reference.update(audience_units=list(file_units), audience_categories=list(file_categories),
                         audience_file=mapping.get("audience"))
        ProvinceCampaign.objects.update_or_create(province=province, slug=slug,
                                                  defaults={"title": reference["title"], "snapshot": reference})
        if dry_run:
            for _, loaded in result.results:
                loaded.dry_run = True
            transaction.set_rollback(True)
    return result


def _merge_same(problems: list[Problem], agencies: int) -> list[Problem]:
    """A problem every agency has is reported once, without an agency."""
    counts: dict[tuple, int] = {}
    for p in problems:
        key = (p.message.split(": ", 1)[1], p.row, p.column, p.unit)
        counts[key] = counts.get(key, 0) + 1
    out, said = [], set()
    for p in problems:
        key = (p.message.split(": ", 1)[1], p.row, p.column, p.unit)
        if counts[key] == agencies:
            if key not in said:
                said.add(key)
                out.append(Problem(key[0], row=p.row, column=p.column, unit=p.unit))
        else:
            out.append(p)
    return out
