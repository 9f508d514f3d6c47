"""The one person roll-up and the one summary family (learning.selectors.summaries): the two
named rates, None (never 0) when nothing counts, and groups that add up to the whole."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from learning.selectors.compliance import compliance_table
from learning.selectors.summaries import group_summary, person_rollup, summary
from tests.factories import EmployeeFactory, make_agency, make_unit
from tests.learning.compliance_helpers import exempt, make_campaign, make_directive, manual

D = dt.date


@pytest.fixture
def world(db):
    agency = make_agency()
    unit = make_unit(agency, "VP", "Văn phòng Sở")
    d1, d2 = make_directive("23-QĐ/TW"), make_directive("33/CT-TTg")
    campaign = make_campaign(agency, [d1, d2])
    return agency, unit, campaign, d1, d2


def test_both_rates_and_the_counts_of_each_status(world):
    agency, unit, campaign, d1, d2 = world
    a, b, c = (EmployeeFactory(unit=unit) for _ in range(3))
    manual(a, d1, D(2024, 5, 5))
    manual(a, d2, D(2024, 5, 6))
    manual(b, d1, D(2024, 11, 5))
    exempt(campaign, c)
    table = compliance_table(campaign=campaign, as_of=D(2024, 12, 1))
    figures = summary(table)
    assert (figures.people, figures.exempt_people, figures.counted_people, figures.done_people) == (3, 1, 2, 1)
    assert figures.people_rate == 50.0  # a of a and b
    assert (figures.rows, figures.exempt, figures.counted_rows, figures.done_rows) == (6, 2, 4, 3)
    assert figures.rows_rate == 75.0  # a×2 and b×1 of 4 counted rows
    assert (figures.completed, figures.completed_late, figures.overdue) == (2, 1, 1)
    by_requirement = group_summary(table, ["requirement"]).set_index("requirement")
    assert by_requirement.loc[d1.number, "rows_rate"] == 100.0 and by_requirement.loc[d2.number, "rows_rate"] == 50.0
    assert by_requirement.loc[d1.number, "completed_late"] == 1 and by_requirement.loc[d2.number, "exempt"] == 1


def test_nothing_counts_gives_no_rate_rather_than_zero(world):
    agency, unit, campaign, d1, d2 = world
    exempt(campaign, EmployeeFactory(unit=unit))
    table = compliance_table(campaign=campaign, as_of=D(2024, 6, 1))
    figures = summary(table)
    assert figures.people == 1 and figures.counted_people == 0
    assert figures.people_rate is None and figures.rows_rate is None
    row = group_summary(table, ["unit"]).iloc[0]
    assert pd.isna(row["people_rate"]) and pd.isna(row["rows_rate"])
    assert summary(table.iloc[0:0]).people_rate is None


def test_groups_add_up_to_the_whole(world):
    agency, unit, campaign, d1, d2 = world
    other = make_unit(agency, "TT", "Thanh tra Sở")
    people = [EmployeeFactory(unit=unit) for _ in range(3)] + [EmployeeFactory(unit=other) for _ in range(2)]
    manual(people[0], d1, D(2024, 5, 5))
    manual(people[3], d1, D(2024, 5, 5))
    manual(people[3], d2, D(2024, 5, 5))
    exempt(campaign, people[4])
    table = compliance_table(campaign=campaign, as_of=D(2024, 6, 1))
    groups = group_summary(table, ["unit"])
    whole = summary(table)
    for column in ("people", "exempt_people", "done_people", "rows", "completed", "pending", "exempt"):
        assert groups[column].sum() == getattr(whole, column), column


def test_person_rollup_gives_one_status_per_person():
    rows = []
    cases = {1: ["completed", "completed"], 2: ["completed", "completed_late"], 3: ["completed", "pending"],
             4: ["completed", "overdue"], 5: ["exempt", "exempt"]}
    for employee_id, statuses in cases.items():
        for status in statuses:
            rows.append({"employee_id": employee_id, "employee_code": f"NV{employee_id}", "full_name": "A",
                         "unit_id": 1, "unit": "VP", "unit_path": "0001", "category": "cong_chuc",
                         "requirement": "23-QĐ/TW", "status": status})
    people = person_rollup(pd.DataFrame(rows)).set_index("employee_id")
    assert people["status"].to_dict() == {1: "completed", 2: "completed_late", 3: "pending", 4: "overdue",
                                          5: "exempt"}
    assert people["done"].to_dict() == {1: 2, 2: 2, 3: 1, 4: 1, 5: 0}
    assert set(people["total"]) == {2}
