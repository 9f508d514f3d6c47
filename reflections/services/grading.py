"""Grading a submitted reflection: Đạt / Chưa đạt (or points against the pass mark), or returned
with comments for the learner to change. Unit heads grade their unit subtree's people, HR the
agency's; nobody grades their own. Each round is a `ReflectionReview`; "Đạt" is evidence dated on
the submission (core.evidence: announced once the grade commits)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from core.errors import PermissionDenied
from core.evidence import evidence_announce
from org.scoping import agency_object_required
from org.selectors.access import employee_of, is_hr, is_unit_head, visible_employees
from org.services.audit import audit_log
from reflections.models import GradingScheme, Reflection, ReflectionReview, ReflectionStatus, ReviewDecision
from reflections.selectors.prompts import prompt_for
from reflections.services.writing import ReflectionRefused, reflection_snapshot

MAX_COMMENT_CHARS = 5_000


def grader_required(*, actor, reflection: Reflection) -> None:
    """HR of the agency, or a unit head of the writer's unit subtree; `actor=None` is the command
    line. Another agency's reflection is not found (no oracle of ids)."""
    if actor is None:
        return
    agency_object_required(actor=actor, agency=reflection.campaign.agency_id)
    own = employee_of(actor)
    if own is not None and own.pk == reflection.employee_id:
        raise PermissionDenied("nobody grades their own reflection")
    if getattr(actor, "is_superuser", False) or is_hr(actor):
        return
    if is_unit_head(actor) and visible_employees(actor).filter(pk=reflection.employee_id).exists():
        return
    raise PermissionDenied("only HR or the head of the writer's unit grades a reflection")


def _locked_submitted(reflection: Reflection) -> Reflection:
    reflection = (Reflection.objects.select_for_update().select_related("employee", "campaign", "directive")
                  .get(pk=reflection.pk))
    if reflection.status != ReflectionStatus.SUBMITTED:
        raise ReflectionRefused("only a submitted reflection is graded", code="not_submitted")
    return reflection


def _comment(comment: str) -> str:
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT_CHARS:
        raise ReflectionRefused(f"the comment is longer than {MAX_COMMENT_CHARS} characters", code="too_long")
    return comment


def _score(value, *, prompt) -> Decimal:
    try:
        score = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError, TypeError) as exc:
        raise ReflectionRefused("the score is not a number", code="score_invalid") from exc
    if not (Decimal(0) <= score <= prompt.max_points):
        raise ReflectionRefused(f"the score must be between 0 and {prompt.max_points}", code="score_invalid")
    return score


def reflection_grade(*, reflection: Reflection, actor, passed: bool | None = None, score=None,
                     comment: str = "") -> Reflection:
    """Grade a submitted reflection. Rubric prompts take `passed`; points prompts take `score` and
    pass from the prompt's pass mark up. "Đạt" is evidence dated on the submission."""
    grader_required(actor=actor, reflection=reflection)
    comment = _comment(comment)
    with transaction.atomic():
        reflection = _locked_submitted(reflection)
        prompt = prompt_for(campaign=reflection.campaign, directive=reflection.directive)
        if prompt is not None and prompt.scheme == GradingScheme.POINTS:
            if score is None or score == "":
                raise ReflectionRefused("this reflection is graded with points: give a score", code="score_required")
            score = _score(score, prompt=prompt)
            passed = score >= prompt.pass_mark
        else:
            if passed is None:
                raise ReflectionRefused("say Đạt or Chưa đạt", code="decision_required")
            score = None
        before = reflection_snapshot(reflection)
        reflection.status = ReflectionStatus.PASSED if passed else ReflectionStatus.FAILED
        reflection.score = score
        reflection.graded_by = actor if getattr(actor, "is_authenticated", False) else None
        reflection.graded_at = timezone.now()
        reflection.save(update_fields=["status", "score", "graded_by", "graded_at", "updated_at"])
        ReflectionReview.objects.create(
            reflection=reflection, decision=ReviewDecision.PASSED if passed else ReviewDecision.FAILED, score=score,
            comment=comment, grader=reflection.graded_by, submitted_on=reflection.submitted_on)
        audit_log(actor=actor, action="reflection.grade", obj=reflection, before=before,
                  after={**reflection_snapshot(reflection), "comment": comment})
        if passed:
            evidence_announce(sender=Reflection, employee_ids=[reflection.employee_id])
    return reflection


def reflection_return(*, reflection: Reflection, actor, comment: str) -> Reflection:
    """Send a submitted reflection back to its writer with comments (required) to change it."""
    grader_required(actor=actor, reflection=reflection)
    comment = _comment(comment)
    if not comment:
        raise ReflectionRefused("say what to change when returning a reflection", code="comment_required")
    with transaction.atomic():
        reflection = _locked_submitted(reflection)
        before = reflection_snapshot(reflection)
        reflection.status = ReflectionStatus.RETURNED
        reflection.graded_by = actor if getattr(actor, "is_authenticated", False) else None
        reflection.graded_at = timezone.now()
        reflection.save(update_fields=["status", "graded_by", "graded_at", "updated_at"])
        ReflectionReview.objects.create(reflection=reflection, decision=ReviewDecision.RETURNED, comment=comment,
                                        grader=reflection.graded_by, submitted_on=reflection.submitted_on)
        audit_log(actor=actor, action="reflection.return", obj=reflection, before=before,
                  after={**reflection_snapshot(reflection), "comment": comment})
    return reflection
