""""Việc học của tôi" keeps each campaign card's rendering under the values it shows
(`learning.templatetags.my_learning`): evidence, a check-in or a reading shows at once, with the
renderings already kept; the store is bounded; another language renders its own."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from courses.models import LessonReading
from learning.models import AttendanceMethod
from learning.services.attendance import attendance_record
from learning.services.evidence import manual_evidence_record
from learning.templatetags import my_learning as cards
from tests.courses import helpers
from tests.learning.compliance_helpers import make_session
from tests.learning.test_home import TODAY, get_home, requirement_rows, world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def without_tokens(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


@time_machine.travel(TODAY)
def test_evidence_and_a_check_in_show_at_once(client, world):  # noqa: F811
    learner = world["qlcn"]
    assert requirement_rows(get_home(client, learner)) == [("59/2023/NĐ-CP", "pending"), ("33/CT-TTg", "pending")]
    assert cards._cards  # kept
    manual_evidence_record(employee=learner, directive=world["d59"], date=dt.date(2026, 11, 20))
    html = get_home(client, learner)
    assert requirement_rows(html) == [("59/2023/NĐ-CP", "completed"), ("33/CT-TTg", "pending")]
    assert "Đã hoàn thành 1/2 văn bản" in html
    campaign = learner.agency.campaigns.get(slug="chuyen-de-2026")
    session = make_session(campaign, dt.date(2026, 11, 25), [world["d33"]])
    attendance_record(session=session, employee=learner, status="present", method=AttendanceMethod.QR)
    html = get_home(client, learner)
    assert requirement_rows(html) == [("59/2023/NĐ-CP", "completed"), ("33/CT-TTg", "completed")]
    assert "Đã hoàn thành 2/2 văn bản" in html


@time_machine.travel(TODAY)
def test_a_reading_shows_at_once(client, world):  # noqa: F811
    learner = world["qlcn"]
    lesson = helpers.lesson(helpers.course(), "Nghị định 59", directives=[world["d59"]], minutes=12)
    assert "Đọc bài học · 12 phút" in get_home(client, learner)
    LessonReading.objects.create(lesson=lesson, employee=learner, opened_at=timezone.now(),
                                 acknowledged_at=timezone.now(), seconds_spent=400)
    html = get_home(client, learner)
    assert "Xem lại bài học" in html and "Đã đọc bài học ngày 26/11/2026" in html


@time_machine.travel(TODAY)
def test_the_same_values_share_a_rendering_and_the_store_is_bounded(client, world, monkeypatch):  # noqa: F811
    first = without_tokens(get_home(client, world["qlcn"]))
    kept = len(cards._cards)
    assert without_tokens(get_home(client, world["qlcn"])) == first and len(cards._cards) == kept
    monkeypatch.setattr(cards, "MAX_CARDS", 1)
    get_home(client, world["vp_team"])  # three campaigns
    assert len(cards._cards) == 1


@time_machine.travel(TODAY)
def test_each_language_renders_its_own(client, world):  # noqa: F811
    learner = world["qlcn"]
    assert "Đã hoàn thành 0/2 văn bản" in get_home(client, learner)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("home")).content.decode()
    assert "Đã hoàn thành 0/2 văn bản" not in html
