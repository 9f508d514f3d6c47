"""L9 (issue 13): replaced or deleted proofs stayed in the private storage with nothing pointing at
them. The file goes with its record once the change commits; the audit entry keeps its name."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile

from learning.services.evidence import manual_evidence_delete, manual_evidence_record, manual_evidence_update
from org.models import AuditLog
from tests.security import scenario

pytestmark = pytest.mark.django_db(transaction=True)  # on_commit runs for real


def _record(s, content=b"%PDF-1.4 first"):
    return manual_evidence_record(employee=s.peer, directive=s.directive, date=dt.date.today(),
                                  actor=s.users["hr_a"], proof=ContentFile(content, name="bien-ban.pdf"))


def test_l9_a_replaced_proof_file_is_removed():
    s = scenario.build()
    evidence = _record(s)
    storage, old = evidence.proof.storage, evidence.proof.name
    assert storage.exists(old)
    evidence = manual_evidence_update(evidence=evidence, date=dt.date.today(), actor=s.users["hr_a"],
                                      proof=ContentFile(b"%PDF-1.4 second", name="bien-ban-2.pdf"))
    assert not storage.exists(old) and storage.exists(evidence.proof.name)
    entry = AuditLog.objects.filter(action="manual_evidence.update").latest("id")
    assert entry.before["proof"] == old  # the audit keeps what it was


def test_l9_a_deleted_records_proof_file_is_removed_and_the_audit_names_it():
    s = scenario.build()
    evidence = _record(s)
    storage, name = evidence.proof.storage, evidence.proof.name
    manual_evidence_delete(evidence=evidence, actor=s.users["hr_a"])
    assert not storage.exists(name)
    assert AuditLog.objects.filter(action="manual_evidence.delete").latest("id").before["proof"] == name


def test_an_update_without_a_new_file_keeps_the_proof():
    s = scenario.build()
    evidence = _record(s)
    name = evidence.proof.name
    manual_evidence_update(evidence=evidence, date=dt.date.today(), note="sửa", actor=s.users["hr_a"])
    assert evidence.proof.storage.exists(name)
