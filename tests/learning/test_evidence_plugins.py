"""Evidence kinds are plug-ins: a kind defined here, in the test module alone, and registered with
`core.evidence` reaches the compliance table, the CSV, one person's statuses and the learner page,
with nothing else changed. The kind: an acknowledged lesson reading counts as evidence."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from core import evidence, exporters
from core.evidence import EvidenceSource, Offer
from courses.models import LessonReading
from learning.selectors.compliance import compliance_table, employee_campaign_status
from tests.courses.helpers import course, lesson
from tests.factories import EmployeeFactory, make_agency, make_unit
from tests.learning.compliance_helpers import make_campaign, make_directive, manual

pytestmark = pytest.mark.django_db

READ_ON = dt.date(2024, 5, 20)


class LessonReadSource(EvidenceSource):
    kind = "lesson_read"
    rank = 40  # after attendance, quiz and manual records on a tie of dates
    label = "Đọc bài học"
    directive_field = "lesson__directives"
    date_field = "acknowledged_at__date"

    def records(self):
        return LessonReading.objects.filter(acknowledged_at__isnull=False)

    def offers(self, *, employee, directive_ids, today, shared):
        return {pk: [Offer(kind=self.kind, title="Xác nhận đã đọc", url="/doc-bai/")] for pk in directive_ids}


@pytest.fixture
def plugged():
    evidence.register(LessonReadSource)
    yield
    evidence.unregister(LessonReadSource.kind)


@pytest.fixture
def world():
    agency = make_agency()
    unit = make_unit(agency, "VP", "Văn phòng Sở")
    d1, d2 = make_directive("23-QĐ/TW"), make_directive("33/CT-TTg")
    campaign = make_campaign(agency, [d1, d2])
    person = EmployeeFactory(agency=agency, unit=unit, employee_code="SCT001", full_name="Lê Thị Hoa")
    page = lesson(course("Chuyên đề", directives=[d1]), "Bài 1", directives=[d1])
    moment = dt.datetime.combine(READ_ON, dt.time(9), tzinfo=timezone.get_current_timezone())
    LessonReading.objects.create(lesson=page, employee=person, opened_at=moment, acknowledged_at=moment)
    return campaign, person, d1, d2


def _row(table, directive):
    return table[table.requirement == directive.number].iloc[0]


def test_without_the_plugin_a_reading_is_not_evidence(world):
    campaign, person, d1, _ = world
    assert _row(compliance_table(campaign=campaign, as_of=dt.date(2024, 6, 1)), d1).status == "pending"


def test_a_registered_kind_counts_in_the_table_the_csv_and_the_person_path(world, plugged):
    campaign, person, d1, d2 = world
    as_of = dt.date(2024, 6, 1)
    row = _row(compliance_table(campaign=campaign, as_of=as_of), d1)
    assert (row.status, row.evidence, row.evidence_date) == ("completed", "lesson_read", READ_ON)
    csv_rows = list(csv.DictReader(io.StringIO(
        exporters.get("compliance-csv").render(campaign=campaign, as_of=as_of).content.decode("utf-8-sig"))))
    assert [(r["requirement"], r["status"], r["evidence"], r["evidence_date"]) for r in csv_rows] == [
        ("23-QĐ/TW", "completed", "lesson_read", "2024-05-20"), ("33/CT-TTg", "pending", "", "")]
    (status,) = employee_campaign_status(employee=person, as_of=as_of)
    assert [(i.status, i.evidence, i.evidence_date) for i in status.items] == [
        ("completed", "lesson_read", READ_ON), ("pending", "", None)]
    assert evidence.evidence_label("lesson_read") == "Đọc bài học"


def test_ties_follow_the_rank_of_each_source(world, plugged):
    campaign, person, d1, _ = world
    manual(person, d1, READ_ON)  # manual records rank before the plug-in
    row = _row(compliance_table(campaign=campaign, as_of=dt.date(2024, 6, 1)), d1)
    assert (row.evidence, row.evidence_date) == ("manual", READ_ON)


def test_the_learner_page_shows_what_the_plugin_offers(client, world, plugged):
    campaign, person, _, d2 = world
    client.force_login(person.user)
    with time_machine.travel(dt.datetime(2024, 6, 1, 9, tzinfo=dt.UTC)):
        html = client.get(reverse("home")).content.decode()
    assert 'href="/doc-bai/"' in html and "Xác nhận đã đọc" in html
