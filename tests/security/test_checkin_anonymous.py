"""L3: an anonymous `GET /diem-danh/<code>/` shows nothing of the session and writes nothing; scans
are rate-limited; attempts are recorded for logged-in scans only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.urls import reverse

from learning.models import CheckinAttempt
from tests.learning.test_checkin import _code, at, org  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db
SECRET_BITS = ("Hội nghị quán triệt Quyết định 23", "Hội trường Sở", "10/05/2024", "08:00")


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()


def _shows_session(response) -> list[str]:
    text = response.content.decode()
    return [bit for bit in SECRET_BITS if bit in text]


def test_l3_anonymous_requests_reveal_no_session_and_write_nothing(org, client, time_machine):  # noqa: F811
    """Before: any session's title, time and place for `<id>.<anything>`, and one row per request."""
    time_machine.move_to(at(8, 2), tick=False)
    session = org["session"]
    forged = client.get(reverse("checkin", args=[f"{session.pk}.forged"]))
    assert forged.status_code == 400 and "không hợp lệ" in forged.content.decode()
    assert _shows_session(forged) == []
    stale = client.get(reverse("checkin", args=[_code(session, at(7, 50))]))
    assert stale.status_code == 400 and "hết hạn" in stale.content.decode() and _shows_session(stale) == []
    good = client.get(reverse("checkin", args=[_code(session, at(8, 2))]))
    assert good.status_code == 302 and good["Location"].startswith("/dang-nhap/")
    for _ in range(200):
        client.get(reverse("checkin", args=[f"{session.pk}.forged"]))
    assert CheckinAttempt.objects.count() == 0


def test_logged_in_scans_are_still_recorded(org, client, time_machine):  # noqa: F811
    time_machine.move_to(at(8, 2), tick=False)
    client.force_login(org["learner"].user)
    response = client.get(reverse("checkin", args=[f"{org['session'].pk}.forged"]))
    assert response.status_code == 400
    assert CheckinAttempt.objects.get().error_reason == "invalid"
    page = client.get(reverse("checkin", args=[_code(org["session"], at(8, 2))]))
    assert _shows_session(page)[:2] == list(SECRET_BITS[:2])  # the person in the audience sees what they confirm


def test_scans_are_rate_limited_per_account_and_per_address(org, client, time_machine, settings):  # noqa: F811
    settings.CHECKIN_USER_LIMIT = 5
    settings.CHECKIN_ADDRESS_LIMIT = 8
    time_machine.move_to(at(8, 2), tick=False)
    forged = reverse("checkin", args=[f"{org['session'].pk}.forged"])
    statuses = [client.get(forged, REMOTE_ADDR="10.8.0.1").status_code for _ in range(9)]
    assert statuses == [400] * 8 + [429]
    client.force_login(org["learner"].user)
    statuses = [client.get(forged, REMOTE_ADDR="10.8.0.2").status_code for _ in range(7)]
    assert statuses == [400] * 5 + [429, 429]
    assert CheckinAttempt.objects.count() == 5
    time_machine.move_to(at(8, 2) + dt.timedelta(minutes=11), tick=False)
    assert client.get(forged, REMOTE_ADDR="10.8.0.2").status_code == 400
