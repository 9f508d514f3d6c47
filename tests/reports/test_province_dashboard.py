"""The province dashboard: officers of the province see every agency's aggregates (both named
rates, adoption, rankings, deadlines, the agency × directive table) and drill down to an agency's
departments; no names without the agency's grant; every person-level download is audited; HR of
an agency and officers of another province get nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from learning.models import Attendance, Campaign, StudySession
from learning.services.province_campaigns import province_campaign_load
from org.models import AuditLog, OrgUnit
from org.roles import HR
from org.services.agencies import agency_ensure
from org.services.provinces import province_access_grant, province_ensure, province_officer_ensure
from tests.factories import EmployeeFactory, UserFactory, give_role, make_unit
from tests.learning.compliance_helpers import make_directive

pytestmark = pytest.mark.django_db
AS_OF = "2024-12-01"
PLAN = """\
slug: chung-2024
title: Kế hoạch chung của tỉnh
start: 2024-04-01
due: 2024-10-31
requirements:
  - directive: 23-QĐ/TW
  - directive: 33/CT-TTg
"""


@pytest.fixture
def world():
    make_directive("23-QĐ/TW")
    make_directive("33/CT-TTg")
    province, _ = province_ensure(code="TN", name="Tỉnh Tây Ninh")
    sct, _ = agency_ensure(code="SCT", name="Sở Công Thương", province=province)
    syt, _ = agency_ensure(code="SYT", name="Sở Y tế", province=province)
    province_campaign_load(province=province, data=PLAN)
    agency_ensure(code="SXD", name="Sở Xây dựng", province=province)
    people = {}
    for agency in (sct, syt):
        unit = make_unit(agency, "VP", "Văn phòng")
        people[agency.code] = [EmployeeFactory(agency=agency, unit=unit, full_name=f"Người {agency.code} {i}")
                               for i in range(2)]
    campaign = Campaign.objects.get(agency=sct)
    session = StudySession.objects.create(campaign=campaign, title="HN", date=dt.date(2024, 5, 10))
    session.directives.set([r.directive_id for r in campaign.requirements.all()])
    Attendance.objects.create(session=session, employee=people["SCT"][0], status="present")
    officer = province_officer_ensure(user=UserFactory(username="sonoivu"), province=province, body="Sở Nội vụ")
    return {"province": province, "sct": sct, "syt": syt, "officer": officer, "people": people}


def test_officer_sees_every_agency_in_aggregate(client, world):
    client.force_login(world["officer"].user)
    response = client.get(reverse("province_dashboard:index"), {"as_of": AS_OF})
    assert response.status_code == 200
    html = response.content.decode()
    rows = {r["agency_code"]: r for r in response.context["agencies"]}
    assert list(rows) == ["SCT", "SXD", "SYT"]
    assert rows["SCT"]["people_rate"] == 50.0 and rows["SCT"]["rows_rate"] == 50.0
    assert rows["SYT"]["people_rate"] == 0.0 and rows["SYT"]["overdue"] == 4
    assert rows["SXD"]["state"] == "not_adopted" and rows["SCT"]["state"] == "adopted"
    assert [r["agency_code"] for r in response.context["by_completion"]] == ["SYT", "SCT"]
    assert [r["agency_code"] for r in response.context["by_overdue"]] == ["SYT", "SCT"]
    assert [d["date"] for d in response.context["deadlines"]] == [dt.date(2024, 11, 1), dt.date(2024, 11, 15)]
    assert response.context["requirements"] == ["23-QĐ/TW", "33/CT-TTg"]
    assert response.context["trend"][-1]["as_of"] == dt.date(2024, 12, 1)
    assert "Người SCT 0" not in html  # aggregates only
    for identifier in ("province-csv", "province-xlsx", "province-pdf"):
        assert f'data-report="{identifier}"' in html
    csv = client.get(reverse("province_dashboard:report"), {"as_of": AS_OF, "exporter": "province-csv",
                                                            "province": world["province"].pk,
                                                            "campaign": "chung-2024"})
    assert csv.status_code == 200 and csv.content.decode().splitlines()[1].startswith("SCT,Sở Công Thương,2,0,")


def test_deadlines_say_who_is_late(client, world):
    from django.utils import timezone

    from reports.models import AnnualReport, ScoringDossier

    sct_campaign = Campaign.objects.get(agency=world["sct"])
    AnnualReport.objects.create(campaign=sct_campaign, frozen_at=timezone.make_aware(dt.datetime(2024, 10, 30, 9)))
    ScoringDossier.objects.create(agency=world["syt"], year=2024, deadline=dt.date(2024, 11, 15), status="submitted",
                                  submitted_at=timezone.make_aware(dt.datetime(2024, 11, 20, 9)))
    client.force_login(world["officer"].user)
    response = client.get(reverse("province_dashboard:index"), {"as_of": AS_OF})
    rows = {r["agency_code"]: r for r in response.context["submissions"]}
    assert rows["SCT"]["report_state"] == "on_time" and rows["SCT"]["report_on"] == dt.date(2024, 10, 30)
    assert rows["SYT"]["report_state"] == "missing" and rows["SXD"]["report_state"] == "missing"
    assert rows["SYT"]["dossier_state"] == "late" and rows["SCT"]["dossier_state"] == "missing"
    html = response.content.decode()
    assert "Đúng hạn (30/10/2024)" in html and "Muộn (20/11/2024)" in html


def test_drill_down_to_departments_and_the_grant(client, world):
    user = world["officer"].user
    client.force_login(user)
    url = reverse("province_dashboard:agency", args=[world["sct"].pk])
    response = client.get(url, {"campaign": "chung-2024", "as_of": AS_OF})
    assert response.status_code == 200
    assert [(u["unit"], u["counted_people"], u["done_people"]) for u in response.context["units"]] == \
        [("Văn phòng", 2, 1)]
    assert "data-grant=\"none\"" in response.content.decode() and "Người SCT 0" not in response.content.decode()
    detail = reverse("province_dashboard:agency_detail", args=[world["sct"].pk])
    assert client.get(detail, {"campaign": "chung-2024"}).status_code == 404

    hr = give_role(EmployeeFactory(agency=world["sct"], unit=world["sct"]).user, HR)
    province_access_grant(officer=world["officer"], agency=world["sct"], purpose="Thẩm định hồ sơ",
                          valid_until=dt.date.today() + dt.timedelta(days=7), actor=hr)
    response = client.get(url, {"campaign": "chung-2024", "as_of": AS_OF})
    assert 'data-download="detail"' in response.content.decode()
    csv = client.get(detail, {"campaign": "chung-2024", "as_of": AS_OF})
    assert csv.status_code == 200 and "Người SCT 0" in b"".join(csv.streaming_content).decode()  # streamed
    entry = AuditLog.objects.get(action="province.person_data_read")
    assert entry.agency_id == world["sct"].pk and entry.actor == user and entry.after["purpose"] == "Thẩm định hồ sơ"
    # The grant is for SCT only.
    assert client.get(reverse("province_dashboard:agency_detail", args=[world["syt"].pk]),
                      {"campaign": "chung-2024"}).status_code == 404


def test_others_get_nothing(client, world):
    hr = give_role(EmployeeFactory(agency=world["sct"], unit=world["sct"]).user, HR)
    client.force_login(hr)
    assert client.get(reverse("province_dashboard:index")).status_code == 403
    other, _ = province_ensure(code="BD", name="Tỉnh Bình Dương")
    stranger = province_officer_ensure(user=UserFactory(username="bd"), province=other)
    client.force_login(stranger.user)
    response = client.get(reverse("province_dashboard:index"), {"province": world["province"].pk})
    assert response.status_code == 200 and response.context.get("agencies") is None
    assert client.get(reverse("province_dashboard:agency", args=[world["sct"].pk])).status_code == 404
    assert OrgUnit.objects.filter(depth=1).count() == 3


def test_today_reads_every_agencys_kept_counters(world, django_assert_max_num_queries):
    """The dashboard of today when every agency's campaign is kept: the same figures as the
    computation, without reading the evidence."""
    import pandas as pd
    import time_machine
    from django.core.cache import cache

    from learning.services.kept import kept_rebuild
    from reports.selectors.province import province_dashboard

    today = dt.date(2024, 12, 1)
    campaigns = list(Campaign.objects.all_agencies().filter(slug="chung-2024"))
    with time_machine.travel(dt.datetime(2024, 12, 1, 3, 0, tzinfo=dt.UTC), tick=False):
        computed = province_dashboard(province=world["province"], slug="chung-2024", as_of=today)
        for campaign in campaigns:
            kept_rebuild(campaign=campaign)
        cache.clear()
        with django_assert_max_num_queries(60) as queries:
            kept = province_dashboard(province=world["province"], slug="chung-2024", as_of=today)
    assert not any("learning_attendance" in q["sql"] for q in queries.captured_queries)
    assert kept["requirements"] == computed["requirements"] == ["23-QĐ/TW", "33/CT-TTg"]
    assert (kept["due"], kept["title"]) == (computed["due"], computed["title"])
    for name in ("agencies", "directives", "trend"):
        pd.testing.assert_frame_equal(kept[name].reset_index(drop=True), computed[name].reset_index(drop=True),
                                      check_dtype=False, obj=name)
