"""Which requirements accept a reflection, and with which prompt (most specific first)."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from django.db import connection
from django.db.models import Q

from core.rows import ModelColumns, column, table
from learning.models import Campaign, Requirement
from reflections.models import ReflectionPrompt


def prompt_for(*, campaign, directive) -> ReflectionPrompt | None:
    """The prompt of this requirement (its own, else the campaign-wide one); None when the
    directive is not a requirement of the campaign or the campaign asks no reflection for it."""
    if not Requirement.objects.filter(campaign=campaign, directive=directive).exists():
        return None
    prompts = {p.directive_id: p for p in ReflectionPrompt.objects.filter(
        Q(directive=directive) | Q(directive__isnull=True), campaign=campaign)}
    return prompts.get(directive.pk) or prompts.get(None)


def prompts_by_requirement(*, agency_id: int, directive_ids: Iterable[int]) -> dict[tuple[int, int], ReflectionPrompt]:
    """(campaign_id, directive_id) → prompt, for the agency's campaigns requiring any of the directives."""
    directive_ids = list(directive_ids)
    prompts = _agency_prompts(agency_id, directive_ids) if directive_ids else []
    if not prompts:
        return {}
    by_campaign: dict[int, dict] = {}
    for prompt in prompts:
        by_campaign.setdefault(prompt.campaign_id, {})[prompt.directive_id] = prompt
    found = {}
    for campaign_id, directive_id in Requirement.objects.filter(
            campaign_id__in=list(by_campaign), directive_id__in=directive_ids).values_list("campaign_id", "directive_id"):
        own = by_campaign[campaign_id]
        prompt = own.get(directive_id) or own.get(None)
        if prompt is not None:
            found[(campaign_id, directive_id)] = prompt
    return found


def _agency_prompts(agency_id: int, directive_ids: list[int]) -> list[ReflectionPrompt]:
    """The prompts of the agency's campaigns (`ReflectionPrompt.agency_lookup`) that require any of
    the directives. Hand-written: "Việc học của tôi" asks on every visit, mostly to hear "none", and
    the ORM's DISTINCT join cost more Python than the query."""
    sql, part = _agency_prompts_query(len(directive_ids))
    with connection.cursor() as cursor:
        cursor.execute(sql, [agency_id, *directive_ids])
        return [part.instance(row) for row in cursor.fetchall()]


@functools.cache
def _agency_prompts_query(directives: int) -> tuple[str, ModelColumns]:
    if ReflectionPrompt.agency_lookup != "campaign__agency":
        raise AssertionError("ReflectionPrompt.agency_lookup changed: change _agency_prompts_query with it")
    part = ModelColumns.of(ReflectionPrompt, "p")
    campaign = column(ReflectionPrompt, "campaign")
    sql = (
        f"SELECT {part.select()} FROM {table(ReflectionPrompt)} p"
        f" INNER JOIN {table(Campaign)} c ON c.{column(Campaign, 'pk')} = p.{campaign}"
        f" WHERE c.{column(Campaign, 'agency')} = %s AND EXISTS (SELECT 1 FROM {table(Requirement)} r"
        f" WHERE r.{column(Requirement, 'campaign')} = p.{campaign}"
        f" AND r.{column(Requirement, 'directive')} IN ({', '.join(['%s'] * directives)}))"
    )
    return sql, part
