"""Keeping the statuses (issue 17, docs/compliance.md "Kept statuses"): every write that can change
a status ends by calling one of these inside its transaction, and they store what the one rule
(`learning.selectors.compliance`) computes — for the people touched (`compliance_table_of`) or for
the whole campaign (`compliance_table`). Nothing here decides a status.

Concurrency: each call locks the campaign's `KeptCampaign` row (campaigns in id order) before it
computes, so a second writer of the same campaign waits for the first to commit and then computes
from what the first wrote (PostgreSQL READ COMMITTED reads a new snapshot per statement): no update
is lost. SQLite serialises writers anyway.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from learning.models import Campaign, KeptCampaign, KeptPerson, KeptStatus
from learning.selectors.compliance import compliance_horizon, compliance_table, compliance_table_of
from learning.selectors.kept import KEPT_COLUMNS, kept_table
from learning.statuses import EXEMPT
from org.models import Employee

# Above this many people a refresh recomputes the whole campaign: one pass costs less than a long
# list of ids (a roster import of the whole agency).
REFRESH_LIMIT = 2000
BATCH = 5000


def _day(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def _doomed() -> bool:
    """The writer's transaction is marked for rollback (a dry run): nothing of it will stay, so
    there is nothing to keep (and no query may run in it)."""
    return transaction.get_connection().needs_rollback


def _write(campaign: Campaign, table: pd.DataFrame) -> None:
    """Insert the kept rows of a compliance table (`compliance_table` columns)."""
    if table.empty:
        return
    due = table["due_day"].astype("int64").map(dt.date.fromordinal)
    evidence_day = table["evidence_date"].map(lambda d: d.toordinal() if d else None).astype("float64")
    exempt = table["status"] == EXEMPT
    frame = table.assign(due=due, exempt=exempt, on_time=evidence_day <= table["due_day"],
                         late=evidence_day > table["due_day"])
    _insert_statuses(campaign, frame)
    people = frame.groupby("employee_id", sort=False).agg(
        unit_id=("unit_id", "first"), category=("category", "first"), due=("due", "first"),
        exempt=("exempt", "all"), on_time=("on_time", "sum"), late=("late", "sum"), total=("status", "size"),
    ).reset_index()
    KeptPerson.objects.bulk_create(
        [KeptPerson(campaign_id=campaign.pk, employee_id=row.employee_id, unit_id=row.unit_id,
                    category=row.category or "", due=row.due, exempt=bool(row.exempt), on_time=int(row.on_time),
                    late=int(row.late), total=int(row.total))
         for row in people.itertuples(index=False)],
        batch_size=BATCH,
    )


def _insert_statuses(campaign: Campaign, frame: pd.DataFrame) -> None:
    """The (person, requirement) rows, by `executemany` of plain tuples: a whole campaign is half a
    million rows at 30,000 staff, where building a model instance per row costs more than the
    computation itself."""
    day = connection.ops.adapt_datefield_value
    days = {value: day(value) for value in set(frame["due"]) | set(frame["evidence_date"].dropna())}
    rows = [(campaign.pk, int(e), int(r), int(u), days[d], bool(x), k, days[ev] if ev else None)
            for e, r, u, d, x, k, ev in zip(frame["employee_id"], frame["requirement_id"], frame["unit_id"],
                                            frame["due"], frame["exempt"], frame["evidence"],
                                            frame["evidence_date"], strict=True)]
    table = connection.ops.quote_name(KeptStatus._meta.db_table)
    sql = (f"INSERT INTO {table} (campaign_id, employee_id, requirement_id, unit_id, due, exempt, evidence, "
           "evidence_date) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)")
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH * 10):
            cursor.executemany(sql, rows[start:start + BATCH * 10])


def _lock(campaign: Campaign) -> KeptCampaign | None:
    return KeptCampaign.objects.all_agencies().select_for_update().filter(campaign_id=campaign.pk).first()


def kept_rebuild(*, campaign: Campaign, today: dt.date | None = None) -> KeptCampaign:
    """Compute the whole campaign for `today` and keep it (creates the campaign's kept rows)."""
    today = _day(today)
    with transaction.atomic():
        kept = _lock(campaign)
        if kept is None:
            kept, _ = KeptCampaign.objects.all_agencies().select_for_update().get_or_create(
                campaign_id=campaign.pk, defaults={"computed_on": today})
        table = compliance_table(campaign=campaign, as_of=today)
        KeptStatus.objects.all_agencies().filter(campaign_id=campaign.pk).delete()
        KeptPerson.objects.all_agencies().filter(campaign_id=campaign.pk).delete()
        _write(campaign, table)
        kept.computed_on = today
        kept.valid_until = compliance_horizon(campaign=campaign, as_of=today)
        kept.save()
    return kept


def kept_refresh(*, campaign: Campaign, employee_ids: Iterable[int], today: dt.date | None = None) -> None:
    """Recompute these people's rows of `campaign` (nothing when the campaign is not kept yet: the
    nightly reconcile builds it, and until then it is read from the evidence)."""
    today = _day(today)
    ids = sorted({int(pk) for pk in employee_ids})
    if not ids or _doomed():
        return
    with transaction.atomic():
        kept = _lock(campaign)
        if kept is None:
            return
        if len(ids) > REFRESH_LIMIT:
            kept_rebuild(campaign=campaign, today=today)
            return
        table = compliance_table_of(campaign=campaign, employee_ids=ids, as_of=today)
        KeptStatus.objects.all_agencies().filter(campaign_id=campaign.pk, employee_id__in=ids).delete()
        KeptPerson.objects.all_agencies().filter(campaign_id=campaign.pk, employee_id__in=ids).delete()
        _write(campaign, table)
        horizon = compliance_horizon(campaign=campaign, as_of=today, employee_ids=ids)
        if horizon is not None and (kept.valid_until is None or horizon < kept.valid_until):
            kept.valid_until = horizon
            kept.save(update_fields=["valid_until", "rebuilt_at"])


def kept_campaign_changed(*, campaign: Campaign, today: dt.date | None = None) -> None:
    """The campaign itself changed (dates, requirements, audience, new_hire_days): recompute it."""
    if _doomed():
        return
    kept_rebuild(campaign=campaign, today=today)


def kept_people_changed(*, employee_ids: Iterable[int], roster: bool = False, today: dt.date | None = None) -> None:
    """Evidence (or, with `roster`, the employment, unit or category) of these people changed:
    refresh them in every kept campaign that holds them — with `roster`, in every kept campaign of
    their agency, since they may join its audience."""
    ids = sorted({int(pk) for pk in employee_ids if pk})
    if not ids or _doomed():
        return
    holding = Q(pk__in=KeptPerson.objects.all_agencies().filter(employee_id__in=ids).values("campaign_id"))
    if roster:
        agencies = Employee.objects.filter(pk__in=ids).values("agency_id")
        holding |= Q(agency_id__in=agencies, kept__isnull=False)
    for campaign in Campaign.objects.all_agencies().filter(holding).order_by("pk"):
        kept_refresh(campaign=campaign, employee_ids=ids, today=today)


# --- reconcile ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Drift:
    campaign: Campaign
    rows: int  # rows of the full computation
    missing: int  # rows computed but not kept
    extra: int  # rows kept but not computed
    different: int  # rows kept with another unit, status or evidence
    expired: bool  # the kept rows no longer answered for today (past their horizon) or were never built
    repaired: bool

    @property
    def drifted(self) -> int:
        return self.missing + self.extra + self.different


def kept_compare(*, campaign: Campaign, today: dt.date | None = None) -> tuple[int, int, int, int]:
    """(rows computed, missing, extra, different) between the kept rows read for `today` and the
    full computation of `today` (person rows included: a person row that does not sum up its
    status rows counts as one row different)."""
    today = _day(today)
    full = compliance_table(campaign=campaign, as_of=today)[KEPT_COLUMNS]
    kept = kept_table(campaign=campaign, today=today)
    keys = ["employee_id", "requirement_id"]
    both = full.astype({k: "int64" for k in keys}).merge(kept.astype({k: "int64" for k in keys}), on=keys,
                                                         how="outer", suffixes=("", "_kept"), indicator=True)
    missing = int((both["_merge"] == "left_only").sum())
    extra = int((both["_merge"] == "right_only").sum())
    matched = both[both["_merge"] == "both"]
    different = pd.Series(False, index=matched.index)
    for column in ["unit_id", "due_day", "status", "evidence", "evidence_date"]:
        left, right = matched[column].astype(object), matched[f"{column}_kept"].astype(object)
        different |= ~((left == right) | (left.isna() & right.isna()))
    return len(full), missing, extra, int(different.sum()) + _people_drift(campaign=campaign, full=full)


def _people_drift(*, campaign: Campaign, full: pd.DataFrame) -> int:
    """Person rows that do not hold what the full computation gives (missing and extra included)."""
    columns = ["unit_id", "exempt", "on_time", "late", "total"]
    evidence_day = full["evidence_date"].map(lambda d: d.toordinal() if d else None).astype("float64")
    expected = full.assign(on_time=evidence_day <= full["due_day"], late=evidence_day > full["due_day"],
                           exempt=full["status"] == EXEMPT).groupby("employee_id").agg(
        unit_id=("unit_id", "first"), exempt=("exempt", "all"), on_time=("on_time", "sum"), late=("late", "sum"),
        total=("status", "size"))
    kept = pd.DataFrame.from_records(
        list(KeptPerson.objects.all_agencies().filter(campaign_id=campaign.pk)
             .values_list("employee_id", *columns)), columns=["employee_id", *columns]).set_index("employee_id")
    everyone = expected.index.union(kept.index)
    left = expected.reindex(everyone)[columns].astype("float64").fillna(-1)
    right = kept.reindex(everyone)[columns].astype("float64").fillna(-1)
    return int((left.values != right.values).any(axis=1).sum())


def kept_reconcile(*, campaign: Campaign, today: dt.date | None = None, repair: bool = True) -> Drift:
    """Compare the kept rows of `campaign` with the full computation for `today`; with `repair`,
    recompute them when they drifted or expired (and build them when never built)."""
    today = _day(today)
    kept = KeptCampaign.objects.all_agencies().filter(campaign_id=campaign.pk).first()
    expired = kept is None or not kept.fresh_on(today)
    rows, missing, extra, different = kept_compare(campaign=campaign, today=today)
    if expired:  # rows past their horizon differ by design: that is not drift
        missing = extra = different = 0
    drifted = bool(missing or extra or different)
    if repair and (expired or drifted):
        kept_rebuild(campaign=campaign, today=today)
    return Drift(campaign=campaign, rows=rows, missing=missing, extra=extra, different=different, expired=expired,
                 repaired=repair and (expired or drifted))
