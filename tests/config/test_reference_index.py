"""Records written on learners' requests (readings, attempts, audit entries…) must not each enqueue
a Wagtail reference-index task: at a campaign peak that is one background job per page view."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import ReferenceIndex

from certificates.models import Certificate
from courses.models import DirectivePage, LessonReading
from learning.models import Exemption, ManualEvidence
from org.models import AuditLog, Employee
from quizzes.models import Attempt
from reports.models import Reminder

RECORDS = [LessonReading, Attempt, AuditLog, Employee, Exemption, ManualEvidence, Reminder, Certificate]


@pytest.fixture(autouse=True)
def _admin_loaded():
    reverse("wagtailadmin_home")  # viewsets register their models when the admin URLs load


@pytest.mark.parametrize("model", RECORDS, ids=lambda m: m.__name__)
def test_records_are_not_reference_indexed(model):
    assert not ReferenceIndex.is_indexed(model)


def test_content_still_is():
    assert ReferenceIndex.is_indexed(DirectivePage)


@pytest.mark.django_db
def test_saving_an_employee_enqueues_no_task(monkeypatch):
    from tests.factories import EmployeeFactory
    from tests.learning.compliance_helpers import make_campaign

    enqueued = []

    class Task:
        def enqueue(self, *args, **kwargs):
            enqueued.append(args)

    monkeypatch.setattr("wagtail.signal_handlers.update_reference_index_task", Task())
    employee = EmployeeFactory()
    employee.full_name = "Nguyễn Văn Ánh"
    employee.save()
    assert enqueued == []
    make_campaign(employee.agency, [])  # a campaign is content: its references are still tracked
    assert len(enqueued) == 1
