"""Who a reflection reminder goes to: graders with reflections waiting (unit heads for their unit
subtree, HR for the agency) and learners whose reflection was returned to them."""

from __future__ import annotations

from collections import defaultdict

from org.models import Employee
from org.roles import HR, UNIT_HEAD
from reflections.models import Reflection, ReflectionStatus


def waiting_by_grader(*, campaign) -> list[tuple[Employee, int]]:
    """(grader, number of submitted reflections they may grade), for graders with at least one:
    each active unit head of the agency for their subtree (never their own), each HR officer for
    the whole agency."""
    waiting = list(Reflection.objects.filter(campaign=campaign, status=ReflectionStatus.SUBMITTED)
                   .values_list("employee_id", "employee__unit__path"))
    if not waiting:
        return []
    graders = (Employee.objects.filter(agency_id=campaign.agency_id, is_active=True, user__is_active=True,
                                       user__groups__name__in=[UNIT_HEAD, HR])
               .select_related("user", "unit").distinct().order_by("employee_code"))
    found = []
    for grader in graders:
        roles = set(grader.user.groups.values_list("name", flat=True))
        if HR in roles:
            count = sum(1 for writer, _ in waiting if writer != grader.pk)
        else:
            count = sum(1 for writer, path in waiting if writer != grader.pk and path.startswith(grader.unit.path))
        if count:
            found.append((grader, count))
    return found


def returned_by_writer(*, campaign) -> list[tuple[Employee, list[str]]]:
    """(writer, directive numbers) of the reflections returned to them for changes."""
    by_writer: dict[int, list[str]] = defaultdict(list)
    people = {}
    for reflection in (Reflection.objects.filter(campaign=campaign, status=ReflectionStatus.RETURNED)
                       .select_related("employee", "employee__user", "directive").order_by("employee_id", "id")):
        by_writer[reflection.employee_id].append(reflection.directive.number)
        people[reflection.employee_id] = reflection.employee
    return [(people[pk], numbers) for pk, numbers in by_writer.items() if people[pk].is_active]
