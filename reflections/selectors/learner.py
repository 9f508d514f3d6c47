"""The learner's list of reflections to write: every requirement of a running campaign of theirs
that asks for one, with the reflection written so far."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from learning.models import Campaign, Requirement
from learning.selectors.audience import campaign_audience
from reflections.models import Reflection, ReflectionPrompt
from reflections.selectors.prompts import prompts_by_requirement


@dataclass
class ReflectionTask:
    campaign: Campaign
    requirement: Requirement
    prompt: ReflectionPrompt
    reflection: Reflection | None

    @property
    def directive(self):
        return self.requirement.directive


def my_reflection_tasks(*, employee, today: dt.date) -> list[ReflectionTask]:
    campaigns = [c for c in Campaign.objects.for_agency(employee.agency_id).filter(
        start__lte=today, reflection_prompts__isnull=False).distinct().order_by("-start", "pk")
        if campaign_audience(campaign=c, as_of=today).filter(pk=employee.pk).exists()]
    if not campaigns:
        return []
    requirements = list(Requirement.objects.filter(campaign__in=campaigns).select_related("campaign", "directive")
                        .order_by("campaign__start", "campaign_id", "order", "id"))
    prompts = prompts_by_requirement(agency_id=employee.agency_id, directive_ids={r.directive_id for r in requirements})
    written = {(r.campaign_id, r.directive_id): r for r in Reflection.objects.for_agency(employee.agency_id).filter(
        employee=employee, campaign__in=campaigns)}
    return [ReflectionTask(r.campaign, r, prompts[key], written.get(key)) for r in requirements
            if (key := (r.campaign_id, r.directive_id)) in prompts]
