"""Reading reflections: a learner's own, and the grader's queue (unit heads: their unit subtree;
HR: the agency)."""

from __future__ import annotations

from django.db.models import QuerySet

from org.selectors.access import employee_of, is_hr, is_unit_head, visible_employees
from reflections.models import Reflection, ReflectionReview, ReflectionStatus


def own_reflections(user) -> QuerySet[Reflection]:
    employee = employee_of(user)
    if employee is None:
        return Reflection.objects.none()
    return Reflection.objects.for_agency(employee.agency_id).filter(employee=employee)


def gradable_reflections(user) -> QuerySet[Reflection]:
    """Reflections `user` may read and grade: HR's agency, a unit head's subtree (never their own),
    every agency for superusers; none for anyone else. Drafts are the writer's alone."""
    if getattr(user, "is_superuser", False):
        rows = Reflection.objects.all_agencies()
    elif is_hr(user):
        rows = Reflection.objects.for_actor(user)
    elif is_unit_head(user):
        rows = Reflection.objects.for_actor(user).filter(employee__in=visible_employees(user))
    else:
        return Reflection.objects.none()
    own = employee_of(user)
    if own is not None:
        rows = rows.exclude(employee=own)
    return rows.exclude(status=ReflectionStatus.DRAFT)


def reflection_queue(user, *, campaign=None, unit=None, status: str | None = None) -> QuerySet[Reflection]:
    """The grader's list, waiting ones first (oldest submission first), filtered."""
    rows = gradable_reflections(user).select_related("employee", "employee__unit", "campaign", "directive",
                                                     "graded_by")
    if campaign is not None:
        rows = rows.filter(campaign=campaign)
    if unit is not None:
        rows = rows.filter(employee__unit__path__startswith=unit.path)
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("status", "submitted_at", "id")


def reviews_of(reflection: Reflection) -> list[ReflectionReview]:
    return list(ReflectionReview.objects.filter(reflection=reflection)
                .select_related("grader", "grader__employee").order_by("created_at", "id"))


def waiting_counts(user) -> int:
    return gradable_reflections(user).filter(status=ReflectionStatus.SUBMITTED).count()
