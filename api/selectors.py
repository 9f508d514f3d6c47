"""What a token may read. An agency token: the campaigns of its agency and their compliance rows
(the contract CSV's columns and values, from the same writer as the CSV). A province token: the
campaigns of the agencies of its province and, per campaign slug, each agency's figures (the
province_report CSV's rows); never a person's row (the province reads person-level data only under
an agency's explicit grant, in the web interface)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from api.models import ApiToken
from certificates.models import Certificate
from core.errors import PermissionDenied
from learning.models import Campaign
from learning.selectors.campaigns import CampaignNotFound
from learning.selectors.compliance import compliance_table_slice
from reports.exporters.compliance import csv_frame
from reports.exporters.province import province_figures
from reports.selectors.province import province_csv_frame


@dataclass(frozen=True)
class CompliancePage:
    count: int  # rows of the whole report
    number: int
    has_next: bool
    rows: list[dict[str, str]]


def token_campaigns(token: ApiToken) -> QuerySet[Campaign]:
    """The campaigns of the token's agency (of its province's agencies), newest first."""
    if token.province_id:
        campaigns = Campaign.objects.filter(agency__depth=1, agency__province_id=token.province_id)
    else:
        campaigns = Campaign.objects.filter(agency_id=token.agency_id)
    return campaigns.select_related("agency").order_by("-year", "-start", "title", "agency__code", "id")


def token_campaign(token: ApiToken, slug: str) -> Campaign:
    """The campaign `slug` of the token's agency; another agency's campaign is unknown here (404).
    A province token reads no person's row."""
    if token.province_id:
        raise PermissionDenied("a province token reads figures per agency, not people's rows: "
                               f"GET /api/v1/campaigns/{slug}/agencies")
    campaign = token_campaigns(token).filter(slug=slug).first()
    if campaign is None:
        raise CampaignNotFound(f'unknown campaign "{slug}"')
    return campaign


def compliance_page(*, campaign: Campaign, as_of: dt.date, page: int, size: int) -> CompliancePage:
    """Page `page` (from 1) of the compliance rows as of `as_of`: the contract CSV's rows in its
    order, each a dict of its eight columns in CSV order with the CSV's text values."""
    start = (page - 1) * size
    count, table = compliance_table_slice(campaign=campaign, as_of=as_of, offset=start, limit=size)
    rows = csv_frame(table).to_dict(orient="records")
    return CompliancePage(count=count, number=page, has_next=start + size < count, rows=rows)


def province_rows(token: ApiToken, *, slug: str, as_of: dt.date) -> list[dict]:
    """Each agency of the token's province with its figures for campaign `slug` (the
    province_report CSV's columns, by agency code). Province tokens only; an unknown slug is 404."""
    if not token.province_id:
        raise PermissionDenied("figures per agency are for province tokens")
    if not token_campaigns(token).filter(slug=slug).exists():
        raise CampaignNotFound(f'unknown campaign "{slug}"')
    frame = province_csv_frame(province_figures(province=token.province, slug=slug, as_of=as_of).agencies)
    rows = frame.to_dict(orient="records")
    for row in rows:
        row["people_rate"] = float(row["people_rate"]) if row["people_rate"] else None
    return rows


def campaign_certificates(token: ApiToken, slug: str) -> list[Certificate]:
    """The certificates issued for campaign `slug` of the token's agency (valid and revoked), by
    holder's code. Person-level: agency tokens only (a province token gets 403, another agency's
    campaign 404)."""
    campaign = token_campaign(token, slug)
    return list(Certificate.objects.filter(agency_id=token.agency_id, campaign=campaign)
                .select_related("employee").order_by("employee__employee_code", "issued_on", "id"))
