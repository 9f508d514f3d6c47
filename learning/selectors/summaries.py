"""Figures from one compliance table (`compliance_table`): the one person roll-up and the one
summary family that every screen, export and e-mail uses — never a status rule of their own.

A row is one (person in the audience, requirement); it is *done* when `completed` or
`completed_late`. A person is exempt when their rows are exempt (an exemption is per campaign),
*done* when every requirement is done. Counts never include what is exempt in a denominator:
- people_rate = done_people / (people − exempt_people)  ("Tỷ lệ người hoàn thành")
- rows_rate = done_rows / (rows − exempt rows)          ("Tỷ lệ lượt văn bản hoàn thành")
Rates are percentages, unrounded, and None (NaN in frames) when nothing counts: a screen shows
"—", never 0%.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

import pandas as pd

from learning.statuses import COMPLETED, COMPLETED_LATE, DONE_STATUSES, EXEMPT, OVERDUE, PENDING, STATUSES
from org.models import OrgUnit

GROUP_COLUMNS = ["people", "exempt_people", "counted_people", "done_people", "overdue_people", "rows",
                 *STATUSES, "counted_rows", "done_rows", "people_rate", "rows_rate"]


@dataclass(frozen=True)
class Summary:
    people: int = 0
    exempt_people: int = 0
    done_people: int = 0
    overdue_people: int = 0
    rows: int = 0
    completed: int = 0
    completed_late: int = 0
    pending: int = 0
    overdue: int = 0
    exempt: int = 0  # exempt rows

    @property
    def counted_people(self) -> int:
        return self.people - self.exempt_people

    @property
    def counted_rows(self) -> int:
        return self.rows - self.exempt

    @property
    def done_rows(self) -> int:
        return self.completed + self.completed_late

    @property
    def people_rate(self) -> float | None:
        return rate(self.done_people, self.counted_people)

    @property
    def rows_rate(self) -> float | None:
        return rate(self.done_rows, self.counted_rows)

    def __add__(self, other: Summary) -> Summary:
        """The figures of two tables of different people together (slices of one table)."""
        return Summary(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


def rate(part: int, whole: int) -> float | None:
    return 100.0 * part / whole if whole else None


def with_flags(table: pd.DataFrame) -> pd.DataFrame:
    """The table with boolean columns done/exempt/pending/overdue, computed once and reused by every
    figure below (callers holding a big table pass it through this first)."""
    if "done" in table.columns:
        return table
    status = table["status"]
    return table.assign(done=status.isin(DONE_STATUSES), exempt=status == EXEMPT, pending=status == PENDING,
                        overdue=status == OVERDUE, late=status == COMPLETED_LATE)


def person_rollup(table: pd.DataFrame) -> pd.DataFrame:
    """One row per person, in the table's order: who they are, `done`/`total` requirements, the
    flags `exempt`, `done_all`, `overdue_any`, the lists of overdue and pending requirements, and one
    `status`: exempt, else completed(_late) when all are done, else overdue when any is, else pending."""
    columns = ["employee_id", "employee_code", "full_name", "unit_id", "unit", "unit_path", "category", "done",
               "total", "exempt", "done_all", "overdue_any", "overdue_list", "pending_list", "status"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    flags = with_flags(table)
    grouped = flags.groupby("employee_id", sort=False)
    people = grouped.agg(
        employee_code=("employee_code", "first"), full_name=("full_name", "first"), unit_id=("unit_id", "first"),
        unit=("unit", "first"), unit_path=("unit_path", "first"), category=("category", "first"),
        done=("done", "sum"), total=("status", "size"), exempt=("exempt", "all"), done_all=("done", "all"),
        overdue_any=("overdue", "any"), late_any=("late", "any"),
    )
    # One vectorised join per state (no Python call per person): 100,000 people stay fast.
    for state in ("overdue", "pending"):
        joined = flags[flags[state]].groupby("employee_id", sort=False)["requirement"].agg(", ".join)
        people[f"{state}_list"] = joined.reindex(people.index).fillna("")
    people["done"] = people["done"].astype(int)
    status = pd.Series(PENDING, index=people.index, dtype=object)
    status[people["overdue_any"]] = OVERDUE
    status[people["done_all"]] = COMPLETED
    status[people["done_all"] & people["late_any"]] = COMPLETED_LATE
    status[people["exempt"]] = EXEMPT
    people["status"] = status
    return people.reset_index()[columns]


def summary(table: pd.DataFrame) -> Summary:
    """The headline figures of a table."""
    if table.empty:
        return Summary()
    # Only the per-person flags (not `person_rollup`'s names and requirement lists, which cost most
    # of its time on a table of 1.9 million rows).
    people = with_flags(table).groupby("employee_id", sort=False).agg(
        exempt=("exempt", "all"), done_all=("done", "all"), overdue_any=("overdue", "any"))
    counts = table["status"].value_counts()
    return Summary(
        people=len(people),
        exempt_people=int(people["exempt"].sum()),
        done_people=int((people["done_all"] & ~people["exempt"]).sum()),
        overdue_people=int(people["overdue_any"].sum()),
        rows=len(table),
        **{status: int(counts.get(status, 0)) for status in STATUSES},
    )


def group_summary(table: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The same figures per group of `keys` (in the order groups first appear in the table)."""
    if table.empty:
        return pd.DataFrame(columns=[*keys, *GROUP_COLUMNS])
    flags = with_flags(table)
    rows = _row_counts(flags, keys)
    people = flags.groupby([*keys, "employee_id"], sort=False).agg(
        exempt=("exempt", "all"), done=("done", "all"), overdue=("overdue", "any"),
    ).reset_index()
    people["done_counted"] = people["done"] & ~people["exempt"]
    per_group = people.groupby(keys, sort=False).agg(
        people=("employee_id", "size"), exempt_people=("exempt", "sum"), done_people=("done_counted", "sum"),
        overdue_people=("overdue", "sum"),
    )
    out = per_group.join(rows)
    return _with_rates(out, keys)


def _with_rates(out: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The counted, done and rate columns from the additive counts (indexed by `keys`): one
    arithmetic for a whole table and for summed slices, hence the same floats."""
    out["counted_people"] = out["people"] - out["exempt_people"]
    out["counted_rows"] = out["rows"] - out[EXEMPT]
    out["done_rows"] = out[COMPLETED] + out[COMPLETED_LATE]
    out["people_rate"] = 100.0 * out["done_people"] / out["counted_people"].where(out["counted_people"] > 0)
    out["rows_rate"] = 100.0 * out["done_rows"] / out["counted_rows"].where(out["counted_rows"] > 0)
    out = out.reset_index()
    for column in GROUP_COLUMNS[:-2]:
        out[column] = out[column].astype(int)
    return out[[*keys, *GROUP_COLUMNS]]


def _row_counts(flags: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    counts = pd.crosstab([flags[key] for key in keys], flags["status"])
    counts = counts.reindex(columns=list(STATUSES), fill_value=0)
    counts["rows"] = counts[list(STATUSES)].sum(axis=1)
    counts.columns.name = None
    return counts


def unit_requirement_rates(table: pd.DataFrame) -> pd.DataFrame:
    """rows_rate per unit (index unit_id) × requirement (columns, in campaign order)."""
    return rates_by_unit(group_summary(table, ["unit_id", "requirement"]), list(dict.fromkeys(table["requirement"])))


def rates_by_unit(figures: pd.DataFrame, requirements: list) -> pd.DataFrame:
    """`unit_requirement_rates` from the group figures by ["unit_id", "requirement"]."""
    return figures.pivot(index="unit_id", columns="requirement", values="rows_rate").reindex(columns=requirements)


# The department of a row: its unit's ancestor at depth 2 (the unit itself above that depth).
TOP_PATH = "top_path"
ADDITIVE_COLUMNS = ["people", "exempt_people", "done_people", "overdue_people", "rows", *STATUSES]


class TableFigures:
    """`summary` and `group_summary` of a table given slice by slice (`add`), each slice holding
    whole people (`compliance_table_slices`): a person's rows, hence their per-person flags, are all
    in one slice, so every figure is a sum over the slices and the table is never whole (1.9 million
    rows at 100,000 staff). Groups keep the order of their first row in the table, as
    `group_summary` does; a grouping by `TOP_PATH` gets that column derived from `unit_path`."""

    def __init__(self, *groupings: tuple[str, ...]):
        self.overall = Summary()
        self._parts: dict[tuple[str, ...], list[pd.DataFrame]] = {tuple(keys): [] for keys in groupings}
        self._combined: dict[tuple[str, ...], pd.DataFrame] = {}
        self._first_codes: list[pd.Series] = []  # per slice: the least employee code of each department

    @classmethod
    def of(cls, slices: Iterable[pd.DataFrame], *groupings: tuple[str, ...]) -> TableFigures:
        figures = cls(*groupings)
        for part in slices:
            figures.add(part)
        return figures

    def add(self, part: pd.DataFrame) -> None:
        if part.empty:
            return
        flags = with_flags(part)
        if any(TOP_PATH in keys for keys in self._parts):
            flags = flags.assign(**{TOP_PATH: flags["unit_path"].str.slice(0, OrgUnit.steplen * 2)})
            self._first_codes.append(flags.groupby(TOP_PATH, sort=False)["employee_code"].min())
        self.overall = self.overall + summary(flags)
        for keys, found in self._parts.items():
            found.append(group_summary(flags, list(keys)))
        self._combined.clear()

    @property
    def empty(self) -> bool:
        return self.overall.rows == 0

    def group(self, *keys: str) -> pd.DataFrame:
        """`group_summary(table, keys)` (a grouping given when this was made)."""
        if keys not in self._combined:
            self._combined[keys] = _combined(self._parts[keys], list(keys))
        return self._combined[keys]

    def departments(self) -> pd.DataFrame:
        """`group_summary(rolled_up(table, depth=2), ["unit_id", "unit"])` (needs the grouping by
        `TOP_PATH`): the departments' figures, ordered as their first row in the rolled-up table,
        sorted by unit name then employee code — by name, then by least employee code."""
        figures = self.group(TOP_PATH)
        if figures.empty:
            return pd.DataFrame(columns=["unit_id", "unit", *GROUP_COLUMNS])
        paths = figures[TOP_PATH]
        ancestors = dict(OrgUnit.objects.filter(path__in=paths.tolist()).values_list("path", "id"))
        names = dict(OrgUnit.objects.filter(path__in=list(ancestors)).values_list("path", "name"))
        codes = pd.concat(self._first_codes).groupby(level=0).min()
        out = figures.assign(unit_id=paths.map(ancestors), unit=paths.map(names), code=paths.map(codes))
        out = out[out["unit_id"].notna()].sort_values(["unit", "code"], kind="stable", ignore_index=True)
        return out.astype({"unit_id": "int64"})[["unit_id", "unit", *GROUP_COLUMNS]]

    def requirements(self) -> list:
        """The table's distinct requirements (numbers) in campaign order (needs the grouping by requirement)."""
        return self.group("requirement")["requirement"].tolist()


def _combined(parts: list[pd.DataFrame], keys: list[str]) -> pd.DataFrame:
    """The group figures of consecutive slices as one table's: counts summed per group, rates
    computed again from the sums (the same arithmetic as `group_summary`, hence the same floats)."""
    if not parts:
        return pd.DataFrame(columns=[*keys, *GROUP_COLUMNS])
    if len(parts) == 1:
        return parts[0]
    out = pd.concat(parts, ignore_index=True).groupby(keys, sort=False)[ADDITIVE_COLUMNS].sum()
    return _with_rates(out, keys)


def rolled_up(table: pd.DataFrame, *, depth: int) -> pd.DataFrame:
    """The table with each person's unit replaced by its ancestor at `depth` (2 = the agency's
    departments; units above that depth stay as they are), sorted again by unit name."""
    if table.empty:
        return table
    cut = OrgUnit.steplen * depth
    paths = table["unit_path"].str.slice(0, cut)
    ancestors = dict(OrgUnit.objects.filter(path__in=paths.unique().tolist()).values_list("path", "id"))
    names = dict(OrgUnit.objects.filter(path__in=list(ancestors)).values_list("path", "name"))
    out = table.assign(unit_path=paths, unit_id=paths.map(ancestors), unit=paths.map(names))
    return out.sort_values(["unit", "employee_code", "requirement_order"], kind="stable", ignore_index=True)


# Rows per slice of the xlsx, the PDF report and the annual report: each slice's figures cost a few
# pandas group-bys whatever its size, so slices four times the CSV's (≈ 10 slices at 100,000 staff,
# a few tens of MiB each).
REPORT_SLICE_ROWS = 200_000
# What the PDF report and the annual report show: units, departments, requirements, overall.
REPORT_GROUPINGS = (("unit_id", "unit"), ("requirement",), ("unit_path",), (TOP_PATH,), ("directive_id", "requirement"))


def report_figures(slices: Iterable[pd.DataFrame]) -> TableFigures:
    """The figures of the PDF report and the annual report, from a table's slices of whole people."""
    return TableFigures.of(slices, *REPORT_GROUPINGS)
