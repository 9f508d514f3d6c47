"""Manual evidence: HR records that someone studied a directive outside the system."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from core.errors import DomainError
from core.evidence import evidence_announce, evidence_withdraw
from core.files import upload_matches_name
from courses.models import DirectivePage
from learning.models import ManualEvidence
from org.models import Employee
from org.selectors.access import hr_of_agency_required
from org.services.audit import audit_log


class EvidenceRefused(DomainError):
    code = "evidence_refused"


def _proof_content_required(proof) -> None:
    """A proof is what its name says by its first bytes (L10: a program renamed .pdf is refused)."""
    if proof and not upload_matches_name(proof):
        raise EvidenceRefused(gettext("tệp %(name)s không đúng loại mà đuôi tệp cho biết")
                              % {"name": repr(getattr(proof, "name", ""))},
                              code="proof_content")


def _remove_after_commit(storage, name: str) -> None:
    """Delete a stored file once the transaction commits (never for a rolled-back one)."""
    transaction.on_commit(lambda: storage.delete(name))


def _snapshot(evidence: ManualEvidence) -> dict:
    return {
        "employee": evidence.employee.employee_code,
        "directive": evidence.directive.number,
        "date": evidence.date.isoformat(),
        "note": evidence.note,
        "proof": evidence.proof.name if evidence.proof else "",
    }


def manual_evidence_record(*, employee: Employee, directive: DirectivePage, date: dt.date, note: str = "",
                           proof=None, actor=None) -> ManualEvidence:
    """Record one manual piece of evidence (dated when the person studied), with an optional proof file."""
    hr_of_agency_required(actor=actor, agency=employee.agency)
    _proof_content_required(proof)
    if date > timezone.localdate():
        raise EvidenceRefused(gettext("ngày %(date)s ở tương lai") % {"date": f"{date:%d/%m/%Y}"},
                              code="future_date")
    with transaction.atomic():
        evidence = ManualEvidence(employee=employee, directive=directive, date=date, note=(note or "").strip(),
                                  recorded_by=actor if getattr(actor, "is_authenticated", False) else None)
        if proof:
            evidence.proof = proof
        evidence.save()
        audit_log(actor=actor, action="manual_evidence.record", obj=evidence, after=_snapshot(evidence))
        evidence_announce(sender=ManualEvidence, employee_ids=[employee.pk])
    return evidence


def manual_evidence_update(*, evidence: ManualEvidence, date: dt.date, note: str = "", proof=None,
                           actor=None) -> ManualEvidence:
    """Correct the date, note or proof of a record; `proof=None` keeps the current file. A replaced
    file is removed from the private storage once the change commits (L9: the audit entry keeps its
    name)."""
    hr_of_agency_required(actor=actor, agency=evidence.employee.agency)
    _proof_content_required(proof)
    if date > timezone.localdate():
        raise EvidenceRefused(gettext("ngày %(date)s ở tương lai") % {"date": f"{date:%d/%m/%Y}"},
                              code="future_date")
    with transaction.atomic():
        evidence = ManualEvidence.objects.select_for_update().select_related("employee", "directive").get(
            pk=evidence.pk)
        before = _snapshot(evidence)
        replaced = evidence.proof.name if proof and evidence.proof else ""
        evidence.date, evidence.note = date, (note or "").strip()
        if proof:
            evidence.proof = proof
        evidence.save()
        evidence_withdraw(sender=ManualEvidence, employee_ids=[evidence.employee_id])
        if replaced and replaced != evidence.proof.name:
            _remove_after_commit(evidence.proof.storage, replaced)
        after = _snapshot(evidence)
        if after != before:
            audit_log(actor=actor, action="manual_evidence.update", obj=evidence, before=before, after=after)
    return evidence


def manual_evidence_delete(*, evidence: ManualEvidence, actor=None) -> None:
    """Delete a record made in error; the audit log keeps what it said (and the proof's name); the
    proof file goes with the record once the deletion commits (L9)."""
    hr_of_agency_required(actor=actor, agency=evidence.employee.agency)
    with transaction.atomic():
        evidence = ManualEvidence.objects.select_for_update().select_related("employee", "directive").get(
            pk=evidence.pk)
        audit_log(actor=actor, action="manual_evidence.delete", obj=evidence, before=_snapshot(evidence))
        if evidence.proof:
            _remove_after_commit(evidence.proof.storage, evidence.proof.name)
        evidence.delete()
        evidence_withdraw(sender=ManualEvidence, employee_ids=[evidence.employee_id])
