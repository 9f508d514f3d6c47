"""seed_demo --employees N --seed S: deterministic, bulk, and at least a third complete everything."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction

from core.demo import demo_seed
from learning.models import Attendance, Campaign, Exemption, ManualEvidence, StudySession
from learning.selectors.compliance import completed_employee_ids, compliance_table
from org.models import Employee
from reports.demo.scale import CODE_PREFIX, ScaleSeedRefused, seed_scale

pytestmark = pytest.mark.django_db


def fingerprint():
    staff = list(Employee.objects.filter(employee_code__startswith=CODE_PREFIX).order_by("employee_code")
                 .values_list("employee_code", "full_name", "unit__code", "category", "start_date", "left_date"))
    attendance = sorted(Attendance.objects.values_list("employee__employee_code", "session__title", "session__date",
                                                       "status"))
    manual = sorted(ManualEvidence.objects.values_list("employee__employee_code", "directive__number", "date"))
    exempt = sorted(Exemption.objects.values_list("employee__employee_code", "reason"))
    return staff, attendance, manual, exempt


@pytest.fixture
def seeded():
    ctx = demo_seed(employees=400, seed=11, say=lambda line: None)
    return ctx


def test_scale_data_spreads_evidence_and_a_third_complete(seeded):
    campaign = Campaign.objects.get(slug="dan-van-2024")
    assert Employee.objects.filter(employee_code__startswith=CODE_PREFIX).count() == 400
    table = compliance_table(campaign=campaign, as_of=dt.date(2024, 12, 31))
    audience = table["employee_id"].nunique()
    done = completed_employee_ids(campaign=campaign, as_of=dt.date(2024, 12, 31))
    assert len(done) >= audience / 3
    statuses = set(table["status"])
    assert {"completed", "completed_late", "overdue", "exempt"} <= statuses
    assert set(table["evidence"]) >= {"attendance", "quiz", "manual"}
    assert table["unit"].nunique() >= 8
    dates = table["evidence_date"].dropna()
    assert dates.min() >= campaign.start and dates.max() > campaign.due  # spread, some late
    sessions = StudySession.objects.filter(campaign=campaign)
    assert all(s.directives.count() > 1 for s in sessions[:5])  # several directives at once


def test_same_seed_same_data_and_rerun_is_a_no_op(seeded):
    first = fingerprint()
    assert seed_scale(seeded).endswith("nothing to do")
    with transaction.atomic():
        Employee.objects.filter(employee_code__startswith=CODE_PREFIX).delete()
        StudySession.objects.filter(title__contains="Hội nghị quán triệt nhóm").delete()
        seed_scale(seeded)
        assert fingerprint() == first
        transaction.set_rollback(True)


def test_different_size_on_the_same_database_is_refused(seeded):
    seeded.employees = 500
    with pytest.raises(ScaleSeedRefused):
        seed_scale(seeded)
