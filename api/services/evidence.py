"""Evidence received from an outside learning system (POST /api/v1/evidence): idempotent by the
caller's id, announced like every other kind of evidence (core.evidence)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from api.models import ApiToken, ExternalEvidence
from core.errors import DomainError, NotFound
from core.evidence import evidence_announce
from core.tables import parse_date
from courses.selectors import directive_resolve
from org.models import Employee
from org.services.audit import audit_log

MAX_SOURCE, MAX_EXTERNAL_ID = 100, 200


class EvidenceInvalid(DomainError):
    code = "evidence_invalid"


class EmployeeNotFound(NotFound):
    code = "employee_not_found"


@dataclass(frozen=True)
class Received:
    evidence: ExternalEvidence
    created: bool  # False when the caller's id was received before: nothing changed


def _snapshot(evidence: ExternalEvidence) -> dict:
    return {
        "employee": evidence.employee.employee_code, "directive": evidence.directive.number,
        "date": evidence.date.isoformat(), "source": evidence.source, "external_id": evidence.external_id,
    }


def _required(value, name: str, limit: int) -> str:
    text = str(value if value is not None else "").strip()
    if not text:
        raise EvidenceInvalid(f'"{name}" is required')
    if len(text) > limit:
        raise EvidenceInvalid(f'"{name}" is longer than {limit} characters')
    return text


def _previous(token: ApiToken, external_id: str) -> ExternalEvidence | None:
    return (ExternalEvidence.objects.select_related("employee", "directive")
            .filter(agency_id=token.agency_id, external_id=external_id).first())


def external_evidence_receive(*, token: ApiToken, employee_code: str, directive: str, date: str | dt.date,
                              source: str, external_id: str) -> Received:
    """Record that a person of the token's agency studied a directive on `date` in an outside system.

    The same `external_id` again (within the agency) returns the first record unchanged. Raises
    EmployeeNotFound for a code that is not staff of the token's agency (another agency's staff
    included: a token never learns who works elsewhere), EvidenceInvalid for a bad field."""
    external_id = _required(external_id, "external_id", MAX_EXTERNAL_ID)
    previous = _previous(token, external_id)
    if previous is not None:
        return Received(previous, created=False)
    source = _required(source, "source", MAX_SOURCE)
    code = _required(employee_code, "employee_code", 32)
    employee = Employee.objects.filter(agency_id=token.agency_id, employee_code__iexact=code).first()
    if employee is None:
        raise EmployeeNotFound(f'unknown employee "{code}"')
    try:
        page = directive_resolve(_required(directive, "directive", 100))
    except DomainError as exc:
        raise EvidenceInvalid(str(exc)) from exc
    try:
        day = parse_date(date) if date not in (None, "") else None
    except ValueError as exc:
        raise EvidenceInvalid(f'"date": {exc}') from exc
    if day is None:
        raise EvidenceInvalid('"date" is required')
    if day > timezone.localdate():
        raise EvidenceInvalid(f'"date": {day:%d/%m/%Y} is in the future')
    try:
        with transaction.atomic():
            evidence = ExternalEvidence.objects.create(
                agency_id=token.agency_id, employee=employee, directive=page, date=day, source=source,
                external_id=external_id, token=token,
            )
            audit_log(actor=None, action="external_evidence.receive", obj=evidence, after=_snapshot(evidence),
                      agency=token.agency)
            evidence_announce(sender=ExternalEvidence, employee_ids=[employee.pk])
    except IntegrityError:
        # The same id sent twice at once: the other request recorded it.
        previous = _previous(token, external_id)
        if previous is None:
            raise
        return Received(previous, created=False)
    return Received(evidence, created=True)
