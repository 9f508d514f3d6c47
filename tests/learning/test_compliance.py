"""The compliance rules of CONTRACT.md, case by case, with a frozen clock."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.selectors.compliance import (
    CSV_COLUMNS,
    campaign_audience,
    completed_employee_ids,
    compliance_table,
    employee_campaign_status,
)
from org.models import Employee
from tests.factories import EmployeeFactory, make_agency, make_unit
from tests.learning.compliance_helpers import (
    D,
    attend,
    exempt,
    make_campaign,
    make_directive,
    make_quiz,
    make_session,
    manual,
    take_quiz,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    agency = make_agency()
    unit = make_unit(agency, "VP", "Văn phòng Sở")
    d1, d2 = make_directive("23-QĐ/TW"), make_directive("33/CT-TTg")
    campaign = make_campaign(agency, [d1, d2])
    return agency, unit, campaign, d1, d2


def row(table, code, requirement):
    found = table[(table.employee_code == code) & (table.requirement == requirement)]
    assert len(found) == 1, found
    return found.iloc[0]


def status_of(campaign, employee, directive, as_of=None):
    table = compliance_table(campaign=campaign, as_of=as_of)
    r = row(table, employee.employee_code, directive.number)
    return r.status, r.evidence, r.evidence_date


# --- status rules ---------------------------------------------------------------------------


def test_attendance_before_due_is_completed(world):
    agency, unit, campaign, d1, d2 = world
    person = EmployeeFactory(unit=unit)
    attend(make_session(campaign, D(2024, 5, 10), [d1]), person)
    assert status_of(campaign, person, d1, D(2024, 6, 1)) == ("completed", "attendance", D(2024, 5, 10))
    assert status_of(campaign, person, d2, D(2024, 6, 1)) == ("pending", "", None)


def test_late_arrival_counts_as_attendance(world):
    agency, unit, campaign, d1, d2 = world
    person = EmployeeFactory(unit=unit)
    attend(make_session(campaign, D(2024, 5, 10), [d1]), person, status="late")
    assert status_of(campaign, person, d1, D(2024, 6, 1))[0] == "completed"


@pytest.mark.parametrize("status", ["excused", "absent"])
def test_absence_is_not_evidence(world, status):
    agency, unit, campaign, d1, d2 = world
    person = EmployeeFactory(unit=unit)
    attend(make_session(campaign, D(2024, 5, 10), [d1]), person, status=status)
    assert status_of(campaign, person, d1, D(2024, 6, 1)) == ("pending", "", None)


def test_evidence_after_due_is_completed_late(world):
    agency, unit, campaign, d1, d2 = world
    person = EmployeeFactory(unit=unit)
    manual(person, d1, D(2024, 11, 5))
    assert status_of(campaign, person, d1, D(2024, 12, 1)) == ("completed_late", "manual", D(2024, 11, 5))


def test_evidence_on_due_date_is_on_time(world):
    agency, unit, campaign, d1, d2 = world
    person = EmployeeFactory(unit=unit)
    manual(person, d1, D(2024, 10, 31))
    assert status_of(campaign, person, d1, D(2024, 12, 1))[0] == "completed"


def test_no_evidence_pending_until_due_then_overdue(world):
    agency, unit, campaign, d1, d2 = world
    person = EmployeeFactory(unit=unit)
    assert status_of(campaign, person, d1, D(2024, 10, 31))[0] == "pending"
    assert status_of(campaign, person, d1, D(2024, 11, 1))[0] == "overdue"


def test_default_as_of_is_today_in_local_time(world):
    agency, unit, campaign, d1, d2 = world
    person = EmployeeFactory(unit=unit)
    # 31/10 20:00 UTC is already 01/11 in Asia/Ho_Chi_Minh: the deadline has passed.
    with time_machine.travel(dt.datetime(2024, 10, 31, 20, 0, tzinfo=dt.UTC), tick=False):
        assert status_of(campaign, person, d1)[0] == "overdue"
    with time_machine.travel(dt.datetime(2024, 10, 31, 10, 0, tzinfo=dt.UTC), tick=False):
        assert status_of(campaign, person, d1)[0] == "pending"


def test_evidence_before_start_is_ignored(world):
    agency, unit, campaign, d1, d2 = world
    person = EmployeeFactory(unit=unit)
    manual(person, d1, D(2024, 3, 31))
    assert status_of(campaign, person, d1, D(2024, 6, 1)) == ("pending", "", None)
    manual(person, d1, D(2024, 4, 1))  # the start day itself counts
    assert status_of(campaign, person, d1, D(2024, 6, 1)) == ("completed", "manual", D(2024, 4, 1))


def test_evidence_after_as_of_is_ignored(world):
    agency, unit, campaign, d1, d2 = world
    person = EmployeeFactory(unit=unit)
    attend(make_session(campaign, D(2024, 6, 15), [d1]), person)
    assert status_of(campaign, person, d1, D(2024, 6, 14)) == ("pending", "", None)
    assert status_of(campaign, person, d1, D(2024, 6, 15))[0] == "completed"


def test_exempt_whatever_the_evidence(world):
    agency, unit, campaign, d1, d2 = world
    person = EmployeeFactory(unit=unit)
    manual(person, d1, D(2024, 5, 1))
    exempt(campaign, person)
    table = compliance_table(campaign=campaign, as_of=D(2024, 12, 1))
    assert list(table.status) == ["exempt", "exempt"]
    # The evidence is still reported: exemption changes the status, not the ledger.
    assert row(table, person.employee_code, d1.number).evidence == "manual"
    assert person.pk not in completed_employee_ids(campaign=campaign, as_of=D(2024, 12, 1))


def test_earliest_evidence_counts(world):
    agency, unit, campaign, d1, d2 = world
    person = EmployeeFactory(unit=unit)
    manual(person, d1, D(2024, 11, 20))
    attend(make_session(campaign, D(2024, 9, 1), [d1]), person)
    manual(person, d1, D(2024, 3, 1))  # before start: ignored, not "earliest"
    assert status_of(campaign, person, d1, D(2024, 12, 1)) == ("completed", "attendance", D(2024, 9, 1))


def test_tie_prefers_attendance_over_manual(world):
    agency, unit, campaign, d1, d2 = world
    person = EmployeeFactory(unit=unit)
    manual(person, d1, D(2024, 9, 1))
    attend(make_session(campaign, D(2024, 9, 1), [d1]), person)
    assert status_of(campaign, person, d1, D(2024, 12, 1))[1] == "attendance"


def test_session_covering_several_directives_counts_for_each(world):
    agency, unit, campaign, d1, d2 = world
    other = make_directive("59/2023/NĐ-CP")
    person = EmployeeFactory(unit=unit)
    attend(make_session(campaign, D(2024, 5, 2), [d1, d2, other]), person)
    table = compliance_table(campaign=campaign, as_of=D(2024, 6, 1))
    assert list(table.status) == ["completed", "completed"]
    assert set(table.requirement) == {d1.number, d2.number}  # the extra directive is no requirement


def test_session_of_another_campaign_covering_the_directive_counts(world):
    agency, unit, campaign, d1, d2 = world
    other_campaign = make_campaign(agency, [d1], slug="khac-2024")
    person = EmployeeFactory(unit=unit)
    attend(make_session(other_campaign, D(2024, 7, 7), [d1]), person)
    assert status_of(campaign, person, d1, D(2024, 8, 1))[:2] == ("completed", "attendance")


def test_person_in_several_campaigns(world):
    agency, unit, campaign, d1, d2 = world
    later = make_campaign(agency, [d1], slug="dan-van-2025", start=D(2025, 1, 1), due=D(2025, 6, 30))
    person = EmployeeFactory(unit=unit)
    attend(make_session(campaign, D(2024, 5, 2), [d1]), person)
    exempt(campaign, person)
    assert status_of(campaign, person, d1, D(2025, 3, 1))[0] == "exempt"
    # 2024 evidence is before the 2025 start; the 2024 exemption does not carry over.
    assert status_of(later, person, d1, D(2025, 3, 1)) == ("pending", "", None)
    manual(person, d1, D(2025, 2, 2))
    assert status_of(later, person, d1, D(2025, 3, 1)) == ("completed", "manual", D(2025, 2, 2))
    assert status_of(campaign, person, d1, D(2025, 3, 1))[0] == "exempt"


# --- audience -------------------------------------------------------------------------------


def test_audience_units_include_subtrees_and_categories(world):
    agency, unit, campaign, d1, d2 = world
    team = make_unit(unit, "VP-TH", "Tổ Tổng hợp")
    other = make_unit(agency, "TTRA", "Thanh tra Sở")
    campaign.audience_units.set([unit])
    campaign.audience_categories = ["cong_chuc"]
    campaign.save()
    in_unit = EmployeeFactory(unit=unit)
    in_team = EmployeeFactory(unit=team)
    EmployeeFactory(unit=other)
    EmployeeFactory(unit=unit, category="nguoi_lao_dong")
    audience = campaign_audience(campaign=campaign, as_of=D(2024, 6, 1))
    assert set(audience) == {in_unit, in_team}


def test_empty_audience_is_whole_agency_only(world):
    agency, unit, campaign, d1, d2 = world
    mine = EmployeeFactory(unit=unit, category="nguoi_lao_dong")
    other_agency = make_agency("SYT", "Sở Y tế")
    EmployeeFactory(agency=other_agency, unit=other_agency)
    assert list(campaign_audience(campaign=campaign, as_of=D(2024, 6, 1))) == [mine]


def test_joiners_and_leavers(world):
    agency, unit, campaign, d1, d2 = world
    always = EmployeeFactory(unit=unit, start_date=None)
    joined_june = EmployeeFactory(unit=unit, start_date=D(2024, 6, 1))
    joined_after_due = EmployeeFactory(unit=unit, start_date=D(2024, 11, 15))
    left_july = EmployeeFactory(unit=unit, left_date=D(2024, 7, 1), is_active=False)
    gone_no_date = EmployeeFactory(unit=unit, is_active=False)

    def audience(as_of):
        return set(campaign_audience(campaign=campaign, as_of=as_of))

    assert audience(D(2024, 5, 31)) == {always, left_july}
    assert audience(D(2024, 6, 1)) == {always, joined_june, left_july}
    assert audience(D(2024, 7, 1)) == {always, joined_june}  # left on 01/07: gone that day
    assert audience(D(2024, 12, 31)) == {always, joined_june}  # joined after the due date: next campaign
    assert gone_no_date not in audience(D(2024, 5, 1)) and joined_after_due not in audience(D(2025, 1, 1))


def test_left_later_but_still_active_flag_is_in_until_leaving(world):
    agency, unit, campaign, d1, d2 = world
    leaving = EmployeeFactory(unit=unit, left_date=D(2024, 9, 30), is_active=True)
    assert leaving in campaign_audience(campaign=campaign, as_of=D(2024, 9, 29))
    assert leaving not in campaign_audience(campaign=campaign, as_of=D(2024, 9, 30))


# --- the table ------------------------------------------------------------------------------


def test_table_columns_and_sort_order(world):
    agency, unit, campaign, d1, d2 = world
    ban = make_unit(agency, "BGD", "Ban Giám đốc")
    thanh_tra = make_unit(agency, "TTRA", "Thanh tra Sở")
    EmployeeFactory(unit=unit, employee_code="A02")
    EmployeeFactory(unit=unit, employee_code="A01")
    EmployeeFactory(unit=ban, employee_code="Z09")
    EmployeeFactory(unit=thanh_tra, employee_code="B01")
    table = compliance_table(campaign=campaign, as_of=D(2024, 6, 1))
    assert list(table.columns[: len(CSV_COLUMNS)]) == CSV_COLUMNS
    assert {"employee_id", "requirement_id", "directive_id", "unit_id", "unit_path"} <= set(table.columns)
    assert list(zip(table.unit, table.employee_code, table.requirement, strict=True)) == [
        ("Ban Giám đốc", "Z09", "23-QĐ/TW"), ("Ban Giám đốc", "Z09", "33/CT-TTg"),
        ("Thanh tra Sở", "B01", "23-QĐ/TW"), ("Thanh tra Sở", "B01", "33/CT-TTg"),
        ("Văn phòng Sở", "A01", "23-QĐ/TW"), ("Văn phòng Sở", "A01", "33/CT-TTg"),
        ("Văn phòng Sở", "A02", "23-QĐ/TW"), ("Văn phòng Sở", "A02", "33/CT-TTg"),
    ]


def test_requirement_order_follows_the_campaign(world):
    agency, unit, campaign, d1, d2 = world
    campaign.requirements.filter(directive=d1).update(order=5)
    EmployeeFactory(unit=unit)
    assert list(compliance_table(campaign=campaign, as_of=D(2024, 6, 1)).requirement) == [d2.number, d1.number]


def test_unit_filter_limits_to_subtree(world):
    agency, unit, campaign, d1, d2 = world
    team = make_unit(unit, "VP-TH", "Tổ Tổng hợp")
    other = make_unit(agency, "TTRA", "Thanh tra Sở")
    a, b = EmployeeFactory(unit=team), EmployeeFactory(unit=unit)
    EmployeeFactory(unit=other)
    table = compliance_table(campaign=campaign, as_of=D(2024, 6, 1), unit=unit)
    assert set(table.employee_id) == {a.pk, b.pk}


def test_empty_campaign_gives_empty_table(world):
    agency, unit, campaign, d1, d2 = world
    table = compliance_table(campaign=campaign, as_of=D(2024, 6, 1))
    assert table.empty and list(table.columns[:8]) == CSV_COLUMNS


def _populate(unit, campaign, d1, d2, count, offset):
    session = make_session(campaign, D(2024, 5, 5), [d1, d2])
    for i in range(count):
        person = EmployeeFactory(unit=unit, employee_code=f"Q{offset + i:04d}")
        if i % 2:
            attend(session, person)
        if i % 3 == 0:
            manual(person, d2, D(2024, 6, 6))
        if i % 5 == 0:
            exempt(campaign, person)


def _queries(campaign):
    with CaptureQueriesContext(connection) as ctx:
        table = compliance_table(campaign=campaign, as_of=D(2024, 12, 1))
    return len(ctx.captured_queries), table


def test_query_count_does_not_grow_with_the_audience(world, django_assert_max_num_queries):
    agency, unit, campaign, d1, d2 = world
    _populate(unit, campaign, d1, d2, 3, 0)
    small, _ = _queries(campaign)
    _populate(unit, campaign, d1, d2, 40, 100)
    large, table = _queries(campaign)
    assert len(table) == 86
    assert large == small
    # 9 with the attendance, quiz and manual sources, one of them a probe whether the roster history
    # reaches the day (org.selectors.history); each further kind of evidence (the API's
    # `external`, …) reads its records in one more query.
    from core.evidence import sources

    with django_assert_max_num_queries(6 + len(sources())):
        compliance_table(campaign=campaign, as_of=D(2024, 12, 1))


def test_completed_employee_ids_requires_every_requirement(world):
    agency, unit, campaign, d1, d2 = world
    both, one, late = (EmployeeFactory(unit=unit) for _ in range(3))
    attend(make_session(campaign, D(2024, 5, 5), [d1, d2]), both)
    manual(one, d1, D(2024, 5, 5))
    manual(late, d1, D(2024, 5, 5))
    manual(late, d2, D(2024, 11, 5))
    assert completed_employee_ids(campaign=campaign, as_of=D(2024, 12, 1)) == {both.pk, late.pk}
    assert completed_employee_ids(campaign=campaign, as_of=D(2024, 11, 1)) == {both.pk}


def test_employee_campaign_status(world):
    agency, unit, campaign, d1, d2 = world
    make_campaign(agency, [d2], slug="chi-cong-chuc", categories=["vien_chuc"])
    person = EmployeeFactory(unit=unit)
    manual(person, d2, D(2024, 5, 5))
    [status] = employee_campaign_status(employee=person, as_of=D(2024, 6, 1))
    assert status.campaign == campaign and (status.completed, status.total) == (1, 2)
    assert [(i.directive, i.status, i.evidence) for i in status.items] == [
        (d1, "pending", ""), (d2, "completed", "manual"),
    ]
    assert status.items[0].requirement.directive_id == d1.pk


def test_employee_model_unchanged_by_computation(world):
    agency, unit, campaign, d1, d2 = world
    EmployeeFactory(unit=unit)
    before = list(Employee.objects.values())
    compliance_table(campaign=campaign, as_of=D(2024, 6, 1))
    assert list(Employee.objects.values()) == before


# --- quiz evidence --------------------------------------------------------------------------


def test_passed_quiz_is_evidence_for_each_linked_directive(world):
    agency, unit, campaign, d1, d2 = world
    person = EmployeeFactory(unit=unit)
    quiz = make_quiz("kt-dan-van", [d1, d2])
    take_quiz(quiz, person, D(2024, 6, 3), passed=False, source="paper")
    assert status_of(campaign, person, d1, D(2024, 7, 1)) == ("pending", "", None)
    take_quiz(quiz, person, D(2024, 6, 20), source="paper")  # the retest passes
    table = compliance_table(campaign=campaign, as_of=D(2024, 7, 1))
    assert list(zip(table.status, table.evidence, table.evidence_date, strict=True)) == [
        ("completed", "quiz", D(2024, 6, 20)), ("completed", "quiz", D(2024, 6, 20)),
    ]
    assert status_of(campaign, person, d1, D(2024, 6, 19))[0] == "pending"


def test_quiz_before_start_or_unlinked_is_ignored(world):
    agency, unit, campaign, d1, d2 = world
    person = EmployeeFactory(unit=unit)
    take_quiz(make_quiz("kt-cu", [d1]), person, D(2024, 3, 30))
    take_quiz(make_quiz("kt-khac", [make_directive("59/2023/NĐ-CP")]), person, D(2024, 5, 1))
    assert status_of(campaign, person, d1, D(2024, 7, 1)) == ("pending", "", None)


def test_tie_order_attendance_quiz_manual(world):
    agency, unit, campaign, d1, d2 = world
    person = EmployeeFactory(unit=unit)
    quiz = make_quiz("kt", [d1, d2])
    take_quiz(quiz, person, D(2024, 9, 1))
    manual(person, d1, D(2024, 9, 1))
    manual(person, d2, D(2024, 9, 1))
    attend(make_session(campaign, D(2024, 9, 1), [d2]), person)
    table = compliance_table(campaign=campaign, as_of=D(2024, 12, 1))
    assert list(table.evidence) == ["quiz", "attendance"]


def test_late_quiz_pass_is_completed_late(world):
    agency, unit, campaign, d1, d2 = world
    person = EmployeeFactory(unit=unit)
    take_quiz(make_quiz("kt", [d1]), person, D(2024, 11, 2))
    assert status_of(campaign, person, d1, D(2024, 12, 1)) == ("completed_late", "quiz", D(2024, 11, 2))


def test_large_audience_path_gives_the_same_table(world, monkeypatch):
    """Above SMALL_AUDIENCE the sources are not filtered by person in SQL; outsiders who attended
    the same session (another category, another agency) must still drop out."""
    agency, unit, campaign, d1, d2 = world
    campaign.audience_categories = ["cong_chuc"]
    campaign.save()
    session = make_session(campaign, D(2024, 5, 5), [d1, d2])
    quiz = make_quiz("kt", [d2])
    people = [EmployeeFactory(unit=unit) for _ in range(6)]
    outsider = EmployeeFactory(unit=unit, category="nguoi_lao_dong")
    other_agency = make_agency("SYT", "Sở Y tế")
    stranger = EmployeeFactory(agency=other_agency, unit=other_agency)
    for person in (*people[:3], outsider, stranger):
        attend(session, person)
    take_quiz(quiz, people[4], D(2024, 6, 1))
    take_quiz(quiz, outsider, D(2024, 6, 1))
    manual(people[5], d1, D(2024, 11, 2))
    exempt(campaign, people[2])
    small = compliance_table(campaign=campaign, as_of=D(2024, 12, 1))
    monkeypatch.setattr("learning.selectors.compliance.SMALL_AUDIENCE", 0)
    large = compliance_table(campaign=campaign, as_of=D(2024, 12, 1))
    assert small.equals(large)
    assert set(large.employee_id) == {p.pk for p in people}
    assert sorted(large.status.unique()) == ["completed", "completed_late", "exempt", "overdue"]


@pytest.mark.parametrize("as_of", [D(2024, 4, 1), D(2024, 7, 15), D(2024, 10, 31), D(2024, 12, 1)])
def test_person_path_agrees_with_the_table(world, as_of):
    """`employee_campaign_status` (one person, database aggregates) and `compliance_table` (the
    audience, pandas) are two implementations of one rule: on a varied world, every person's
    statuses, evidence kinds and dates are the same in both."""
    import random

    agency, unit, campaign, d1, d2 = world
    d3 = make_directive("59/2023/NĐ-CP")
    campaign.requirements.create(directive=d3, order=2)
    rng = random.Random(20241231)
    dates = [D(2024, 3, 30), D(2024, 4, 1), D(2024, 5, 5), D(2024, 10, 31), D(2024, 11, 2), D(2025, 1, 1)]
    sessions = [make_session(campaign, day, rng.sample([d1, d2, d3], 2)) for day in dates]
    quizzes = [make_quiz("kt-a", [d1, d3]), make_quiz("kt-b", [d2])]
    people = [EmployeeFactory(unit=unit, start_date=rng.choice([None, D(2024, 1, 1), D(2024, 8, 1), D(2024, 11, 15)]),
                              left_date=rng.choice([None, None, None, D(2024, 9, 1)])) for _ in range(30)]
    for person in people:
        for session in rng.sample(sessions, rng.randint(0, 2)):
            attend(session, person, status=rng.choice(["present", "late", "absent"]))
        for quiz in rng.sample(quizzes, rng.randint(0, 2)):
            take_quiz(quiz, person, rng.choice(dates), passed=rng.random() < 0.7)
        for directive in rng.sample([d1, d2, d3], rng.randint(0, 2)):
            manual(person, directive, rng.choice(dates))
        if rng.random() < 0.1:
            exempt(campaign, person)
    # A second campaign starting later over two of the same directives: one person's evidence is
    # read once for both, and each campaign must still see only its own window.
    later = make_campaign(agency, [d3, d2], slug="chuyen-de-2024", start=D(2024, 6, 1), due=D(2024, 11, 30))
    expected = {}
    for each in (campaign, later):
        for r in compliance_table(campaign=each, as_of=as_of).itertuples(index=False):
            expected[(each.pk, r.employee_id, r.directive_id)] = (r.status, r.evidence, r.evidence_date)
    found = {}
    for person in people:
        for status in employee_campaign_status(employee=person, as_of=as_of):
            for item in status.items:
                found[(status.campaign.pk, person.pk, item.directive.pk)] = (item.status, item.evidence, item.evidence_date)
    assert found == expected
    assert len({s for s, _, _ in expected.values()}) >= 3  # the world really is varied
