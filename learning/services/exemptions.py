"""Miễn học: exempting one person from a campaign, and lifting it; both audited."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext

from core.errors import DomainError
from learning.models import Campaign, Exemption
from learning.selectors.audience import campaign_audience
from learning.services.kept import kept_refresh
from org.models import Employee
from org.scoping import ForeignAgencyObject
from org.selectors.access import hr_of_agency_required
from org.services.audit import audit_log


class ExemptionRefused(DomainError):
    code = "exemption_refused"


class NotExempt(DomainError):
    code = "not_exempt"


def _snapshot(exemption: Exemption) -> dict:
    return {
        "campaign": exemption.campaign.slug,
        "employee": exemption.employee.employee_code,
        "reason": exemption.reason,
    }


def exemption_grant(*, campaign: Campaign, employee: Employee, reason: str, actor=None) -> tuple[Exemption, bool]:
    """Exempt `employee` from `campaign`; a new reason replaces the old one. Returns (exemption, changed)."""
    hr_of_agency_required(actor=actor, agency=campaign.agency)
    reason = (reason or "").strip()
    if not reason:
        raise ExemptionRefused(gettext("cần ghi lý do miễn học"), code="reason_required")
    if employee.agency_id != campaign.agency_id:
        raise ForeignAgencyObject("not found")  # another agency's person: as if there were none
    if not campaign_audience(campaign=campaign).filter(pk=employee.pk).exists():
        raise ExemptionRefused(f"{employee.employee_code} is not in the audience of {campaign.slug}",
                               code="not_in_audience")
    with transaction.atomic():
        Employee.objects.select_for_update().filter(pk=employee.pk).first()  # serialise grants for one person
        exemption = Exemption.objects.filter(campaign=campaign, employee=employee).first()
        if exemption is not None and exemption.reason == reason:
            return exemption, False
        before = _snapshot(exemption) if exemption else None
        if exemption is None:
            exemption = Exemption(campaign=campaign, employee=employee)
        exemption.reason = reason
        exemption.created_by = actor if getattr(actor, "is_authenticated", False) else None
        exemption.save()
        audit_log(actor=actor, action="exemption.grant" if before is None else "exemption.update",
                  obj=exemption, before=before, after=_snapshot(exemption))
        kept_refresh(campaign=campaign, employee_ids=[employee.pk])
    return exemption, True


def exemption_lift(*, campaign: Campaign, employee: Employee, actor=None, note: str = "") -> None:
    """Lift the exemption: the person must study again. NotExempt when there is none."""
    hr_of_agency_required(actor=actor, agency=campaign.agency)
    with transaction.atomic():
        exemption = Exemption.objects.select_for_update().filter(campaign=campaign, employee=employee).first()
        if exemption is None:
            raise NotExempt(f"{employee.employee_code} is not exempt from {campaign.slug}")
        before = _snapshot(exemption)
        audit_log(actor=actor, action="exemption.lift", obj=exemption, before=before,
                  after={"note": note} if note else None)
        exemption.delete()
        kept_refresh(campaign=campaign, employee_ids=[employee.pk])
