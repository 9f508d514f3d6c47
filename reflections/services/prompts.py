"""HR sets which requirements of a campaign ask for a reflection and how it is graded."""

from __future__ import annotations

from django.db import transaction

from learning.models import Requirement
from org.selectors.access import hr_of_agency_required
from org.services.audit import audit_log
from reflections.models import GradingScheme, ReflectionPrompt
from reflections.services.writing import ReflectionRefused


def prompt_snapshot(prompt: ReflectionPrompt) -> dict:
    return {"campaign": prompt.campaign.slug, "directive": prompt.directive.number if prompt.directive_id else "",
            "scheme": prompt.scheme, "max_points": str(prompt.max_points), "pass_mark": str(prompt.pass_mark),
            "instructions": prompt.instructions}


def reflection_prompt_save(*, prompt: ReflectionPrompt, actor) -> ReflectionPrompt:
    """Create or change a prompt (the form's object, not yet saved). HR of the campaign's agency only;
    the directive must be a requirement of the campaign; a pass mark within the maximum."""
    hr_of_agency_required(actor=actor, agency=prompt.campaign.agency)
    stored = ReflectionPrompt.objects.filter(pk=prompt.pk).select_related("campaign__agency").first() \
        if prompt.pk else None
    if stored is not None:
        hr_of_agency_required(actor=actor, agency=stored.campaign.agency)
    if prompt.directive_id and not Requirement.objects.filter(campaign=prompt.campaign,
                                                              directive_id=prompt.directive_id).exists():
        raise ReflectionRefused("this directive is not a requirement of the campaign", code="not_a_requirement")
    if prompt.scheme == GradingScheme.POINTS and prompt.pass_mark > prompt.max_points:
        raise ReflectionRefused("the pass mark is above the maximum score", code="pass_mark")
    with transaction.atomic():
        before = prompt_snapshot(stored) if stored else None
        prompt.save()
        audit_log(actor=actor, action="reflection_prompt.save", obj=prompt.campaign, before=before,
                  after=prompt_snapshot(prompt))
    return prompt


def reflection_prompt_delete(*, prompt: ReflectionPrompt, actor) -> None:
    """Stop asking for reflections there (those written stay, and so does their evidence)."""
    hr_of_agency_required(actor=actor, agency=prompt.campaign.agency)
    with transaction.atomic():
        audit_log(actor=actor, action="reflection_prompt.delete", obj=prompt.campaign, before=prompt_snapshot(prompt))
        prompt.delete()
