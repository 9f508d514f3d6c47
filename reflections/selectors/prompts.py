"""Which requirements accept a reflection, and with which prompt (most specific first)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from learning.models import Requirement
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
    prompts = list(ReflectionPrompt.objects.for_agency(agency_id).filter(
        campaign__requirements__directive_id__in=directive_ids).distinct())
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
