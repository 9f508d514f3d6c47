"""Staff accounts: every employee has a Django user that logs in with the code, the email or
the username. Policy (docs/roster.md): the username is the lower-case employee code (prefixed
with the agency code when another account already has it); a new account gets the password of
the setting `ROSTER_INITIAL_PASSWORD` when set, otherwise an unusable one until HR sets it."""

from __future__ import annotations

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from core.text import fold
from org.models import Employee, UnitMove
from org.signals import staff_changed

USERNAME_MAX = 150
FIRST_NAME_MAX = 150


def initial_password_hash() -> str:
    """One hash shared by every account created in one run (hashing 5,000 times takes minutes)."""
    password = getattr(settings, "ROSTER_INITIAL_PASSWORD", "") or None
    return make_password(password)  # None → an unusable password


def username_candidates(*, agency_code: str, employee_code: str) -> list[str]:
    base = re.sub(r"[^a-z0-9.@+_-]+", "-", fold(employee_code)).strip("-") or "nv"
    prefixed = f"{re.sub(r'[^a-z0-9]+', '', fold(agency_code)) or 'cq'}.{base}"
    return [base[:USERNAME_MAX], prefixed[:USERNAME_MAX]]


def pick_username(*, agency_code: str, employee_code: str, taken: set[str]) -> str:
    """The first free candidate, else the prefixed one with a number; `taken` (lower-case) is updated."""
    candidates = username_candidates(agency_code=agency_code, employee_code=employee_code)
    for name in candidates:
        if name not in taken:
            taken.add(name)
            return name
    number = 2
    while f"{candidates[1]}-{number}" in taken:
        number += 1
    name = f"{candidates[1]}-{number}"
    taken.add(name)
    return name


def taken_usernames() -> set[str]:
    return {u.lower() for u in get_user_model().objects.values_list("username", flat=True)}


def sync_user_fields(user, employee: Employee) -> bool:
    """Copy the employee's email, name and active flag onto the account; True when something changed."""
    wanted = {
        "email": employee.email,
        "first_name": employee.full_name[:FIRST_NAME_MAX],
        "is_active": employee.is_active,
    }
    changed = False
    for field, value in wanted.items():
        if getattr(user, field) != value:
            setattr(user, field, value)
            changed = True
    return changed


def _record_history(employee: Employee) -> None:
    """An edit in the admin is dated today: a change of unit is a move from today, and making the
    person inactive without a leaving date dates the departure today (docs/roster.md "History")."""
    stored = Employee.objects.filter(pk=employee.pk).values("unit_id", "is_active", "left_date").first()
    if stored is None:
        return
    today = timezone.localdate()
    if stored["unit_id"] != employee.unit_id:
        UnitMove.objects.create(employee=employee, from_unit_id=stored["unit_id"], to_unit_id=employee.unit_id,
                                moved_on=today)
    if stored["is_active"] and not employee.is_active and employee.left_date is None:
        employee.left_date = today


@transaction.atomic
def employee_save(*, employee: Employee) -> Employee:
    """Save one employee edited in the admin, creating or syncing the linked account."""
    with transaction.atomic():
        employee = _employee_save(employee)
        staff_changed.send(sender=Employee, employee_ids=[employee.pk])
    return employee


def _employee_save(employee: Employee) -> Employee:
    if employee.pk:
        _record_history(employee)
    employee.save()
    user = employee.user
    if user is None:
        User = get_user_model()
        user = User(
            username=pick_username(
                agency_code=employee.agency.code, employee_code=employee.employee_code, taken=taken_usernames()
            ),
            password=initial_password_hash(),
        )
        sync_user_fields(user, employee)
        user.save()
        employee.user = user
        employee.save(update_fields=["user"])
    elif sync_user_fields(user, employee):
        user.save(update_fields=["email", "first_name", "is_active"])
    return employee
