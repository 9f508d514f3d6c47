"""Provinces: creating them (create_province; agencies join with create_agency --province), their
officers, and the agency's grants of person-level data to an officer."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from core.errors import DomainError, PermissionDenied
from org.models import OrgUnit, Province, ProvinceAccessGrant, ProvinceOfficer
from org.roles import PROVINCE
from org.selectors.access import hr_of_agency_required
from org.services.audit import audit_log
from org.services.roles import roles_ensure


@transaction.atomic
def province_ensure(*, code: str, name: str, governing_body: str = "", issuing_body: str | None = None,
                    actor=None) -> tuple[Province, bool]:
    """Create the province `code` or update its names; returns (province, created). Codes match
    case-insensitively. Also makes sure the role groups (the province's included) exist."""
    roles_ensure()
    code, name = code.strip(), name.strip()
    governing_body = governing_body.strip() or f"UBND {name.upper()}"
    province = Province.objects.select_for_update().filter(code__iexact=code).first()
    created = province is None
    if created:
        province = Province(code=code)
    before = None if created else {"name": province.name, "governing_body": province.governing_body,
                                   "issuing_body": province.issuing_body}
    province.name, province.governing_body = name, governing_body
    if issuing_body is not None and issuing_body.strip():
        province.issuing_body = issuing_body.strip()
    after = {"name": province.name, "governing_body": province.governing_body, "issuing_body": province.issuing_body}
    if created or before != after:
        province.save()
        audit_log(actor=actor, action="province.create" if created else "province.update", obj=province,
                  before=before, after=after)
    return province, created


@transaction.atomic
def province_officer_ensure(*, user, province: Province, body: str = "", actor=None) -> ProvinceOfficer:
    """Make `user` an officer of `province` (the province role group included); idempotent."""
    groups = roles_ensure()
    officer = ProvinceOfficer.objects.select_for_update().filter(user=user).first()
    before = None if officer is None else {"province": officer.province.code, "body": officer.body}
    if officer is None:
        officer = ProvinceOfficer(user=user)
    officer.province, officer.body = province, body.strip()
    officer.save()
    user.groups.add(groups[PROVINCE])
    after = {"province": province.code, "body": officer.body}
    if before != after:
        audit_log(actor=actor, action="province.officer", obj=officer, before=before, after=after)
    return officer


@transaction.atomic
def province_access_grant(*, officer: ProvinceOfficer, agency: OrgUnit, purpose: str, valid_until: dt.date,
                          actor=None) -> ProvinceAccessGrant:
    """The agency (its HR, or a superuser, or the command line) lets one province officer read its
    person-level data for `purpose` until `valid_until`. Audited in the agency's log."""
    hr_of_agency_required(actor=actor, agency=agency)
    if agency.province_id != officer.province_id:
        raise PermissionDenied("the officer does not belong to this agency's province")
    if not purpose.strip():
        raise DomainError("a grant needs its purpose (Nghị định 13/2023/NĐ-CP)")
    if valid_until < timezone.localdate():
        raise DomainError(f"valid_until {valid_until:%d/%m/%Y} is in the past")
    grant = ProvinceAccessGrant.objects.create(officer=officer, agency=agency, purpose=purpose.strip(),
                                               valid_until=valid_until,
                                               granted_by=actor if getattr(actor, "is_authenticated", False) else None)
    audit_log(actor=actor, action="province.grant", obj=grant, agency=agency,
              after={"officer": officer.user.get_username(), "purpose": grant.purpose,
                     "valid_until": valid_until.isoformat()})
    return grant


@transaction.atomic
def province_access_revoke(*, grant: ProvinceAccessGrant, actor=None) -> ProvinceAccessGrant:
    hr_of_agency_required(actor=actor, agency=grant.agency)
    if grant.revoked_at is None:
        grant.revoked_at = timezone.now()
        grant.save(update_fields=["revoked_at"])
        audit_log(actor=actor, action="province.revoke", obj=grant, agency=grant.agency,
                  after={"officer": grant.officer.user.get_username()})
    return grant


def province_person_read_log(*, user, agency: OrgUnit, grant: ProvinceAccessGrant, what: str) -> None:
    """Every read of an agency's person-level data by the province is written to that agency's
    audit log, naming the grant it relied on."""
    audit_log(actor=user, action="province.person_data_read", obj=agency, agency=agency,
              after={"grant": grant.pk, "purpose": grant.purpose, "what": what})
