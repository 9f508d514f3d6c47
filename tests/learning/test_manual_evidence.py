"""Manual evidence: recorded by HR with date, note and proof, audited, and counted by the status rules."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from core.errors import NotFound, PermissionDenied
from learning.models import ManualEvidence
from learning.selectors.compliance import employee_campaign_status
from learning.services.campaigns import campaign_load
from learning.services.evidence import EvidenceRefused, manual_evidence_delete, manual_evidence_record
from org.models import AuditLog
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles
from tests.learning.campaign_fixtures import make_directive

pytestmark = pytest.mark.django_db

PLAN = """\
slug: dan-van-2024
title: Dân vận 2024
start: 2024-04-01
due: 2024-10-31
requirements:
  - directive: 33/CT-TTg
  - directive: 23-QĐ/TW
"""


@pytest.fixture
def setup():
    agency = make_agency()
    vp = make_unit(agency, "VP")
    d33, d23 = make_directive("33/CT-TTg"), make_directive("23-QĐ/TW")
    campaign = campaign_load(agency=agency, data=PLAN).campaign
    person = EmployeeFactory(agency=agency, unit=vp, employee_code="SCT0050")
    hr = EmployeeFactory(agency=agency, unit=vp, employee_code="SCT0002")
    give_role(hr.user, roles.HR)
    return campaign, person, hr, d33, d23


def statuses(person, as_of):
    [status] = employee_campaign_status(employee=person, as_of=as_of)
    return [(item.status, item.evidence, item.evidence_date) for item in status.items]


def test_record_with_proof_is_audited_and_counts_as_evidence(setup):
    _, person, hr, d33, _ = setup
    proof = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 minh chung", content_type="application/pdf")
    evidence = manual_evidence_record(employee=person, directive=d33, date=dt.date(2024, 6, 3),
                                      note="Học tại Đảng ủy khối", proof=proof, actor=hr.user)
    assert evidence.recorded_by == hr.user and evidence.proof.name.startswith("evidence/manual/")
    assert evidence.proof.read() == b"%PDF-1.4 minh chung"
    entry = AuditLog.objects.get(action="manual_evidence.record")
    assert entry.actor == hr.user and entry.object_id == str(evidence.pk)
    assert entry.after == {"employee": "SCT0050", "directive": "33/CT-TTg", "date": "2024-06-03",
                           "note": "Học tại Đảng ủy khối", "proof": evidence.proof.name}
    assert statuses(person, dt.date(2024, 7, 1)) == [
        ("completed", "manual", dt.date(2024, 6, 3)), ("pending", "", None)]


def test_late_manual_evidence_is_completed_late(setup):
    _, person, hr, d33, d23 = setup
    manual_evidence_record(employee=person, directive=d33, date=dt.date(2024, 11, 4), actor=hr.user)
    assert statuses(person, dt.date(2024, 11, 30)) == [
        ("completed_late", "manual", dt.date(2024, 11, 4)), ("overdue", "", None)]


def test_delete_keeps_the_record_in_the_audit_log(setup):
    _, person, hr, d33, _ = setup
    evidence = manual_evidence_record(employee=person, directive=d33, date=dt.date(2024, 6, 3), note="Giấy xác nhận",
                                      actor=hr.user)
    manual_evidence_delete(evidence=evidence, actor=hr.user)
    assert not ManualEvidence.objects.exists()
    entry = AuditLog.objects.get(action="manual_evidence.delete")
    assert entry.before["note"] == "Giấy xác nhận" and entry.after is None
    assert statuses(person, dt.date(2024, 7, 1))[0][0] == "pending"


@time_machine.travel(dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.UTC))
def test_future_dates_and_other_people_are_refused(setup):
    _, person, hr, d33, _ = setup
    with pytest.raises(EvidenceRefused) as caught:
        manual_evidence_record(employee=person, directive=d33, date=dt.date(2026, 11, 27), actor=hr.user)
    assert caught.value.code == "future_date"
    with pytest.raises(PermissionDenied):
        manual_evidence_record(employee=person, directive=d33, date=dt.date(2026, 11, 1), actor=person.user)
    foreign_hr = EmployeeFactory(agency=make_agency("SNV", "Sở Nội vụ"))
    give_role(foreign_hr.user, roles.HR)
    with pytest.raises(NotFound):  # another agency's: as if there were none (org.scoping)
        manual_evidence_record(employee=person, directive=d33, date=dt.date(2026, 11, 1), actor=foreign_hr.user)
    evidence = manual_evidence_record(employee=person, directive=d33, date=dt.date(2026, 11, 26), actor=hr.user)
    with pytest.raises(NotFound):
        manual_evidence_delete(evidence=evidence, actor=foreign_hr.user)
    assert ManualEvidence.objects.count() == 1 and AuditLog.objects.filter(action__startswith="manual").count() == 1


def test_admin_records_evidence_with_a_proof_file_through_the_service(client, setup):
    from django.urls import reverse

    _, person, hr, d33, _ = setup
    client.force_login(hr.user)
    proof = SimpleUploadedFile("xac-nhan.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = client.post(reverse("learning_manualevidence:add"), {
        "employee_code": "SCT0050", "directive": d33.pk, "date": "03/06/2024", "note": "Lớp của tỉnh",
        "proof": proof})
    assert response.status_code == 302, response.content.decode()[:2000]
    evidence = ManualEvidence.objects.get()
    assert (evidence.employee, evidence.date, evidence.recorded_by) == (person, dt.date(2024, 6, 3), hr.user)
    assert evidence.proof.name.endswith(".pdf")
    assert AuditLog.objects.get(action="manual_evidence.record").actor == hr.user
    listing = client.get(reverse("learning_manualevidence:index")).content.decode()
    assert "03/06/2024" in listing and "33/CT-TTg" in listing
    response = client.post(reverse("learning_manualevidence:edit", args=[evidence.pk]), {
        "employee_code": "SCT0050", "directive": d33.pk, "date": "04/06/2024", "note": "Lớp của tỉnh"})
    assert response.status_code == 302
    evidence.refresh_from_db()
    assert evidence.date == dt.date(2024, 6, 4) and evidence.proof.name.endswith(".pdf")
    client.post(reverse("learning_manualevidence:delete", args=[evidence.pk]))
    assert not ManualEvidence.objects.exists() and AuditLog.objects.filter(action="manual_evidence.delete").exists()


def test_admin_refuses_unknown_staff_and_learners(client, setup):
    from django.urls import reverse

    _, person, hr, d33, _ = setup
    client.force_login(hr.user)
    response = client.post(reverse("learning_manualevidence:add"), {
        "employee_code": "SCT9999", "directive": d33.pk, "date": "03/06/2024"})
    assert response.status_code == 200 and "Không có cán bộ mã SCT9999" in response.content.decode()
    client.force_login(person.user)
    response = client.post(reverse("learning_manualevidence:add"), {
        "employee_code": "SCT0050", "directive": d33.pk, "date": "03/06/2024"})
    assert response.status_code in (302, 403) and not ManualEvidence.objects.exists()
