""""Việc học của tôi": the learner's own campaigns and requirements, statuses, deadlines, next actions."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from courses.models import CourseIndexPage, CoursePage, LessonPage, LessonReading
from learning.services.campaigns import campaign_load
from learning.services.evidence import manual_evidence_record
from learning.services.exemptions import exemption_grant
from tests.factories import EmployeeFactory, make_agency, make_unit
from tests.learning.campaign_fixtures import make_directive

pytestmark = pytest.mark.django_db

TODAY = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)

WHOLE_AGENCY = """\
slug: chuyen-de-2026
title: Học tập chuyên đề năm 2026
start: 2026-10-01
due: 2026-12-31
requirements:
  - directive: 59/2023/NĐ-CP
  - directive: 33/CT-TTg
"""
VP_ONLY = """\
slug: vp-2026
title: Kế hoạch riêng của Văn phòng
start: 2026-01-01
due: 2026-06-30
audience:
  units: [VP]
requirements:
  - directive: 23-QĐ/TW
"""
VIEN_CHUC_ONLY = """\
slug: vien-chuc-2026
title: Bồi dưỡng viên chức 2026
start: 2026-01-01
due: 2026-11-20
audience:
  categories: [vien_chuc]
requirements:
  - directive: 23-QĐ/TW
"""


@pytest.fixture
def world():
    agency = make_agency()
    vp = make_unit(agency, "VP", "Văn phòng Sở")
    vp_team = make_unit(vp, "VP-TH", "Tổ tổng hợp")
    qlcn = make_unit(agency, "QLCN", "Phòng Quản lý Công nghiệp")
    d59, d33, d23 = make_directive("59/2023/NĐ-CP"), make_directive("33/CT-TTg"), make_directive("23-QĐ/TW")
    for text in (WHOLE_AGENCY, VP_ONLY, VIEN_CHUC_ONLY):
        campaign_load(agency=agency, data=text)
    return {
        "agency": agency, "d59": d59, "d33": d33, "d23": d23,
        "qlcn": EmployeeFactory(agency=agency, unit=qlcn, employee_code="SCT0011", category="cong_chuc"),
        "vp_team": EmployeeFactory(agency=agency, unit=vp_team, employee_code="SCT0030", category="vien_chuc"),
    }


def campaigns_on_page(html: str) -> list[str]:
    return re.findall(r'data-campaign="([^"]+)"', html)


def requirement_rows(html: str) -> list[tuple[str, str]]:
    return re.findall(r'data-requirement="([^"]+)" data-status="([^"]+)"', html)


def get_home(client, employee) -> str:
    client.force_login(employee.user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


@time_machine.travel(TODAY)
def test_learner_sees_only_campaigns_for_their_unit_and_category(client, world):
    html = get_home(client, world["qlcn"])
    assert campaigns_on_page(html) == ["chuyen-de-2026"]
    assert requirement_rows(html) == [("59/2023/NĐ-CP", "pending"), ("33/CT-TTg", "pending")]
    assert "còn 35 ngày" in html and "Hạn 31/12/2026" in html
    assert "Đã hoàn thành 0/2 văn bản" in html

    # A viên chức in a sub-unit of VP: the VP campaign (sub-units included) and the viên chức one.
    html = get_home(client, world["vp_team"])
    assert sorted(campaigns_on_page(html)) == ["chuyen-de-2026", "vien-chuc-2026", "vp-2026"]
    assert ("23-QĐ/TW", "overdue") in requirement_rows(html)
    assert "quá hạn 6 ngày" in html  # vien-chuc-2026 was due 20/11/2026


@time_machine.travel(TODAY)
def test_statuses_evidence_dates_exemption_and_progress(client, world):
    learner = world["qlcn"]
    manual_evidence_record(employee=world["vp_team"], directive=world["d33"], date=dt.date(2026, 10, 20))
    manual_evidence_record(employee=learner, directive=world["d59"], date=dt.date(2026, 10, 15))
    html = get_home(client, learner)  # someone else's evidence for 33/CT-TTg does not show here
    assert requirement_rows(html) == [("59/2023/NĐ-CP", "completed"), ("33/CT-TTg", "pending")]
    assert "Văn phòng ghi nhận · 15/10/2026" in html
    assert 'class="badge completed">Hoàn thành<' in html
    assert "Đã hoàn thành 1/2 văn bản" in html and "width:50%" in html

    other = world["vp_team"]
    campaign = other.agency.campaigns.get(slug="vien-chuc-2026")
    exemption_grant(campaign=campaign, employee=other, reason="Nghỉ thai sản")
    html = get_home(client, other)
    assert 'class="badge exempt">Miễn học' in html and "Bạn được miễn học đợt này" in html


@time_machine.travel(TODAY)
def test_next_action_is_the_lesson_then_the_read_state_shows_as_progress(client, world):
    learner = world["qlcn"]
    home = Page.objects.get(depth=1)
    index = CourseIndexPage(title="Chuyên đề", slug="chuyen-de")
    home.add_child(instance=index)
    course = CoursePage(title="Dân chủ cơ sở", slug="dan-chu")
    index.add_child(instance=course)
    lesson = LessonPage(title="Nghị định 59/2023/NĐ-CP", slug="nd-59", estimated_minutes=12)
    course.add_child(instance=lesson)
    lesson.directives.set([world["d59"]])
    lesson.save_revision().publish()

    html = get_home(client, learner)
    first = html.split('data-requirement="59/2023/NĐ-CP"')[1].split("</li>")[0]
    assert 'class="btn primary"' in first and "Đọc bài học · 12 phút" in first

    LessonReading.objects.create(lesson=lesson, employee=learner, opened_at=timezone.now(),
                                 acknowledged_at=timezone.now(), seconds_spent=400)
    html = get_home(client, learner)
    first = html.split('data-requirement="59/2023/NĐ-CP"')[1].split("</li>")[0]
    assert 'data-status="pending"' in html  # reading is not evidence (CONTRACT.md)
    assert "✓ Đã đọc bài học ngày 26/11/2026" in first and "Xem lại bài học" in first
    assert "Đã đọc xong. Việc học được ghi nhận" in first
    assert "đã đọc 1 bài chờ ghi nhận" in html


@time_machine.travel(TODAY)
def test_account_without_employee_and_anonymous(client, world):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    html = client.get(reverse("home")).content.decode()
    assert "chưa gắn với hồ sơ cán bộ" in html and campaigns_on_page(html) == []
    client.logout()
    assert client.get(reverse("home")).status_code == 302


@time_machine.travel(TODAY)
def test_old_missed_campaigns_fold_below_current_ones(client, world):
    old = WHOLE_AGENCY.replace("chuyen-de-2026", "dan-van-2024").replace("2026-10-01", "2024-04-01")
    campaign_load(agency=world["agency"], data=old.replace("2026-12-31", "2024-10-31"))
    html = get_home(client, world["qlcn"])
    assert campaigns_on_page(html) == ["chuyen-de-2026", "dan-van-2024"]
    assert '<details class="card ml-past ml-campaign" data-campaign="dan-van-2024">' in html
    assert "quá hạn 756 ngày" in html


# --- the admin audience view: unit heads see their unit, HR everyone -----------------------------


@time_machine.travel(TODAY)
def test_audience_view_is_scoped_and_hr_exempts_from_it(client, world):
    from learning.models import Exemption
    from tests.factories import give_role, roles

    campaign = world["agency"].campaigns.get(slug="chuyen-de-2026")
    url = reverse("learning_campaign:audience", args=[campaign.pk])
    head = EmployeeFactory(agency=world["agency"], unit=world["qlcn"].unit, employee_code="SCT0010")
    give_role(head.user, roles.UNIT_HEAD)
    client.force_login(head.user)
    html = client.get(url).content.decode()
    rows = re.findall(r'data-employee="([^"]+)" data-status="([^"]+)"', html)
    assert sorted(rows) == [("SCT0010", "pending"), ("SCT0011", "pending")]
    assert "Miễn học</button>" not in html  # unit heads look, HR acts
    response = client.post(reverse("learning_campaign:exempt", args=[campaign.pk]),
                           {"employee": world["qlcn"].pk, "reason": "x"})
    assert response.status_code in (302, 403) and not Exemption.objects.exists()

    hr = EmployeeFactory(agency=world["agency"], unit=world["vp_team"].unit, employee_code="SCT0002")
    give_role(hr.user, roles.HR)
    client.force_login(hr.user)
    html = client.get(url).content.decode()
    codes = sorted(code for code, _ in re.findall(r'data-employee="([^"]+)" data-status="([^"]+)"', html))
    assert codes == ["SCT0002", "SCT0010", "SCT0011", "SCT0030"]
    response = client.post(reverse("learning_campaign:exempt", args=[campaign.pk]),
                           {"employee": world["qlcn"].pk, "reason": "Nghỉ thai sản", "next": url})
    assert response.status_code == 302
    assert Exemption.objects.get().reason == "Nghỉ thai sản"
    html = client.get(url + "?status=exempt").content.decode()
    assert re.findall(r'data-employee="([^"]+)" data-status="([^"]+)"', html) == [("SCT0011", "exempt")]
    assert "Nghỉ thai sản" in html


@time_machine.travel(TODAY)
def test_learner_cannot_open_the_audience_view(client, world):
    campaign = world["agency"].campaigns.get(slug="chuyen-de-2026")
    client.force_login(world["qlcn"].user)
    response = client.get(reverse("learning_campaign:audience", args=[campaign.pk]))
    assert response.status_code in (302, 403, 404)
    assert "SCT0030" not in response.content.decode()
