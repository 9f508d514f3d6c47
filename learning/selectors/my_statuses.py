"""One person's campaign statuses for "Việc học của tôi", read from the kept statuses
(`learning.models.kept`) for every campaign kept fresh on the day, computed from the evidence
(`compliance.employee_campaign_status`) for the others: the same answers (a test holds the two
paths together), one query for all the kept campaigns instead of the audience and evidence queries
of each."""

from __future__ import annotations

import datetime as dt
import functools

from django.db import connection
from django.utils import timezone

from core.rows import ModelColumns, column, order_by, table
from courses.selectors import directive_pages
from learning.models import Campaign, KeptCampaign, KeptStatus, Requirement
from learning.selectors.compliance import (
    PERSON_CAMPAIGNS_ORDER,
    CampaignStatus,
    RequirementStatus,
    employee_campaign_status,
    requirement_status,
)
from learning.statuses import DONE_STATUSES
from org.models import Employee


def _kept_on(campaign: Campaign, day: dt.date) -> bool:
    kept = getattr(campaign, "kept", None)  # select_related: None when the campaign is not kept
    return kept is not None and kept.fresh_on(day)


def _from_rows(campaign: Campaign, rows: list[tuple], as_of: dt.date) -> CampaignStatus:
    """The person's rows of one campaign (requirements in campaign order) as `_person_campaign_status`
    builds them from the evidence: (requirement, due, exempt, evidence, evidence_date)."""
    items = [
        RequirementStatus(
            requirement=requirement,
            directive=requirement.directive,
            status=requirement_status(evidence_date=evidence_date, exempt=exempt, due=due, as_of=as_of),
            evidence=evidence,
            evidence_date=evidence_date,
        )
        for requirement, due, exempt, evidence, evidence_date in rows
    ]
    _, due, exempt, _, _ = rows[0]
    return CampaignStatus(campaign=campaign, items=items, completed=sum(item.status in DONE_STATUSES for item in items),
                          total=len(items), exempt=exempt, due=due)


def _kept_rows(employee: Employee, campaign_ids: list[int]) -> dict[int, list[tuple]]:
    """campaign id → the person's kept rows, each with its requirement (its directive from the
    content cache: one narrow query, no page columns)."""
    with connection.cursor() as cursor:
        cursor.execute(_kept_rows_query(len(campaign_ids)), [employee.pk, *campaign_ids])
        values = cursor.fetchall()
    directives = directive_pages({value[2] for value in values})
    rows: dict[int, list[tuple]] = {}
    for campaign_id, requirement_id, directive_id, order, due, exempt, evidence, evidence_date in values:
        requirement = Requirement(id=requirement_id, campaign_id=campaign_id, directive_id=directive_id, order=order)
        requirement._state.adding, requirement._state.db = False, KeptStatus.objects.db
        requirement.directive = directives[directive_id]
        rows.setdefault(campaign_id, []).append((requirement, due, exempt, evidence, evidence_date))
    return rows


@functools.cache
def _kept_rows_query(campaigns: int) -> str:
    """`_kept_rows`' query for this many campaigns, hand-written: every visit of "Việc học của tôi"
    reads it, and Django's compiler cost more Python than the query (≈ 1 ms)."""
    k, r = KeptStatus, Requirement
    return (
        f"SELECT k.{column(k, 'campaign')}, k.{column(k, 'requirement')}, r.{column(r, 'directive')},"
        f" r.{column(r, 'order')}, k.{column(k, 'due')}, k.{column(k, 'exempt')}, k.{column(k, 'evidence')},"
        f" k.{column(k, 'evidence_date')} FROM {table(k)} k"
        f" INNER JOIN {table(r)} r ON r.{column(r, 'pk')} = k.{column(k, 'requirement')}"
        f" WHERE k.{column(k, 'employee')} = %s AND k.{column(k, 'campaign')} IN ({', '.join(['%s'] * campaigns)})"
        f" ORDER BY k.{column(k, 'campaign')}, r.{column(r, 'order')}, k.{column(k, 'requirement')}"
    )


def _campaigns_with_kept(employee: Employee) -> list[Campaign]:
    """`list(person_campaigns(employee).select_related("kept"))`, hand-written (every visit of "Việc học
    của tôi" reads it; a test holds the two together): the same instances, in the same order."""
    sql, campaign_part, kept_part = _campaigns_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, [employee.agency_id])
        rows = cursor.fetchall()
    campaigns = []
    for row in rows:
        campaign, kept = campaign_part.instance(row), kept_part.instance(row)
        Campaign.kept.related.set_cached_value(campaign, kept)  # None: not kept, as select_related leaves it
        if kept is not None:
            KeptCampaign.campaign.field.set_cached_value(kept, campaign)
        campaigns.append(campaign)
    return campaigns


@functools.cache
def _campaigns_query() -> tuple[str, ModelColumns, ModelColumns]:
    campaign = ModelColumns.of(Campaign, "c")
    kept = ModelColumns.of(KeptCampaign, "k", campaign.end)
    c = functools.partial(column, Campaign)
    sql = (
        f"SELECT {campaign.select()}, {kept.select()} FROM {table(Campaign)} c"
        f" LEFT JOIN {table(KeptCampaign)} k ON k.{column(KeptCampaign, 'campaign')} = c.{c('pk')}"
        f" WHERE c.{c('agency')} = %s {order_by(Campaign, 'c', PERSON_CAMPAIGNS_ORDER)}"
    )
    return sql, campaign, kept


def my_campaign_status(*, employee: Employee, as_of: dt.date | None = None) -> list[CampaignStatus]:
    """`employee_campaign_status(employee=, as_of=)`, from the kept rows where they answer for `as_of`."""
    as_of = as_of or timezone.localdate()
    campaigns = _campaigns_with_kept(employee)
    kept = {campaign.pk: campaign for campaign in campaigns if _kept_on(campaign, as_of)}
    others = [campaign for campaign in campaigns if campaign.pk not in kept]
    found = {status.campaign.pk: status for status in
             (employee_campaign_status(employee=employee, as_of=as_of, campaigns=others) if others else [])}
    # A person has rows in a kept campaign exactly when they are in its audience (with its requirements).
    rows = _kept_rows(employee, list(kept)) if kept else {}
    found.update({pk: _from_rows(kept[pk], person_rows, as_of) for pk, person_rows in rows.items()})
    return [found[campaign.pk] for campaign in campaigns if campaign.pk in found]
