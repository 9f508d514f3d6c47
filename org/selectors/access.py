"""Who may see whom: one place for the scope of learners, unit heads and HR."""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone

from core.errors import PermissionDenied
from org.models import AuditLog, Employee, OrgUnit, Province, ProvinceAccessGrant, ProvinceOfficer
from org.roles import HR, PROVINCE, UNIT_HEAD
from org.scoping import agency_object_required


def employee_of(user) -> Employee | None:
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.employee
    except Employee.DoesNotExist:
        return None


def _in_group(user, name: str) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    cache = getattr(user, "_role_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._role_names = cache
    return name in cache


def is_hr(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or _in_group(user, HR)


def is_unit_head(user) -> bool:
    return _in_group(user, UNIT_HEAD)


def landing_url(user) -> str:
    """Where `user` goes after signing in with no `next`: superusers to the admin, each role to its
    page (settings.ROLE_LANDING), staff-only accounts without a staff profile to the admin, others
    to the learner's home."""
    if getattr(user, "is_superuser", False):
        return reverse("wagtailadmin_home")
    for role, url_name in getattr(settings, "ROLE_LANDING", []):
        if _in_group(user, role):
            return reverse(url_name)
    if user.is_staff and employee_of(user) is None:
        return reverse("wagtailadmin_home")
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def visible_units(user) -> QuerySet[OrgUnit]:
    """Units whose staff and figures `user` may see: all for superusers, the agency for HR,
    the own unit subtree for unit heads, nothing for learners."""
    if getattr(user, "is_superuser", False):
        return OrgUnit.objects.all()
    employee = employee_of(user)
    if employee is None:
        return OrgUnit.objects.none()
    if _in_group(user, HR):
        return OrgUnit.objects.filter(path__startswith=employee.agency.path)
    if _in_group(user, UNIT_HEAD):
        return OrgUnit.objects.filter(path__startswith=employee.unit.path)
    return OrgUnit.objects.none()


def visible_employees(user) -> QuerySet[Employee]:
    """Staff `user` may see: as `visible_units`, and a learner only themself."""
    if getattr(user, "is_superuser", False):
        return Employee.objects.all()
    employee = employee_of(user)
    if employee is None:
        return Employee.objects.none()
    if _in_group(user, HR):
        return Employee.objects.filter(agency=employee.agency)
    if _in_group(user, UNIT_HEAD):
        return Employee.objects.filter(unit__path__startswith=employee.unit.path)
    return Employee.objects.filter(pk=employee.pk)


def visible_agencies(user) -> QuerySet[OrgUnit]:
    if getattr(user, "is_superuser", False):
        return OrgUnit.objects.filter(depth=1)
    employee = employee_of(user)
    if employee is None or not (is_hr(user) or is_unit_head(user)):
        return OrgUnit.objects.none()
    return OrgUnit.objects.filter(pk=employee.agency_id)


def administered(rows, user):
    """The rows (a model or a queryset of an agency-scoped model, `org.scoping`) of the agency
    `user` administers: superusers every agency's, HR and unit heads their own agency's, anybody
    else none. Finer scopes (a unit head's subtree) narrow this further where they apply."""
    queryset = rows._default_manager.all() if isinstance(rows, type) else rows
    if getattr(user, "is_superuser", False) or is_hr(user) or is_unit_head(user):
        return queryset.for_actor(user)
    return queryset.none()


def visible_audit_entries(user) -> QuerySet[AuditLog]:
    """Audit entries `user` may read: superusers all; HR those of their own agency (whoever wrote
    them, commands included); nobody else any. An entry of no agency is for superusers only."""
    if getattr(user, "is_superuser", False):
        return AuditLog.objects.all()
    employee = employee_of(user)
    if employee is None or not _in_group(user, HR):
        return AuditLog.objects.none()
    return AuditLog.objects.filter(agency_id=employee.agency_id)


def hr_of_agency_required(*, actor, agency: OrgUnit) -> None:
    """HR of the agency (or a superuser) may write its records; `actor=None` is the command line.
    Someone of another agency (or of none) gets `ForeignAgencyObject`, the NotFound a missing
    object gives: a guessed id of another agency must look like no object at all. Someone of the
    agency without the HR role gets PermissionDenied."""
    if actor is None or getattr(actor, "is_superuser", False):
        return
    agency_object_required(actor=actor, agency=agency)
    if not is_hr(actor):
        raise PermissionDenied("only HR of this agency may change its records")


# ---------------------------------------------------------------------------------------------
# The province (Sở Nội vụ, Ban Dân vận): aggregates of every agency; person-level data by grant


def province_of(user) -> Province | None:
    """The province `user` works for as a province officer, else None."""
    if not getattr(user, "is_authenticated", False) or not _in_group(user, PROVINCE):
        return None
    try:
        return user.province_officer.province
    except ProvinceOfficer.DoesNotExist:
        return None


def is_province_officer(user) -> bool:
    return province_of(user) is not None


def visible_provinces(user) -> QuerySet[Province]:
    """Provinces whose aggregate figures `user` may see: all for superusers, their own for officers."""
    if getattr(user, "is_superuser", False):
        return Province.objects.all()
    province = province_of(user)
    return Province.objects.filter(pk=province.pk) if province else Province.objects.none()


def province_aggregates_required(*, user, province: Province) -> None:
    """Superusers and the province's officers may read its aggregate figures; others are refused
    as for an unknown province."""
    if not visible_provinces(user).filter(pk=province.pk).exists():
        raise PermissionDenied("not a province officer of this province")


def province_person_grant(*, user, agency: OrgUnit) -> ProvinceAccessGrant | None:
    """The grant in force letting a province officer read `agency`'s person-level data today."""
    province = province_of(user)
    if province is None or agency.province_id != province.pk:
        return None
    today = timezone.localdate()
    return (ProvinceAccessGrant.objects.filter(officer__user=user, agency=agency, revoked_at__isnull=True,
                                               valid_until__gte=today).order_by("-valid_until").first())
