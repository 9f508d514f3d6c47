"""Study sessions: creation (service and command), audience with the campaign default, make-up roster,
the learner's upcoming sessions and history."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from learning.models import StudySession
from learning.selectors.sessions import (
    attendance_history_for,
    session_audience,
    session_makeup_roster,
    session_roster,
    upcoming_sessions_for,
)
from learning.services.sessions import SessionInvalid, session_create
from org.models import AuditLog
from tests.factories import EmployeeFactory, make_agency, make_unit
from tests.learning.compliance_helpers import attend, make_campaign, make_directive

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def org():
    agency = make_agency()
    vp = make_unit(agency, "VP", "Văn phòng Sở")
    qlcn = make_unit(agency, "QLCN", "Phòng Quản lý Công nghiệp")
    d23 = make_directive("23-QĐ/TW")
    d33 = make_directive("33/CT-TTg")
    d59 = make_directive("59/2023/NĐ-CP", doc_type="nghi_dinh")
    campaign = make_campaign(agency, [d23, d33, d59])
    staff = {
        "an": EmployeeFactory(agency=agency, unit=vp, employee_code="SCT0101", full_name="Nguyễn Văn An"),
        "binh": EmployeeFactory(agency=agency, unit=vp, employee_code="SCT0102", full_name="Trần Thị Bình",
                                category="nguoi_lao_dong"),
        "cuong": EmployeeFactory(agency=agency, unit=qlcn, employee_code="SCT0103", full_name="Lê Quốc Cường"),
    }
    return {"agency": agency, "vp": vp, "qlcn": qlcn, "campaign": campaign, "d23": d23, "d33": d33, "d59": d59,
            **staff}


def _session(org, **kw):
    defaults = dict(campaign=org["campaign"], title="Hội nghị quán triệt", date=D(2024, 5, 10),
                    directives=[org["d23"], org["d33"]], start_time=dt.time(8), end_time=dt.time(11))
    defaults.update(kw)
    return session_create(**defaults)


def test_session_create_saves_directives_and_audits(org):
    session = _session(org, location="Hội trường Sở")
    assert set(session.directives.all()) == {org["d23"], org["d33"]}
    entry = AuditLog.objects.get(action="session.create")
    assert entry.after["directives"] == ["23-QĐ/TW", "33/CT-TTg"]
    assert entry.after["location"] == "Hội trường Sở"


@pytest.mark.parametrize(
    "change, message",
    [
        ({"directives": []}, "ít nhất một văn bản"),
        ({"start_time": dt.time(11), "end_time": dt.time(8)}, "Giờ kết thúc phải sau"),
        ({"start_time": dt.time(8), "end_time": None}, "cả giờ bắt đầu và giờ kết thúc"),
        ({"title": "  "}, "không được để trống"),
        ({"audience_categories": ["giam_doc"]}, "Loại cán bộ không hợp lệ"),
    ],
)
def test_session_create_refuses_bad_input(org, change, message):
    with pytest.raises(SessionInvalid, match=message):
        _session(org, **change)
    assert not StudySession.objects.exists()


def test_session_directive_must_belong_to_campaign(org):
    other = make_directive("35-CT/TW")
    with pytest.raises(SessionInvalid, match="35-CT/TW không thuộc kế hoạch"):
        _session(org, directives=[org["d23"], other])


def test_audience_defaults_to_campaign_and_narrows_by_session(org):
    everyone = _session(org)
    assert set(session_audience(everyone)) == {org["an"], org["binh"], org["cuong"]}
    vp_only = _session(org, audience_units=[org["vp"]])
    assert set(session_audience(vp_only)) == {org["an"], org["binh"]}
    civil = _session(org, audience_units=[org["vp"]], audience_categories=["cong_chuc"])
    assert set(session_audience(civil)) == {org["an"]}


def test_audience_follows_campaign_audience(org):
    org["campaign"].audience_units.set([org["qlcn"]])
    assert set(session_audience(_session(org))) == {org["cuong"]}


def test_makeup_roster_lists_those_who_have_not_attended_every_directive(org):
    first = _session(org, directives=[org["d23"], org["d33"]])
    attend(first, org["an"], "present")
    attend(first, org["binh"], "absent")
    other = _session(org, date=D(2024, 5, 20), directives=[org["d23"]])
    attend(other, org["cuong"], "late")  # covered 23 only: still needs 33
    makeup = _session(org, date=D(2024, 6, 1), directives=[org["d23"], org["d33"]], is_makeup=True)
    assert set(session_makeup_roster(makeup)) == {org["binh"], org["cuong"]}
    assert set(session_roster(makeup)) == {org["binh"], org["cuong"]}
    # Anyone already recorded at the make-up stays listed.
    attend(makeup, org["an"], "present")
    assert org["an"] in set(session_roster(makeup))


def test_makeup_ignores_attendance_before_campaign_start(org):
    early = _session(org, date=D(2024, 3, 1))
    attend(early, org["an"], "present")
    makeup = _session(org, date=D(2024, 6, 1), is_makeup=True)
    assert org["an"] in set(session_makeup_roster(makeup))


def test_upcoming_sessions_and_history_for_employee(org):
    past = _session(org, date=D(2024, 5, 10))
    attend(past, org["an"], "late")
    soon = _session(org, date=D(2026, 12, 5), title="Hội nghị sắp tới", location="Hội trường")
    _session(org, date=D(2026, 12, 6), audience_units=[org["qlcn"]], title="Chỉ QLCN")
    assert upcoming_sessions_for(org["an"], today=D(2026, 11, 26)) == [soon]
    assert [s.title for s in upcoming_sessions_for(org["cuong"], today=D(2026, 11, 26))] == [
        "Hội nghị sắp tới", "Chỉ QLCN"]
    for session in upcoming_sessions_for(org["cuong"], today=D(2026, 11, 26)):
        # The page's list of directives, from the content cache: the session's, in page-tree order.
        assert session.directive_list == list(StudySession.objects.get(pk=session.pk).directives.all())
    history = list(attendance_history_for(org["an"]))
    assert [(a.session, a.status) for a in history] == [(past, "late")]
    assert list(attendance_history_for(org["binh"])) == []


def test_create_session_command_prints_id_last(org):
    out, err = io.StringIO(), io.StringIO()
    call_command("create_session", "--campaign", "dan-van-2024", "--title", "Hội nghị quán triệt 2024",
                 "--date", "2024-05-10", "--directive", "23-QĐ/TW", "--directive", "33/ct-ttg",
                 "--start", "08:00", "--end", "11:30", "--location", "Hội trường Sở", stdout=out, stderr=err)
    last = out.getvalue().strip().splitlines()[-1]
    session = StudySession.objects.get(pk=int(last))
    assert session.title == "Hội nghị quán triệt 2024"
    assert session.end_time == dt.time(11, 30)
    assert sorted(session.directives.values_list("number", flat=True)) == ["23-QĐ/TW", "33/CT-TTg"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--campaign", "khong-co"], 'unknown campaign "khong-co"'),
        (["--directive", "99/CT-TTg"], "1 unknown or ambiguous directive"),
        (["--date", "10/05/2024"], "is not a date"),
        (["--start", "8h"], "is not a time"),
    ],
)
def test_create_session_command_refuses(org, args, message):
    base = {"--campaign": "dan-van-2024", "--title": "T", "--date": "2024-05-10", "--directive": "23-QĐ/TW",
            "--start": "08:00", "--end": "11:00"}
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    argv = [x for pair in base.items() for x in pair]
    with pytest.raises(CommandError, match=message):
        call_command("create_session", *argv, stdout=io.StringIO(), stderr=io.StringIO())
    assert not StudySession.objects.exists()


def test_home_page_lists_upcoming_sessions_and_own_history(org, client, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 26, 9, 0), tick=False)
    past = _session(org, date=D(2024, 5, 10), title="Hội nghị quán triệt tháng 5")
    attend(past, org["an"], "late")
    _session(org, date=D(2026, 12, 5), title="Hội nghị sắp tới", location="Hội trường Sở",
             start_time=dt.time(14), end_time=dt.time(16), online_url="https://meet.example.vn/hn")
    client.force_login(org["an"].user)
    page = client.get("/").content.decode()
    assert "Hội nghị sắp tới" in page and "05/12/2026, 14:00–16:00" in page and "Hội trường Sở" in page
    assert "https://meet.example.vn/hn" in page
    assert "Lịch sử điểm danh của tôi" in page and "Hội nghị quán triệt tháng 5" in page and "Đi muộn" in page
    client.force_login(org["binh"].user)
    assert "Lịch sử điểm danh của tôi" not in client.get("/").content.decode()


def test_learners_read_how_their_attendance_was_taken_in_plain_words():
    from learning.models import Attendance, AttendanceMethod

    assert Attendance(method=AttendanceMethod.SHEET).method_for_learner == "Ký tên tại hội nghị"
    assert Attendance(method=AttendanceMethod.HR).method_for_learner == "Văn phòng ghi nhận"
