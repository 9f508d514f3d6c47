"""Figures for the dashboards, the weekly summary and the live target, derived from the one
compliance table (`learning.selectors.compliance.compliance_table`) — never from their own
status rules. Every function here takes or returns a pandas DataFrame built from one bulk query.

The figures themselves (the person roll-up, the summary family and the two named rates) come
from `learning.selectors.summaries`; this module scopes the table to the reader and shapes it for
the screens (tree order of units, trend by week, the people list).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from django.utils import timezone

from learning.models import Campaign
from learning.selectors.campaigns import visible_campaigns
from learning.selectors.compliance import compliance_table
from learning.selectors.kept import kept_by_requirement, kept_by_unit, kept_fresh, kept_summary
from learning.selectors.summaries import GROUP_COLUMNS, Summary, group_summary, person_rollup, rate
from learning.statuses import DONE_STATUSES, EXEMPT, STATUSES
from org.models import Employee, OrgUnit
from org.selectors.access import employee_of, is_hr, visible_units

# --- scope and filters -----------------------------------------------------------------------


def scope_unit(user) -> OrgUnit | None:
    """The unit whose subtree `user` is limited to: None for HR/superusers (the whole agency)."""
    if getattr(user, "is_superuser", False) or is_hr(user):
        return None
    employee = employee_of(user)
    return employee.unit if employee else None


def scoped_table(*, user, campaign: Campaign, as_of: dt.date | None = None, unit: OrgUnit | None = None) -> pd.DataFrame:
    """The compliance table of `campaign` limited to what `user` may see (and to `unit`, which
    must be visible to them; a unit outside their scope gives an empty table)."""
    visible_paths = list(visible_units(user).values_list("path", flat=True))
    if not visible_paths:
        return compliance_table(campaign=campaign, as_of=as_of).iloc[0:0]
    limit = unit or scope_unit(user)
    table = compliance_table(campaign=campaign, as_of=as_of, unit=limit)
    if limit is not None and not any(limit.path.startswith(p) for p in visible_paths):
        return table.iloc[0:0]
    head = scope_unit(user)
    if head is not None:
        table = table[table["unit_path"].str.startswith(head.path)]
    return table


def kept_answers(*, campaign: Campaign, as_of: dt.date) -> bool:
    """Whether today's kept statuses answer for this date (docs/compliance.md "Kept statuses"):
    the figures of today read the kept rows; any other date is computed from the evidence."""
    return as_of == timezone.localdate() and kept_fresh(campaign=campaign, day=as_of)


def kept_scope(*, user, unit: OrgUnit | None = None) -> list[OrgUnit] | None:
    """The subtrees the kept figures of `user` are limited to (`scoped_table`'s scope: `unit` and,
    for a unit head, their own unit), or None when `user` may see none of it."""
    visible_paths = list(visible_units(user).values_list("path", flat=True))
    limit = unit or scope_unit(user)
    if not visible_paths or (limit is not None and not any(limit.path.startswith(p) for p in visible_paths)):
        return None
    head = scope_unit(user)
    return list({u.pk: u for u in (limit, head) if u is not None}.values())


def scoped_summary(*, user, campaign: Campaign, unit: OrgUnit | None = None, category: str | None = None,
                   within=...) -> Summary:
    """Today's `summary` of what `user` may see, from the kept statuses (see `kept_answers`);
    `within`: `kept_scope(user=user, unit=unit)` when the caller has it already."""
    within = kept_scope(user=user, unit=unit) if within is ... else within
    if within is None:
        return Summary()
    return kept_summary(campaign=campaign, within=within, category=category)


def scoped_by_unit(*, user, campaign: Campaign, unit: OrgUnit | None = None, category: str | None = None,
                   within=...) -> pd.DataFrame:
    """Today's `by_unit` of what `user` may see, from the kept statuses (see `kept_answers`)."""
    within = kept_scope(user=user, unit=unit) if within is ... else within
    if within is None:
        return pd.DataFrame(columns=["unit_id", "unit", "unit_path", *GROUP_COLUMNS])
    return kept_by_unit(campaign=campaign, within=within, category=category)


def scoped_by_requirement(*, user, campaign: Campaign, unit: OrgUnit | None = None,
                          category: str | None = None, within=...) -> pd.DataFrame:
    """Today's `by_requirement` of what `user` may see, from the kept statuses (see `kept_answers`)."""
    within = kept_scope(user=user, unit=unit) if within is ... else within
    if within is None:
        return pd.DataFrame(columns=["requirement_id", "requirement", *GROUP_COLUMNS])
    return kept_by_requirement(campaign=campaign, within=within, category=category)


def summary_of_units(units: pd.DataFrame) -> Summary:
    """The `Summary` of a `by_unit` frame: each person counts in exactly one unit, so every figure
    of the whole is the sum of the units' (one query less than asking again)."""
    names = ["people", "exempt_people", "done_people", "overdue_people", "rows", *STATUSES]
    return Summary(**{name: int(units[name].sum()) if len(units) else 0 for name in names})


def filter_table(table: pd.DataFrame, *, category: str | None = None, status: str | None = None,
                 requirement_id: int | None = None) -> pd.DataFrame:
    if category:
        table = table[table["category"] == category]
    if requirement_id:
        table = table[table["requirement_id"] == int(requirement_id)]
    if status:
        table = table[table["status"] == status]
    return table


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows for a template: NaN (a rate where nothing counts) becomes None, shown as "—"."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


# --- aggregates --------------------------------------------------------------------------------


def by_unit(table: pd.DataFrame) -> pd.DataFrame:
    """The summary family per unit (the unit each person belongs to), in the order of the unit tree."""
    return group_summary(table, ["unit_id", "unit", "unit_path"]).sort_values("unit_path").reset_index(drop=True)


def by_requirement(table: pd.DataFrame) -> pd.DataFrame:
    """The summary family per requirement, in the campaign's order."""
    return group_summary(table, ["requirement_id", "requirement"])


def people_list(table: pd.DataFrame, *, status: str | None = None) -> pd.DataFrame:
    """The person roll-up in tree order; with `status`, only people having at least one
    requirement in that state."""
    people = person_rollup(table)
    if status and len(people):
        has = table.loc[table["status"] == status, "employee_id"].unique()
        people = people[people["employee_id"].isin(has)]
    return people.sort_values(["unit_path", "employee_code"]).reset_index(drop=True)


# --- trend ---------------------------------------------------------------------------------------


def week_dates(campaign: Campaign, as_of: dt.date) -> list[dt.date]:
    """Weekly as-of dates from the campaign start (start + 6, + 13, …) up to `as_of`, ending at `as_of`."""
    end = as_of
    dates = []
    day = campaign.start + dt.timedelta(days=6)
    while day < end:
        dates.append(day)
        day += dt.timedelta(days=7)
    dates.append(end)
    return dates


def trend(table: pd.DataFrame, dates: list[dt.date]) -> pd.DataFrame:
    """Completion % at each date of `dates`, from the table computed at the last date.

    The earliest counting evidence of a row is what the table reports, so a row was done at an
    earlier date T exactly when its evidence date ≤ T: one table and a cumulative count replace
    one full computation per week. The audience and exemptions are those of the last date.
    """
    columns = ["as_of", "done", "total", "rows_rate", "done_people", "people", "people_rate"]
    if table.empty or not dates:
        empty = {"done": 0, "total": 0, "rows_rate": None, "done_people": 0, "people": 0, "people_rate": None}
        return pd.DataFrame({"as_of": dates, **{c: [empty[c]] * len(dates) for c in columns[1:]}}, columns=columns)
    counted = table[table["status"] != EXEMPT]
    # Timestamps throughout (NaT where not done): comparisons stay valid when no row has evidence.
    evidence = pd.to_datetime(counted["evidence_date"].where(counted["status"].isin(DONE_STATUSES)),
                              errors="coerce")
    person_last = evidence.groupby(counted["employee_id"]).max()
    person_all = evidence.notna().groupby(counted["employee_id"]).all()
    person_done_on = person_last.where(person_all)
    total, people = len(counted), len(person_all)
    rows = []
    for day in dates:
        stamp = pd.Timestamp(day)
        done = int((evidence <= stamp).sum())
        done_people = int((person_done_on <= stamp).sum())
        rows.append({
            "as_of": day, "done": done, "total": total, "rows_rate": rate(done, total),
            "done_people": done_people, "people": people, "people_rate": rate(done_people, people),
        })
    return pd.DataFrame(rows, columns=columns)


def current_campaign(user, today: dt.date) -> Campaign | None:
    """The campaign the home panel shows: the latest one already started, else the next one."""
    campaigns = visible_campaigns(user)
    return campaigns.filter(start__lte=today).order_by("-start").first() or campaigns.order_by("start").first()


def employees_by_id(ids) -> dict[int, Employee]:
    return Employee.objects.select_related("user", "unit").in_bulk(list(ids))
