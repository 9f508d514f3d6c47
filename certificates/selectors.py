"""Reading certificates: by code, for a person, and who may download which."""

from __future__ import annotations

from django.db.models import QuerySet

from certificates.codes import is_well_formed, normalise_code
from certificates.models import Certificate
from org.models import Employee
from org.selectors.access import employee_of, is_hr, visible_employees


def certificate_by_code(code: str) -> Certificate | None:
    """Case, spaces and dashes do not matter; a malformed code never touches the database."""
    code = normalise_code(code)
    if not is_well_formed(code):
        return None
    return Certificate.objects.filter(code=code).first()


def certificates_of(employee: Employee) -> QuerySet[Certificate]:
    return Certificate.objects.filter(employee=employee).select_related("campaign").order_by("-issued_on", "-id")


def downloadable_certificates(user) -> QuerySet[Certificate]:
    """Your own certificates; HR also those of the staff of their agency."""
    if is_hr(user):
        return Certificate.objects.filter(employee__in=visible_employees(user))
    employee = employee_of(user)
    if employee is None:
        return Certificate.objects.none()
    return Certificate.objects.filter(employee=employee)
