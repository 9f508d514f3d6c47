import datetime as dt
import re

import pytest
from django.db import IntegrityError, transaction

from certificates.models import Certificate, CertificateStatus, SerialCounter
from certificates.services import (
    NotCompleted,
    certificate_issue,
    certificate_revoke,
    certificates_issue_due,
    certificates_issue_for_campaign,
    certificates_issue_if_complete,
)
from org.models import AuditLog
from tests.certificates.conftest import D

AS_OF = D(2024, 11, 15)


def test_bulk_issues_exactly_to_those_who_completed_everything(scenario):
    done = scenario.person("SCT001", "Nguyễn Thị Hồng Nhung")
    late = scenario.person("SCT002", "Đặng Văn Ưng")
    half = scenario.person("SCT003", "Lê Văn Tám")
    exempt = scenario.person("SCT004", "Trần Thị Bé")
    scenario.person("SCT005", "Phạm Văn Không")
    scenario.study(done)
    scenario.study(late, date=D(2024, 11, 2))  # after the due date: completed late, still certified
    scenario.study(half, directives=scenario.directives[:1])
    scenario.study(exempt)
    scenario.exempt(exempt)

    result = certificates_issue_for_campaign(campaign=scenario.campaign, as_of=AS_OF)

    assert result.issued_count == 2
    holders = {c.employee.employee_code: c for c in Certificate.objects.select_related("employee")}
    assert set(holders) == {"SCT001", "SCT002"}
    nhung = holders["SCT001"]
    assert nhung.holder_name == "Nguyễn Thị Hồng Nhung"
    assert nhung.title == scenario.campaign.title
    assert nhung.issued_on == D(2024, 5, 10) and nhung.status == CertificateStatus.VALID  # completed that day
    assert holders["SCT002"].issued_on == D(2024, 11, 2)
    assert {c.serial for c in holders.values()} == {"1/2024/GCN-SCT", "2/2024/GCN-SCT"}
    assert AuditLog.objects.filter(action="certificate.issue_bulk").count() == 1


def test_rerun_issues_nothing_and_counts_continue(scenario):
    first = scenario.person("SCT001")
    scenario.study(first)
    assert certificates_issue_for_campaign(campaign=scenario.campaign, as_of=AS_OF).issued_count == 1
    again = certificates_issue_for_campaign(campaign=scenario.campaign, as_of=AS_OF)
    assert again.issued_count == 0 and again.already_held == 1
    second = scenario.person("SCT002", "Đặng Văn Ưng")
    scenario.study(second)
    third = certificates_issue_for_campaign(campaign=scenario.campaign, as_of=AS_OF)
    assert [c.serial for c in third.issued] == ["2/2024/GCN-SCT"]
    assert SerialCounter.objects.get(agency=scenario.agency, year=2024).last_number == 2


def test_as_of_before_the_evidence_gives_nobody(scenario):
    person = scenario.person("SCT001")
    scenario.study(person, date=D(2024, 6, 1))
    assert certificates_issue_for_campaign(campaign=scenario.campaign, as_of=D(2024, 5, 31)).issued_count == 0
    assert certificates_issue_for_campaign(campaign=scenario.campaign, as_of=D(2024, 6, 1)).issued_count == 1


def test_single_issue_is_idempotent_and_refuses_the_incomplete(scenario):
    person = scenario.person("SCT001")
    with pytest.raises(NotCompleted):
        certificate_issue(employee=person, campaign=scenario.campaign, as_of=AS_OF)
    scenario.study(person)
    certificate, created = certificate_issue(employee=person, campaign=scenario.campaign, as_of=AS_OF)
    again, created_again = certificate_issue(employee=person, campaign=scenario.campaign, as_of=AS_OF)
    assert created and not created_again and again.pk == certificate.pk
    assert Certificate.objects.count() == 1
    assert AuditLog.objects.filter(action="certificate.issue").count() == 1


def test_database_refuses_two_valid_certificates_for_one_campaign(scenario):
    person = scenario.person("SCT001")
    scenario.study(person)
    certificate, _ = certificate_issue(employee=person, campaign=scenario.campaign, as_of=AS_OF)
    twin = Certificate.objects.get(pk=certificate.pk)
    twin.pk, twin.serial_number, twin.code = None, 99, "X" * 20
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()


def test_revoked_holder_is_not_reissued_automatically_but_can_be_explicitly(scenario):
    person = scenario.person("SCT001")
    scenario.study(person)
    certificate, _ = certificate_issue(employee=person, campaign=scenario.campaign, as_of=AS_OF)
    certificate_revoke(certificate=certificate, reason="Cấp nhầm")
    result = certificates_issue_for_campaign(campaign=scenario.campaign, as_of=AS_OF)
    assert result.issued_count == 0 and result.skipped_revoked == 1
    assert certificates_issue_if_complete(employee=person, campaign=scenario.campaign) is None
    assert certificates_issue_due(employee=person) == []
    new, created = certificate_issue(employee=person, campaign=scenario.campaign, as_of=AS_OF, reissue=True)
    assert created and new.pk != certificate.pk
    assert certificates_issue_if_complete(employee=person, campaign=scenario.campaign).pk == new.pk
    assert Certificate.objects.filter(employee=person, status="valid").count() == 1


def test_issue_if_complete_is_the_cheap_hook(scenario, django_assert_max_num_queries):
    person = scenario.person("SCT001")
    assert certificates_issue_if_complete(employee=person, campaign=scenario.campaign) is None
    scenario.study(person)
    certificate = certificates_issue_if_complete(employee=person, campaign=scenario.campaign)
    assert certificate is not None and certificate.is_valid
    with django_assert_max_num_queries(1):  # already held: one lookup, nothing computed
        assert certificates_issue_if_complete(employee=person, campaign=scenario.campaign).pk == certificate.pk


def test_issue_due_on_the_learner_page_issues_only_what_was_earned(scenario):
    person = scenario.person("SCT001")
    assert certificates_issue_due(employee=person) == []
    scenario.study(person)
    issued = certificates_issue_due(employee=person)
    assert len(issued) == 1 and issued[0].campaign == scenario.campaign
    assert certificates_issue_due(employee=person) == []


def test_serial_is_per_agency_and_year(scenario):
    person = scenario.person("SCT001")
    scenario.study(person)
    certificate, _ = certificate_issue(employee=person, campaign=scenario.campaign, as_of=dt.date(2025, 1, 5))
    assert certificate.serial == "1/2024/GCN-SCT"  # the year of the evidence that completed the campaign
    assert re.fullmatch(r"\d+/\d{4}/GCN-SCT", certificate.serial)


def test_bulk_dates_and_numbers_by_completion_whenever_issued(scenario):
    """Issued in 2026 for a 2024 campaign: 2024 serials in the order people completed, dated then;
    someone who completed in January 2025 gets the first 2025 serial."""
    early, late, january = (scenario.person(code) for code in ("SCT003", "SCT001", "SCT002"))
    scenario.study(early, date=D(2024, 5, 10))
    scenario.study(late, date=D(2024, 6, 20))
    scenario.study(january, directives=scenario.directives[:1], date=D(2024, 5, 10))
    scenario.study(january, directives=scenario.directives[1:], date=D(2025, 1, 3))
    certificates_issue_for_campaign(campaign=scenario.campaign, as_of=D(2026, 12, 6))
    got = {c.employee.employee_code: (c.serial, c.issued_on) for c in Certificate.objects.select_related("employee")}
    assert got == {"SCT003": ("1/2024/GCN-SCT", D(2024, 5, 10)), "SCT001": ("2/2024/GCN-SCT", D(2024, 6, 20)),
                   "SCT002": ("1/2025/GCN-SCT", D(2025, 1, 3))}


def test_bulk_writes_pdfs_named_by_employee_code(scenario, tmp_path):
    for code in ("SCT001", "SCT002"):
        scenario.study(scenario.person(code))
    result = certificates_issue_for_campaign(campaign=scenario.campaign, as_of=AS_OF, out_dir=tmp_path / "out")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["SCT001.pdf", "SCT002.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in result.files)


def test_progress_is_reported(scenario):
    for code in ("SCT001", "SCT002", "SCT003"):
        scenario.study(scenario.person(code))
    seen = []
    certificates_issue_for_campaign(campaign=scenario.campaign, as_of=AS_OF, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (3, 3)
