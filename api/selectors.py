"""What a token may read: the campaigns of its agency and their compliance rows (the contract CSV's
columns and values, from the same writer as the CSV)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from api.models import ApiToken
from learning.models import Campaign
from learning.selectors.campaigns import CampaignNotFound
from learning.selectors.compliance import compliance_table
from reports.exporters.compliance import csv_frame


@dataclass(frozen=True)
class CompliancePage:
    count: int  # rows of the whole report
    number: int
    has_next: bool
    rows: list[dict[str, str]]


def token_campaigns(token: ApiToken) -> QuerySet[Campaign]:
    """The campaigns of the token's agency, newest first."""
    return Campaign.objects.filter(agency_id=token.agency_id).order_by("-year", "-start", "title", "id")


def token_campaign(token: ApiToken, slug: str) -> Campaign:
    """The campaign `slug` of the token's agency; another agency's campaign is unknown here (404)."""
    campaign = token_campaigns(token).filter(slug=slug).first()
    if campaign is None:
        raise CampaignNotFound(f'unknown campaign "{slug}"')
    return campaign


def compliance_page(*, campaign: Campaign, as_of: dt.date, page: int, size: int) -> CompliancePage:
    """Page `page` (from 1) of the compliance rows as of `as_of`: the contract CSV's rows in its
    order, each a dict of its eight columns in CSV order with the CSV's text values."""
    table = compliance_table(campaign=campaign, as_of=as_of)
    start = (page - 1) * size
    rows = csv_frame(table.iloc[start:start + size]).to_dict(orient="records")
    return CompliancePage(count=len(table), number=page, has_next=start + size < len(table), rows=rows)
