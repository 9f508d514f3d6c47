"""The admin dashboards: figures equal the compliance selector's, scope, filters, exports, reminders."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from learning.selectors.compliance import compliance_table
from learning.selectors.summaries import group_summary
from reports.models import Reminder, ReminderKind
from reports.selectors import dashboard
from reports.views.admin_dashboard import DetailView
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles
from tests.learning.compliance_helpers import attend, exempt, make_campaign, make_directive, make_session, manual

pytestmark = pytest.mark.django_db
D = dt.date
AS_OF = D(2024, 11, 5)  # after the deadline: overdue people exist


@pytest.fixture
def world():
    agency = make_agency()
    qlcn = make_unit(agency, "QLCN", "Phòng Quản lý Công nghiệp")
    team = make_unit(qlcn, "QLCN-T1", "Tổ An toàn")
    vp = make_unit(agency, "VP", "Văn phòng Sở")
    d1, d2, d3 = make_directive("23-QĐ/TW"), make_directive("33/CT-TTg"), make_directive("59/2023/NĐ-CP")
    campaign = make_campaign(agency, [d1, d2, d3], start=D(2024, 4, 1), due=D(2024, 10, 31))
    e = {
        "a": EmployeeFactory(agency=agency, unit=qlcn, employee_code="A01", full_name="Lê Văn An"),
        "b": EmployeeFactory(agency=agency, unit=qlcn, employee_code="A02", full_name="Phạm Thị Bình",
                             category="vien_chuc"),
        "c": EmployeeFactory(agency=agency, unit=team, employee_code="A03", full_name="Trần Văn Cường"),
        "d": EmployeeFactory(agency=agency, unit=vp, employee_code="B01", full_name="Đỗ Thị Dung"),
        "x": EmployeeFactory(agency=agency, unit=vp, employee_code="B02", full_name="Võ Văn Miễn"),
        "hr": EmployeeFactory(agency=agency, unit=vp, employee_code="HR01", full_name="Trần Thị Thu Hương"),
        "head": EmployeeFactory(agency=agency, unit=qlcn, employee_code="H01", full_name="Ngô Văn Trưởng"),
        "learner": EmployeeFactory(agency=agency, unit=qlcn, employee_code="L01", full_name="Học Viên Một"),
    }
    give_role(e["hr"].user, roles.HR)
    give_role(e["head"].user, roles.UNIT_HEAD)
    give_role(e["learner"].user, roles.LEARNER)
    s1 = make_session(campaign, D(2024, 4, 20), [d1, d2])
    s2 = make_session(campaign, D(2024, 6, 15), [d3])
    for key in ("a", "c", "hr", "head"):
        attend(s1, e[key])
    for key in ("a", "hr"):
        attend(s2, e[key])
    manual(e["b"], d1, D(2024, 5, 2))
    manual(e["d"], d1, D(2024, 11, 2))  # late
    manual(e["c"], d3, D(2024, 10, 1))
    exempt(campaign, e["x"])
    return campaign, e, {"qlcn": qlcn, "team": team, "vp": vp}


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _get(client, user, name, **params):
    client.force_login(user)
    return client.get(reverse(f"learning_dashboard:{name}"), params)


def test_by_unit_figures_match_the_selector(client, world):
    campaign, e, units = world
    response = _get(client, e["hr"].user, "by_unit", campaign=campaign.pk, as_of=AS_OF.isoformat())
    assert response.status_code == 200
    rows = {row["unit"]: row for row in response.context["object_list"]}
    table = compliance_table(campaign=campaign, as_of=AS_OF)
    expected = group_summary(table, ["unit"]).set_index("unit")  # the one summary family
    assert set(rows) == set(expected.index) == {"Phòng Quản lý Công nghiệp", "Tổ An toàn", "Văn phòng Sở"}
    for unit, row in rows.items():
        assert row["rows_rate"] == pytest.approx(expected.loc[unit, "rows_rate"], abs=0.05)
        assert row["people_rate"] == pytest.approx(expected.loc[unit, "people_rate"], abs=0.05)
        assert row["overdue"] == expected.loc[unit, "overdue"]
        assert row["exempt"] == expected.loc[unit, "exempt"]
    # QLCN direct staff: a (3/3), b (1/3), head (2/3), learner (0/3) → 6/12 rows, 1/4 people
    assert rows["Phòng Quản lý Công nghiệp"]["rows_rate"] == 50.0
    assert rows["Phòng Quản lý Công nghiệp"]["people_rate"] == 25.0
    assert rows["Phòng Quản lý Công nghiệp"]["done_people"] == 1
    summary = response.context["summary"]
    assert summary.people == 8 and summary.exempt_people == 1
    assert summary.done_people == 3  # a, c, hr
    assert b'data-figure="people_rate">42,9%' in response.content
    assert "Tỷ lệ người hoàn thành" in response.content.decode()
    assert "Tỷ lệ lượt văn bản hoàn thành" in response.content.decode()


def test_by_requirement_matches_the_selector(client, world):
    campaign, e, _ = world
    response = _get(client, e["hr"].user, "by_requirement", campaign=campaign.pk, as_of=AS_OF.isoformat())
    rows = response.context["object_list"]
    expected = group_summary(compliance_table(campaign=campaign, as_of=AS_OF), ["requirement"]).set_index("requirement")
    assert [r["requirement"] for r in rows] == ["23-QĐ/TW", "33/CT-TTg", "59/2023/NĐ-CP"]
    for row in rows:
        assert row["rows_rate"] == pytest.approx(expected.loc[row["requirement"], "rows_rate"], abs=0.05)


def test_trend_equals_a_full_recomputation_each_week(client, world):
    campaign, e, _ = world
    response = _get(client, e["hr"].user, "trend", campaign=campaign.pk, as_of=AS_OF.isoformat())
    rows = response.context["object_list"]
    assert rows[0]["as_of"] == "07/04/2024" and rows[-1]["as_of"] == "05/11/2024"
    for row in rows[::4] + rows[-2:]:
        day = dt.datetime.strptime(row["as_of"], "%d/%m/%Y").date()
        table = compliance_table(campaign=campaign, as_of=day)
        counted = table[table["status"] != "exempt"]
        done = int(counted["status"].isin(["completed", "completed_late"]).sum())
        assert row["done"] == done, row["as_of"]
        assert row["done_people"] == len(dashboard.people_list(table).query("done == total and not exempt"))


def test_unit_head_sees_only_their_subtree(client, world):
    campaign, e, units = world
    head = e["head"].user
    response = _get(client, head, "by_unit", campaign=campaign.pk, as_of=AS_OF.isoformat())
    assert {row["unit"] for row in response.context["object_list"]} == {"Phòng Quản lý Công nghiệp", "Tổ An toàn"}
    people = _get(client, head, "people", campaign=campaign.pk, as_of=AS_OF.isoformat())
    codes = {p["employee_code"] for p in people.context["object_list"]}
    assert codes == {"A01", "A02", "A03", "H01", "L01"}
    assert "Đỗ Thị Dung" not in people.content.decode()
    other = _get(client, head, "people", campaign=campaign.pk, as_of=AS_OF.isoformat(), unit=units["vp"].pk)
    assert not other.context["object_list"]  # VP is not a choice for them: the filter is refused
    export = _get(client, head, "detail", campaign=campaign.pk, as_of=AS_OF.isoformat(), export="csv")
    body = _body(export).decode()
    assert "B01" not in body and "A03" in body


def test_learners_and_outsiders_get_nothing(client, world):
    campaign, e, _ = world
    response = _get(client, e["learner"].user, "by_unit", campaign=campaign.pk)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login") + "?next=")
    editor = EmployeeFactory(agency=campaign.agency, employee_code="ED1")
    give_role(editor.user, roles.EDITOR)
    assert _get(client, editor.user, "by_unit", campaign=campaign.pk).status_code == 403
    assert _get(client, editor.user, "detail", campaign=campaign.pk, export="csv").status_code == 403
    client.force_login(editor.user)
    post = client.post(reverse("learning_dashboard:remind"), {"campaign": campaign.pk, "employee": e["b"].pk})
    assert post.status_code == 403 and not Reminder.objects.exists()


def test_filters_category_unit_status(client, world):
    campaign, e, units = world
    hr = e["hr"].user
    vien_chuc = _get(client, hr, "people", campaign=campaign.pk, as_of=AS_OF.isoformat(), category="vien_chuc")
    assert [p["employee_code"] for p in vien_chuc.context["object_list"]] == ["A02"]
    team = _get(client, hr, "by_unit", campaign=campaign.pk, as_of=AS_OF.isoformat(), unit=units["qlcn"].pk)
    assert {r["unit"] for r in team.context["object_list"]} == {"Phòng Quản lý Công nghiệp", "Tổ An toàn"}
    late = _get(client, hr, "detail", campaign=campaign.pk, as_of=AS_OF.isoformat(), status="completed_late")
    assert [(r["employee_code"], r["requirement"]) for r in late.context["object_list"]] == [("B01", "23-QĐ/TW")]
    overdue = _get(client, hr, "overdue", campaign=campaign.pk, as_of=AS_OF.isoformat())
    assert {p["employee_code"] for p in overdue.context["object_list"]} == {"A02", "B01", "H01", "L01"}
    before_due = _get(client, hr, "overdue", campaign=campaign.pk, as_of="2024-10-01")
    assert before_due.context["object_list"] == []


def test_export_is_what_is_on_screen(client, world):
    campaign, e, units = world
    hr = e["hr"].user
    params = dict(campaign=campaign.pk, as_of=AS_OF.isoformat(), status="overdue", unit=units["qlcn"].pk)
    screen = _get(client, hr, "detail", **params).context["object_list"]
    export = _body(_get(client, hr, "detail", export="csv", **params))  # streamed: read once
    assert export.startswith("\ufeff".encode())  # Excel on Windows needs the BOM
    rows = list(csv.reader(io.StringIO(export.decode("utf-8-sig"))))
    assert rows[0] == ["employee_code", "full_name", "unit", "category", "requirement", "status", "evidence",
                       "evidence_date"]
    assert [r[0:6] for r in rows[1:]] == [
        [s["employee_code"], s["full_name"], s["unit"], s["category"], s["requirement"], s["status"]] for s in screen
    ]
    assert {r[5] for r in rows[1:]} == {"overdue"} and len(rows) == 1 + len(screen) > 1
    xlsx = _get(client, hr, "by_unit", export="xlsx", campaign=campaign.pk, as_of=AS_OF.isoformat())
    sheet = openpyxl.load_workbook(io.BytesIO(_body(xlsx))).active
    values = list(sheet.values)
    assert values[0][0].startswith("Tình hình học tập theo đơn vị — xuất lúc ")  # the title row, then the header
    assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref.startswith("A2:")
    values = values[1:]
    assert values[0][0] == "Đơn vị" and values[0][-1] == "Tỷ lệ lượt văn bản hoàn thành (%)"
    assert {row[0] for row in values[1:]} == {"Phòng Quản lý Công nghiệp", "Tổ An toàn", "Văn phòng Sở"}


def test_full_report_download_uses_the_compliance_exporters(client, world):
    campaign, e, units = world
    client.force_login(e["head"].user)
    response = client.get(reverse("learning_dashboard:report"),
                          {"campaign": campaign.pk, "as_of": AS_OF.isoformat(), "exporter": "compliance-csv"})
    assert response.status_code == 200
    content = _body(response)  # streamed
    body = content.decode("utf-8-sig")
    assert "A01" in body and "B01" not in body  # the unit head's subtree only
    assert content.startswith("\ufeff".encode())  # from the web: with a BOM for Excel


def test_vietnamese_csv_variant_has_labels_dates_and_a_bom(client, world):
    campaign, e, units = world
    client.force_login(e["hr"].user)
    response = client.get(reverse("learning_dashboard:report"),
                          {"campaign": campaign.pk, "as_of": AS_OF.isoformat(), "exporter": "compliance-csv-vi"})
    content = _body(response)  # streamed
    assert response.status_code == 200 and content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0] == ["Mã cán bộ", "Họ và tên", "Đơn vị", "Đối tượng", "Văn bản", "Trạng thái", "Minh chứng",
                       "Ngày minh chứng"]
    contract = list(csv.reader(io.StringIO(_body(client.get(reverse("learning_dashboard:report"), {
        "campaign": campaign.pk, "as_of": AS_OF.isoformat(), "exporter": "compliance-csv"})).decode("utf-8-sig"))))
    assert len(rows) == len(contract) > 1
    statuses = {"overdue": "Quá hạn", "completed": "Hoàn thành"}
    for vi, en in zip(rows[1:], contract[1:], strict=True):
        assert vi[0] == en[0] and vi[1] == en[1]
        if en[5] in statuses:
            assert vi[5] == statuses[en[5]]
        if en[7]:
            y, m, d = en[7].split("-")
            assert vi[7] == f"{d}/{m}/{y}"
    assert all(r[5] not in {"overdue", "completed", "pending", "exempt"} for r in rows[1:])


def test_one_click_reminder(client, world):
    campaign, e, units = world
    client.force_login(e["head"].user)
    url = reverse("learning_dashboard:remind")
    response = client.post(url, {"campaign": campaign.pk, "employee": [e["b"].pk, e["d"].pk],
                                 "next": reverse("learning_dashboard:overdue")})
    assert response.status_code == 302
    [reminder] = Reminder.objects.all()  # Dung (VP) is outside the unit head's scope
    assert reminder.employee == e["b"] and reminder.kind == ReminderKind.MANUAL
    assert reminder.sent_by == e["head"].user
    assert [m.to for m in mail.outbox] == [[e["b"].email]]
    page = client.get(reverse("learning_dashboard:overdue"), {"campaign": campaign.pk})
    row = next(p for p in page.context["object_list"] if p["employee_code"] == "A02")
    assert row["last_reminder"]


def test_home_panel_shows_current_campaign(client, world):
    campaign, e, _ = world
    client.force_login(e["hr"].user)
    response = client.get(reverse("wagtailadmin_home"))
    text = response.content.decode()
    assert "Tình hình học tập, quán triệt" in text and campaign.title in text
    assert reverse("learning_dashboard:by_unit") in text
    assert 'data-figure="people_rate">42,9%' in text  # a, c and HR of 7 counted people
    assert "3 / 7 người phải học (miễn 1)" in text  # the tile counts the people who must study


def test_trend_chart_has_axes_labels_and_a_text_alternative(client, world):
    campaign, e, _ = world
    response = _get(client, e["hr"].user, "trend", campaign=campaign.pk, as_of=AS_OF.isoformat())
    html = response.content.decode()
    start = html.index('<svg class="lh-trend"')
    svg = html[start:html.index("</svg>", start)]
    assert 'role="img"' in svg and "<title id=\"trend-title\">Tỷ lệ lượt văn bản hoàn thành</title>" in svg
    assert "ngày 07/04/2024 đến" in svg and "ngày 05/11/2024;" in svg  # the text alternative
    assert all(f">{p}%</text>" in svg for p in (0, 25, 50, 75, 100))  # the y axis
    assert ">07/04/2024</text>" in svg and ">05/11/2024</text>" in svg  # the x axis: first and last weeks
    assert svg.count("<circle") == len(response.context["object_list"]) and "<polyline" in svg  # a point a week


def test_trend_without_any_evidence_and_before_the_start(client, world):
    campaign, e, _ = world
    early = _get(client, e["hr"].user, "trend", campaign=campaign.pk, as_of="2024-03-01")
    assert early.status_code == 200
    assert [(r["as_of"], r["done"], r["rows_rate"]) for r in early.context["object_list"]] == [("01/03/2024", 0, 0.0)]
    table = compliance_table(campaign=campaign, as_of=D(2024, 4, 10))  # started, nobody studied yet
    assert dashboard.trend(table, [D(2024, 4, 7), D(2024, 4, 10)])["done"].tolist() == [0, 0]


TODAY = dt.datetime(2024, 11, 5, 10, 0, tzinfo=dt.UTC)  # AS_OF in Asia/Ho_Chi_Minh


@pytest.mark.parametrize("who, filters", [("hr", {}), ("head", {}), ("hr", {"category": "vien_chuc"}),
                                          ("hr", {"unit": "qlcn"}), ("head", {"unit": "vp"})])
def test_by_unit_today_reads_the_kept_statuses(client, world, who, filters, django_assert_max_num_queries):
    """Today's "Theo đơn vị", "Theo văn bản", the people lists and the home panel read the kept rows (no computation of the campaign)
    and show exactly what the computation shows; the same page for another date computes."""
    from learning.models import KeptCampaign
    from learning.services.kept import kept_rebuild

    campaign, e, units = world
    params = {"campaign": campaign.pk, **filters}
    if "unit" in params:
        params["unit"] = units[params["unit"]].pk
    with time_machine.travel(TODAY, tick=False):
        computed = _get(client, e[who].user, "by_unit", **params)
        requirements = _get(client, e[who].user, "by_requirement", **params)
        lists = {tab: _get(client, e[who].user, tab, **params) for tab in ("people", "overdue", "trend")}
        details = {status: _get(client, e[who].user, "detail", **params, status=status)
                   for status in ("", "overdue", "completed", "exempt")}
        kept_rebuild(campaign=campaign)
        assert dashboard.kept_answers(campaign=campaign, as_of=AS_OF)
        with django_assert_max_num_queries(30) as queries:
            kept = _get(client, e[who].user, "by_unit", **params)
        assert not any("learning_attendance" in q["sql"] for q in queries.captured_queries)  # no evidence read
        assert kept.context["object_list"] == computed.context["object_list"]
        assert kept.context["summary"] == computed.context["summary"]
        with django_assert_max_num_queries(30) as queries:  # "Theo văn bản": the counters too
            kept_requirements = _get(client, e[who].user, "by_requirement", **params)
        assert not any("learning_attendance" in q["sql"] for q in queries.captured_queries)
        assert kept_requirements.context["object_list"] == requirements.context["object_list"]
        assert kept_requirements.context["summary"] == requirements.context["summary"]
        trend = lists.pop("trend")
        with django_assert_max_num_queries(35) as queries:  # "Diễn biến": two GROUP BYs over the kept rows
            kept_trend = _get(client, e[who].user, "trend", **params)
        assert not any("learning_attendance" in q["sql"] for q in queries.captured_queries)
        assert kept_trend.context["object_list"] == trend.context["object_list"]
        assert kept_trend.context["summary"] == trend.context["summary"]
        shown = ["employee_id", "employee_code", "full_name", "unit", "category", "category_label", "done", "total",
                 "exempt", "overdue_list", "pending_list", "missing", "last_reminder"]
        for tab, computed_list in lists.items():  # the people lists: person rows, a page at a time
            with django_assert_max_num_queries(35) as queries:  # a constant: one page of people, whatever the size
                kept_list = _get(client, e[who].user, tab, **params)
            assert not any("learning_attendance" in q["sql"] for q in queries.captured_queries), tab
            assert [{k: p[k] for k in shown} for p in kept_list.context["object_list"]] == \
                [{k: p[k] for k in shown} for p in computed_list.context["object_list"]], tab
            assert kept_list.context["summary"] == computed_list.context["summary"], tab
        columns = [*DetailView.list_export, "status_label", "evidence_label"]
        for status, computed_detail in details.items():  # "Chi tiết": the page's people's rows
            with django_assert_max_num_queries(35) as queries:
                kept_detail = _get(client, e[who].user, "detail", **params, status=status)
            assert not any("learning_attendance" in q["sql"] for q in queries.captured_queries), status
            assert kept_detail.context["paginator"].count == computed_detail.context["paginator"].count, status
            assert [{k: r[k] for k in columns} for r in kept_detail.context["object_list"]] == \
                [{k: r[k] for k in columns} for r in computed_detail.context["object_list"]], status
            assert kept_detail.context["summary"] == computed_detail.context["summary"], status
        if not filters:  # the home panel's figures
            from django.test import RequestFactory

            from reports.wagtail_hooks.dashboard import CompletionPanel

            request = RequestFactory().get("/admin/")
            request.user = e[who].user
            assert CompletionPanel(request).summary(campaign, AS_OF) == computed.context["summary"]
        KeptCampaign.objects.all_agencies().update(valid_until=AS_OF)  # past its horizon: computed again
        again = _get(client, e[who].user, "by_unit", **params)
        assert again.context["object_list"] == computed.context["object_list"]
