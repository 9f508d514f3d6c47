""""Việc học của tôi" reads a fixed number of queries whatever the number of requirements, lessons,
quizzes and evidence (issue 17 item 2: a test that fails on N+1)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning.models import KeptCampaign
from learning.services.campaigns import campaign_load
from learning.services.evidence import manual_evidence_record
from tests.courses import helpers
from tests.factories import EmployeeFactory, make_agency, make_unit
from tests.learning.campaign_fixtures import make_directive
from tests.learning.compliance_helpers import make_quiz

pytestmark = pytest.mark.django_db
TODAY = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


def plan(numbers: list[str]) -> str:
    lines = "\n".join(f"  - directive: {number}" for number in numbers)
    return f"slug: chuyen-de-2026\ntitle: Học tập chuyên đề năm 2026\nstart: 2026-10-01\ndue: 2026-12-31\n" \
           f"requirements:\n{lines}\n"


def add_requirements(agency, learner, course, numbers: list[str]) -> None:
    """Each directive with a lesson, a quiz, and for every other one some evidence of the learner."""
    for index, number in enumerate(numbers):
        directive = make_directive(number)
        helpers.lesson(course, f"Bài {number}", directives=[directive])
        make_quiz(f"kt-{index}-{len(number)}-{directive.pk}", [directive])
        if index % 2:
            manual_evidence_record(employee=learner, directive=directive, date=dt.date(2026, 10, 20))


def home_queries(client) -> int:
    client.get(reverse("home"))  # content cached, as after the first visitor
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("home"))
    assert response.status_code == 200
    return len(queries)


def load(agency, numbers: list[str], *, kept: bool) -> None:
    campaign_load(agency=agency, data=plan(numbers))
    if not kept:  # read from the evidence (a campaign not kept yet, or past its horizon)
        KeptCampaign.objects.all_agencies().all().delete()


@pytest.mark.parametrize("kept", [True, False], ids=["kept statuses", "computed statuses"])
@time_machine.travel(TODAY)
def test_my_learning_queries_do_not_grow_with_requirements(client, kept):
    agency = make_agency()
    learner = EmployeeFactory(agency=agency, unit=make_unit(agency, "VP", "Văn phòng Sở"), category="cong_chuc")
    course = helpers.course()
    client.force_login(learner.user)
    first = ["59/2023/NĐ-CP", "33/CT-TTg"]
    add_requirements(agency, learner, course, first)
    load(agency, first, kept=kept)
    assert KeptCampaign.objects.all_agencies().exists() == kept
    few = home_queries(client)
    more = [f"{n}/CT-TTg" for n in range(40, 46)]
    add_requirements(agency, learner, course, more)
    load(agency, first + more, kept=kept)
    assert home_queries(client) == few
