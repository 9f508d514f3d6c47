"""The province's figures for one province-wide campaign (same slug in every agency): per agency,
per agency × directive, the trend, and one agency's units — all aggregates, from the one
compliance rule (`compliance_tables` / `compliance_table`) and the one summary family
(`group_summary`). No names leave these functions: the province sees no personal data here
(Nghị định 13/2023/NĐ-CP); person-level rows need an agency's grant (org.selectors.access).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from learning.models import Requirement
from learning.selectors.compliance import compliance_table, compliance_tables
from learning.selectors.kept import kept_by_requirement, kept_by_unit, kept_trend
from learning.selectors.province import province_campaigns
from learning.selectors.summaries import GROUP_COLUMNS, group_summary, rate, rolled_up
from learning.statuses import COMPLETED, COMPLETED_LATE, EXEMPT, OVERDUE, PENDING, STATUSES
from org.models import Province
from reports.models import AnnualReport, ScoringDossier, Submission
from reports.selectors.dashboard import by_unit, kept_answers, trend

# docs/contract.md "Province": the CSV of province_report.
PROVINCE_CSV_COLUMNS = ["agency_code", "agency", "audience", "exempt", "completed", "completed_late", "pending",
                        "overdue", "people_completed", "people_rate"]
AGENCY_COLUMNS = ["agency_id", "agency_code", "agency", "adopted", "people", "exempt_people", "counted_people",
                  "done_people", "overdue_people", "rows", COMPLETED, COMPLETED_LATE, PENDING, OVERDUE, EXEMPT,
                  "counted_rows", "done_rows", "people_rate", "rows_rate"]


def province_table(*, province: Province, slug: str, as_of: dt.date | None = None) -> pd.DataFrame:
    """The lean compliance rows (no names) of campaign `slug` in every agency of the province."""
    campaigns = [campaign for _, campaign in province_campaigns(province=province, slug=slug) if campaign]
    return compliance_tables(campaigns=campaigns, as_of=as_of)


def by_agency(*, province: Province, slug: str, table: pd.DataFrame) -> pd.DataFrame:
    """One row per agency of the province, by agency code: the summary family (both named rates);
    an agency without the campaign has zeros and no rate (`adopted` False)."""
    figures = group_summary(table, ["agency_id"]).set_index("agency_id") if len(table) else None
    return _agency_rows(province=province, slug=slug, figures=figures)


def _agency_rows(*, province: Province, slug: str, figures: pd.DataFrame | None) -> pd.DataFrame:
    """`by_agency` from the summary family per agency (`figures`, indexed by agency id)."""
    pairs = province_campaigns(province=province, slug=slug)
    rows = []
    for agency, campaign in pairs:
        row = {"agency_id": agency.pk, "agency_code": agency.code, "agency": agency.name,
               "adopted": campaign is not None}
        if figures is not None and agency.pk in figures.index:
            row.update(figures.loc[agency.pk].to_dict())
        rows.append(row)
    out = pd.DataFrame(rows).reindex(columns=AGENCY_COLUMNS)
    counts = [c for c in AGENCY_COLUMNS[4:-2]]
    out[counts] = out[counts].fillna(0).astype(int)
    return out


def province_csv_frame(figures: pd.DataFrame) -> pd.DataFrame:
    """The contract CSV: audience and exempt count people, the status columns count (person,
    requirement) rows, people_rate with one decimal (empty when nobody must study)."""
    out = pd.DataFrame({
        "agency_code": figures["agency_code"], "agency": figures["agency"], "audience": figures["people"],
        "exempt": figures["exempt_people"], COMPLETED: figures[COMPLETED], COMPLETED_LATE: figures[COMPLETED_LATE],
        PENDING: figures[PENDING], OVERDUE: figures[OVERDUE], "people_completed": figures["done_people"],
        "people_rate": [f"{value:.1f}" if pd.notna(value) else "" for value in figures["people_rate"]],
    })
    return out[PROVINCE_CSV_COLUMNS]


def by_agency_directive(table: pd.DataFrame) -> pd.DataFrame:
    """Per agency × directive (in requirement order): the status counts and Tỷ lệ lượt văn bản hoàn
    thành. Each person has exactly one row per requirement, so a (agency, directive) group's people
    figures are its row figures: one grouped count replaces `group_summary`'s per-person pass (which
    at 100,000 people × 19 directives costs seconds for the same numbers)."""
    columns = ["agency_id", "requirement_order", "requirement", *STATUSES, "rows", "counted_rows", "done_rows",
               "rows_rate"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    counts = (table.groupby(["agency_id", "requirement_order", "requirement", "status"], sort=True).size()
              .unstack("status", fill_value=0).reindex(columns=list(STATUSES), fill_value=0))
    counts.columns.name = None
    counts["rows"] = counts[list(STATUSES)].sum(axis=1)
    counts["counted_rows"] = counts["rows"] - counts[EXEMPT]
    counts["done_rows"] = counts[COMPLETED] + counts[COMPLETED_LATE]
    counts["rows_rate"] = 100.0 * counts["done_rows"] / counts["counted_rows"].where(counts["counted_rows"] > 0)
    return counts.reset_index()[columns]


def province_trend(table: pd.DataFrame, *, start: dt.date, as_of: dt.date) -> pd.DataFrame:
    """Both rates of the whole province at each month end from the campaign start to `as_of`
    (the dashboard's trend rule: a row was done at T when its evidence is dated ≤ T)."""
    return trend(table, month_ends(start, as_of))


def month_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    days = []
    year, month = start.year, start.month
    while True:
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        last = following - dt.timedelta(days=1)
        if last >= end:
            break
        days.append(last)
        year, month = following.year, following.month
    days.append(end)
    return days


def agency_units(*, campaign, as_of: dt.date | None = None) -> pd.DataFrame:
    """One agency's departments (people rolled up to depth 2) with the summary family: aggregates
    only, the names of people are dropped here."""
    as_of = as_of or timezone.localdate()
    if kept_answers(campaign=campaign, as_of=as_of):  # today: the kept statuses, no computation
        return kept_by_unit(campaign=campaign, today=as_of, depth=2)
    table = compliance_table(campaign=campaign, as_of=as_of)
    figures = by_unit(rolled_up(table, depth=2))
    return figures


# --- the province dashboard --------------------------------------------------------------------

DASHBOARD_CACHE_SECONDS = 300


def province_dashboard(*, province: Province, slug: str, as_of: dt.date) -> dict:
    """Everything the province dashboard shows for one campaign and day, computed from one
    province table and cached a few minutes in the shared cache (aggregates only, no person data:
    every officer of the province may share them)."""
    key = f"province:dashboard:v1:{province.pk}:{slug}:{as_of.isoformat()}"
    found = cache.get(key)
    if found is not None:
        return found
    campaigns = [c for _, c in province_campaigns(province=province, slug=slug) if c is not None]
    start = min((c.start for c in campaigns), default=as_of)
    if campaigns and all(kept_answers(campaign=c, as_of=as_of) for c in campaigns):
        figures = _kept_figures(province=province, slug=slug, campaigns=campaigns, start=start, as_of=as_of)
    else:
        table = province_table(province=province, slug=slug, as_of=as_of)
        figures = {
            "agencies": by_agency(province=province, slug=slug, table=table),
            "directives": by_agency_directive(table),
            "trend": province_trend(table, start=start, as_of=as_of) if len(table) else None,
            "requirements": list(dict.fromkeys(table.sort_values("requirement_order", kind="stable")["requirement"]))
            if len(table) else [],
        }
    figures.update(due=max((c.due for c in campaigns), default=None), title=campaigns[0].title if campaigns else slug)
    cache.set(key, figures, DASHBOARD_CACHE_SECONDS)
    return figures


def _kept_figures(*, province: Province, slug: str, campaigns: list, start: dt.date, as_of: dt.date) -> dict:
    """`province_dashboard`'s figures of today from each agency's kept counters, no computation: per
    agency its root unit's summary family, per agency × directive its requirements' counts, the
    trend summed over the agencies (every figure of it adds up), the directives in requirement
    order as the computation lists them."""
    dates = month_ends(start, as_of)
    summaries, directives, trends, labels = [], [], [], {}
    for campaign in campaigns:
        whole = kept_by_unit(campaign=campaign, today=as_of, depth=1)  # the agency is its tree's root
        if whole.empty:  # nobody to study: no rows in the computation either
            continue
        summaries.append(whole.assign(agency_id=campaign.agency_id))
        order = {pk: n for n, pk in enumerate(Requirement.objects.filter(campaign=campaign).order_by("order", "id")
                                              .values_list("pk", flat=True))}
        cells = kept_by_requirement(campaign=campaign, today=as_of)
        cells = cells.assign(agency_id=campaign.agency_id, requirement_order=cells["requirement_id"].map(order))
        directives.append(cells)
        for position, label in zip(cells["requirement_order"], cells["requirement"], strict=True):
            labels.setdefault(int(position), []).append(label)
        trends.append(kept_trend(campaign=campaign, dates=dates))
    if not summaries:
        return {"agencies": _agency_rows(province=province, slug=slug, figures=None),
                "directives": by_agency_directive(pd.DataFrame()), "trend": None, "requirements": []}
    figures = pd.concat(summaries, ignore_index=True).set_index("agency_id")[GROUP_COLUMNS]
    columns = ["agency_id", "requirement_order", "requirement", *STATUSES, "rows", "counted_rows", "done_rows",
               "rows_rate"]
    matrix = pd.concat(directives, ignore_index=True).astype({"requirement_order": "int64"}).sort_values(
        ["agency_id", "requirement_order", "requirement"], ignore_index=True)[columns]
    summed = sum(frame[["done", "total", "done_people", "people"]] for frame in trends)
    months = pd.DataFrame({"as_of": dates, **{name: summed[name].astype(int) for name in summed.columns}})
    months["rows_rate"] = [rate(done, total) for done, total in zip(months["done"], months["total"], strict=True)]
    months["people_rate"] = [rate(done, people) for done, people in
                             zip(months["done_people"], months["people"], strict=True)]
    return {
        "agencies": _agency_rows(province=province, slug=slug, figures=figures), "directives": matrix,
        "trend": months[["as_of", "done", "total", "rows_rate", "done_people", "people", "people_rate"]],
        "requirements": list(dict.fromkeys(label for position in sorted(labels) for label in labels[position])),
    }


def ranked(agencies: pd.DataFrame, by: str) -> pd.DataFrame:
    """Agencies that adopted the campaign, lowest completion first (`by="completion"`) or most
    overdue rows first (`by="overdue"`); ties by agency code."""
    adopted = agencies[agencies["adopted"]]
    if by == "overdue":
        return adopted.sort_values([OVERDUE, "agency_code"], ascending=[False, True], kind="stable")
    return adopted.assign(_rate=adopted["people_rate"].fillna(-1)).sort_values(
        ["_rate", "agency_code"], kind="stable").drop(columns="_rate")


def directive_matrix(figures: dict) -> list[dict]:
    """Rows for the agency × directive table: per agency, its rates per requirement in order."""
    directives = figures["directives"]
    if directives is None or directives.empty:
        return []
    lookup = {(r["agency_id"], r["requirement"]): r for r in directives.to_dict("records")}
    rows = []
    for agency in figures["agencies"].to_dict("records"):
        cells = [lookup.get((agency["agency_id"], requirement)) for requirement in figures["requirements"]]
        rows.append({"agency": agency, "cells": cells})
    return rows


# --- deadlines: reports (01/11) and dossiers (15/11) ---------------------------------------------

ON_TIME, LATE, MISSING, NOT_DUE = "on_time", "late", "missing", "not_due"


def _state(done_on: dt.date | None, deadline: dt.date, today: dt.date) -> str:
    if done_on is not None:
        return ON_TIME if done_on <= deadline else LATE
    return MISSING if today > deadline else NOT_DUE


def province_deadlines(*, province: Province, slug: str, year: int, today: dt.date) -> list[dict]:
    """Per agency of the province: its annual report of campaign `slug` (issued = frozen, on or
    before the report deadline, 01/11 by configuration) and its scoring dossier of `year`
    (submitted on or before its own deadline, 15/11 by default). States: on_time, late (done after
    the deadline), missing (not done and the deadline passed), not_due."""
    day, month = settings.PROVINCE_DEADLINES["report"]
    report_deadline = dt.date(year, month, day)
    day, month = settings.PROVINCE_DEADLINES["dossier"]
    dossier_default = dt.date(year, month, day)
    pairs = province_campaigns(province=province, slug=slug)
    reports = {r.campaign_id: r for r in AnnualReport.objects.filter(
        campaign__in=[c for _, c in pairs if c is not None])}
    dossiers = {d.agency_id: d for d in ScoringDossier.objects.filter(agency__in=[a for a, _ in pairs], year=year)}
    # a dossier the province returned (open again) was still sent: its first sending counts
    first_sent = dict(Submission.objects.all_agencies().filter(agency__in=[a for a, _ in pairs], year=year)
                      .values_list("agency_id", "first_submitted_at"))
    rows = []
    for agency, campaign in pairs:
        report = reports.get(campaign.pk) if campaign is not None else None
        issued = timezone.localdate(report.frozen_at) if report is not None and report.frozen_at else None
        dossier = dossiers.get(agency.pk)
        deadline = dossier.deadline if dossier is not None else dossier_default
        submitted = (timezone.localdate(dossier.submitted_at) if dossier is not None and dossier.is_submitted
                     and dossier.submitted_at else None)
        if agency.pk in first_sent:
            submitted = timezone.localdate(first_sent[agency.pk])
        row = {"agency_id": agency.pk, "agency_code": agency.code, "agency": agency.name,
               "report_deadline": report_deadline, "report_on": issued,
               "report_state": _state(issued, report_deadline, today),
               "dossier_deadline": deadline, "dossier_on": submitted,
               "dossier_state": _state(submitted, deadline, today)}
        row["cells"] = [(row["report_state"], issued, report_deadline), (row["dossier_state"], submitted, deadline)]
        rows.append(row)
    return rows
