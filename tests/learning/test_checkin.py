"""QR self check-in: the rotating signed code (expiry, replay, wrong session, window, tampering),
present/late, audience, the recorded attempts, the login round trip, and who may project the code."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from learning.models import Attendance, CheckinAttempt
from learning.services.checkin import checkin_code, checkin_submit
from learning.services.sessions import session_create
from tests.factories import EmployeeFactory, UserFactory, give_role, make_agency, make_unit, roles
from tests.learning.compliance_helpers import make_campaign, make_directive

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def at(hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(2024, 5, 10, hour, minute, second, tzinfo=HCM)


@pytest.fixture
def org():
    agency = make_agency()
    vp = make_unit(agency, "VP", "Văn phòng Sở")
    qlcn = make_unit(agency, "QLCN", "Phòng Quản lý Công nghiệp")
    d23 = make_directive("23-QĐ/TW")
    campaign = make_campaign(agency, [d23])
    session = session_create(campaign=campaign, title="Hội nghị quán triệt Quyết định 23", date=dt.date(2024, 5, 10),
                             directives=[d23], start_time=dt.time(8), end_time=dt.time(11),
                             location="Hội trường Sở", audience_units=[vp], late_grace_minutes=15)
    other = session_create(campaign=campaign, title="Hội nghị khác", date=dt.date(2024, 5, 10), directives=[d23],
                           start_time=dt.time(8), end_time=dt.time(11))
    learner = EmployeeFactory(agency=agency, unit=vp, employee_code="SCT0011", full_name="Nguyễn Thị Hồng Nhung")
    outsider = EmployeeFactory(agency=agency, unit=qlcn, employee_code="SCT0050", full_name="Lê Văn Hùng")
    hr = EmployeeFactory(agency=agency, unit=vp, employee_code="SCT0002", full_name="Trần Thị Thu Hương")
    give_role(learner.user, roles.LEARNER)
    give_role(hr.user, roles.HR)
    return {"session": session, "other": other, "learner": learner, "outsider": outsider, "hr": hr}


def _code(session, moment):
    return checkin_code(session=session, now=moment).token


def test_code_is_accepted_present_within_grace(org, time_machine):
    time_machine.move_to(at(8, 10), tick=False)
    result = checkin_submit(token=_code(org["session"], at(8, 10)), user=org["learner"].user, ip="10.0.0.5")
    assert result.ok and result.status == "present"
    attendance = Attendance.objects.get()
    assert (attendance.employee, attendance.status, attendance.method) == (org["learner"], "present", "qr")
    attempt = CheckinAttempt.objects.get()
    assert attempt.successful and attempt.employee == org["learner"] and attempt.ip_address == "10.0.0.5"
    assert attempt.nonce


def test_late_after_grace_minutes(org, time_machine):
    time_machine.move_to(at(8, 16), tick=False)
    result = checkin_submit(token=_code(org["session"], at(8, 16)), user=org["learner"].user)
    assert result.ok and Attendance.objects.get().status == "late"


def test_code_valid_for_its_slot_and_the_next_then_expires(org, time_machine):
    token = _code(org["session"], at(8, 5, 0))  # slot 08:05:00–08:05:29
    time_machine.move_to(at(8, 5, 59), tick=False)  # next slot: still accepted
    assert checkin_submit(token=token, user=org["hr"].user).ok
    time_machine.move_to(at(8, 6, 0), tick=False)  # two slots later: expired
    refused = checkin_submit(token=token, user=org["learner"].user)
    assert refused.reason == "expired"
    assert "đã hết hạn" in refused.message
    attempt = CheckinAttempt.objects.get(user=org["learner"].user)
    assert not attempt.successful and attempt.error_reason == "expired" and attempt.employee == org["learner"]
    assert not Attendance.objects.filter(employee=org["learner"]).exists()


def test_replay_by_same_person_is_harmless(org, time_machine):
    time_machine.move_to(at(8, 0), tick=False)
    token = _code(org["session"], at(8, 0))
    assert checkin_submit(token=token, user=org["learner"].user).ok
    time_machine.move_to(at(8, 20), tick=False)
    again = checkin_submit(token=_code(org["session"], at(8, 20)), user=org["learner"].user)
    assert again.reason == "replayed" and again.attendance.status == "present"
    assert Attendance.objects.get().status == "present"  # not turned into late
    assert list(CheckinAttempt.objects.order_by("id").values_list("successful", "error_reason")) == [
        (True, ""), (False, "replayed")]


def test_code_of_another_session_is_refused_as_wrong_session(org, time_machine):
    time_machine.move_to(at(8, 0), tick=False)
    token = _code(org["other"], at(8, 0))
    swapped = f'{org["session"].pk}.{token.split(".", 1)[1]}'
    result = checkin_submit(token=swapped, user=org["learner"].user)
    assert result.reason == "wrong_session"
    assert CheckinAttempt.objects.get().session == org["session"]
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("mangle", [
    lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),  # signature tampered
    lambda t: t.split(".", 1)[0] + ".eyJzIjoxLCJ0IjoxLCJuIjoieCJ9:forged",
    lambda t: "garbage",
    lambda t: "999999." + t.split(".", 1)[1],
    lambda t: "9" * 30 + "." + t.split(".", 1)[1],  # no such id, nor one the database could hold
])
def test_tampered_codes_are_invalid(org, time_machine, mangle):
    time_machine.move_to(at(8, 0), tick=False)
    result = checkin_submit(token=mangle(_code(org["session"], at(8, 0))), user=org["learner"].user)
    assert result.reason == "invalid"
    assert CheckinAttempt.objects.get().error_reason == "invalid"
    assert not Attendance.objects.exists()


def test_the_scanned_session_is_read_with_its_campaign_and_audience_as_the_orm_reads_them(org):
    from learning.models import StudySession
    from learning.selectors.sessions import session_with_audience

    session = session_with_audience(org["session"].pk)
    expected = StudySession.objects.select_related("campaign").get(pk=org["session"].pk)

    def fields(instance):
        return {k: v for k, v in vars(instance).items() if k not in ("_state", "_prefetched_objects_cache")}

    assert fields(session) == fields(expected) and fields(session.campaign) == fields(expected.campaign)
    for mine, theirs in ((session, expected), (session.campaign, expected.campaign)):
        assert [u.path for u in mine.audience_units.all()] == sorted(u.path for u in theirs.audience_units.all())
    assert session_with_audience(org["session"].pk + 1000) is None


def test_code_from_the_future_is_invalid(org, time_machine):
    time_machine.move_to(at(8, 0), tick=False)
    token = _code(org["session"], at(8, 10))
    assert checkin_submit(token=token, user=org["learner"].user).reason == "invalid"


@pytest.mark.parametrize("moment", [at(7, 29, 30), at(11, 0, 30), dt.datetime(2024, 5, 11, 8, 0, tzinfo=HCM)])
def test_outside_the_session_window_is_refused(org, time_machine, moment):
    time_machine.move_to(moment, tick=False)
    result = checkin_submit(token=_code(org["session"], moment), user=org["learner"].user)
    assert result.reason == "outside_window"
    assert "không trong thời gian điểm danh" in result.message


def test_window_opens_thirty_minutes_before_start(org, time_machine, settings):
    time_machine.move_to(at(7, 31), tick=False)
    assert checkin_submit(token=_code(org["session"], at(7, 31)), user=org["learner"].user).ok
    settings.CHECKIN_OPENS_BEFORE_MINUTES = 10
    time_machine.move_to(at(7, 40), tick=False)
    assert checkin_submit(token=_code(org["session"], at(7, 40)), user=org["hr"].user).reason == "outside_window"


def test_person_outside_audience_and_account_without_employee_are_refused(org, time_machine):
    time_machine.move_to(at(8, 0), tick=False)
    token = _code(org["session"], at(8, 0))
    assert checkin_submit(token=token, user=org["outsider"].user).reason == "not_in_audience"
    assert checkin_submit(token=token, user=UserFactory(username="khach")).reason == "no_employee"
    assert sorted(CheckinAttempt.objects.values_list("error_reason", flat=True)) == ["no_employee", "not_in_audience"]
    assert not Attendance.objects.exists()


# --- the web flow ------------------------------------------------------------------------------


def test_scan_login_confirm_round_trip_survives_code_rotation(org, client, time_machine):
    time_machine.move_to(at(8, 2), tick=False)
    url = reverse("checkin", args=[_code(org["session"], at(8, 2))])
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/?next=/diem-danh/")
    time_machine.move_to(at(8, 4), tick=False)  # logging in took two minutes: the code rotated 4 times
    client.force_login(org["learner"].user)
    page = client.get(url)
    assert page.status_code == 200
    assert "Xác nhận điểm danh" in page.content.decode() and "Hội trường Sở" in page.content.decode()
    done = client.post(url)
    assert done.status_code == 200 and "Đã điểm danh" in done.content.decode()
    assert Attendance.objects.get().status == "present"


def test_shared_old_link_opened_elsewhere_is_refused(org, client, time_machine):
    time_machine.move_to(at(8, 2), tick=False)
    url = reverse("checkin", args=[_code(org["session"], at(8, 2))])
    time_machine.move_to(at(8, 4), tick=False)
    client.force_login(org["learner"].user)  # never scanned it in this browser
    response = client.get(url)
    assert response.status_code == 400 and "đã hết hạn" in response.content.decode()
    assert CheckinAttempt.objects.get().error_reason == "expired"
    assert client.post(url).status_code == 400
    assert not Attendance.objects.exists()


def test_confirm_requires_post_with_csrf(org, time_machine):
    from django.test import Client

    time_machine.move_to(at(8, 2), tick=False)
    client = Client(enforce_csrf_checks=True)
    client.force_login(org["learner"].user)
    url = reverse("checkin", args=[_code(org["session"], at(8, 2))])
    assert client.post(url).status_code == 403
    assert not Attendance.objects.exists()


def test_learner_cannot_open_projector_or_its_codes(org, client):
    client.force_login(org["learner"].user)
    pk = org["session"].pk
    assert client.get(reverse("session_projector", args=[pk])).status_code == 403
    assert client.get(reverse("session_projector_code", args=[pk])).status_code == 403
    client.logout()
    assert client.get(reverse("session_projector", args=[pk])).status_code == 302


def test_hr_projector_shows_a_qr_and_polls_fresh_codes(org, client, time_machine, settings):
    time_machine.move_to(at(8, 0), tick=False)
    client.force_login(org["hr"].user)
    pk = org["session"].pk
    page = client.get(reverse("session_projector", args=[pk])).content.decode()
    assert "<svg" in page and "Hội nghị quán triệt Quyết định 23" in page
    assert settings.SECRET_KEY not in page
    first = client.get(reverse("session_projector_code", args=[pk])).json()
    assert first["open"] and first["seconds_left"] == 30 and first["url"].startswith("http://testserver/diem-danh/")
    time_machine.move_to(at(8, 0, 31), tick=False)
    second = client.get(reverse("session_projector_code", args=[pk])).json()
    assert second["url"] != first["url"]
    token = second["url"].rsplit("/diem-danh/", 1)[1].strip("/")
    assert checkin_submit(token=token, user=org["learner"].user).ok
    assert client.get(reverse("session_projector_code", args=[pk])).json()["checked_in"] == 1


def test_projector_outside_the_window_names_its_start_and_end(org, client, time_machine):
    time_machine.move_to(at(5, 0), tick=False)  # before check-in opens
    client.force_login(org["hr"].user)
    page = client.get(reverse("session_projector", args=[org["session"].pk])).content.decode()
    closed = re.search(r"Ngoài giờ điểm danh \(([^)]*)\)", page).group(1)
    start, end = closed.split("–")
    assert re.fullmatch(r"\d\d:\d\d \d\d/\d\d/\d{4}", start) and re.fullmatch(r"\d\d:\d\d", end)
