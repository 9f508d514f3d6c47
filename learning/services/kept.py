"""Keeping the statuses (issue 17, docs/compliance.md "Kept statuses"): every write that can change
a status ends by calling one of these inside its transaction, and they store what the one rule
(`learning.selectors.compliance`) computes — for the people touched (`compliance_table_of`) or for
the whole campaign (`compliance_table`). Nothing here decides a status.

Concurrency: a full rebuild and an edit of the campaign lock its `KeptCampaign` row `FOR UPDATE`;
a refresh (one write's people) locks it only `FOR KEY SHARE` — which excludes the former, not
other refreshes — and then each of its people (`pg_advisory_xact_lock(campaign, person)`, ids in
order). So writers of different people of one campaign proceed side by side, and a second writer
of the same person waits for the first to commit and then computes from what it wrote (PostgreSQL
READ COMMITTED reads a new snapshot per statement): no update is lost. The counters move by one
delta upsert per table, its rows in key order, so two writers meeting on the same cells lock them
in the same order (no deadlock) and only for the rest of their transaction. SQLite serialises
writers anyway.

An edit of the campaign itself (`kept_campaign_changed`) marks its rows not fresh (readers compute
from the evidence meanwhile) and, for a large audience, leaves the rebuild to a background task
(`learning.tasks.rebuild_kept_campaign` → `kept_catch_up`) enqueued when the edit commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from learning.models import Campaign, KeptCampaign, KeptCount, KeptDayCount, KeptPerson, KeptStatus, KeptUnitCount
from learning.selectors.audience import campaign_audience
from learning.selectors.compliance import (
    PersonRow,
    compliance_horizon,
    compliance_person,
    compliance_table,
    compliance_table_of,
)
from learning.selectors.kept import KEPT_COLUMNS, kept_table
from learning.statuses import COMPLETED, COMPLETED_LATE, EXEMPT, OVERDUE, PENDING
from org.models import Employee

# Above this many people a refresh recomputes the whole campaign: one pass costs less than a long
# list of ids (a roster import of the whole agency).
REFRESH_LIMIT = 2000
BATCH = 5000
FEW = 500  # rows written by one multi-row statement (SQLite binds at most 32,766 parameters)
# Up to this many people in the audience an edited campaign is rebuilt in the edit's request
# (≈ 1 s); above it by a background task (≈ 90 s at 30,000 staff).
SYNC_LIMIT = 1000


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
    _insert_rows(campaign, zip(frame["employee_id"], frame["requirement_id"], frame["unit_id"], frame["due"],
                               frame["exempt"], frame["evidence"], frame["evidence_date"], strict=True))


def _insert_rows(campaign: Campaign, rows: Iterable[tuple]) -> None:
    """Insert `KeptStatus` rows given as (employee, requirement, unit, due, exempt, evidence kind,
    evidence date) tuples."""
    adapt, days = connection.ops.adapt_datefield_value, {}

    def day(value):
        if value not in days:  # each distinct date adapted once
            days[value] = adapt(value) if value else None
        return days[value]

    values = [(campaign.pk, int(e), int(r), int(u), day(d), bool(x), k, day(ev)) for e, r, u, d, x, k, ev in rows]
    table = connection.ops.quote_name(KeptStatus._meta.db_table)
    sql = (f"INSERT INTO {table} (campaign_id, employee_id, requirement_id, unit_id, due, exempt, evidence, "
           "evidence_date) VALUES ")
    row = "(%s, %s, %s, %s, %s, %s, %s, %s)"
    with connection.cursor() as cursor:
        if len(values) <= FEW:  # a write's few people: one statement, one round trip
            cursor.execute(sql + ", ".join([row] * len(values)), [value for line in values for value in line])
            return
        for start in range(0, len(values), BATCH * 10):
            cursor.executemany(sql + row, values[start:start + BATCH * 10])


def _write_person(campaign: Campaign, employee_id: int, rows: list[PersonRow]) -> None:
    """Insert one person's kept rows (`compliance_person`): the same rows and person row as `_write`
    of their table, without pandas for a handful of rows."""
    if not rows:
        return
    due = rows[0].due
    _insert_rows(campaign, [(employee_id, row.requirement_id, row.unit_id, row.due, row.status == EXEMPT,
                             row.evidence, row.evidence_date) for row in rows])
    dated = [row.evidence_date for row in rows if row.evidence_date]
    KeptPerson.objects.bulk_create([KeptPerson(
        campaign_id=campaign.pk, employee_id=employee_id, unit_id=rows[0].unit_id, category=rows[0].category, due=due,
        exempt=all(row.status == EXEMPT for row in rows), on_time=sum(day <= due for day in dated),
        late=sum(day > due for day in dated), total=len(rows))])


# --- counters ------------------------------------------------------------------------------------
# `KeptCount` / `KeptUnitCount` are sums of the kept rows. A full rebuild starts them from zero and
# adds everyone's share (one INSERT … SELECT … GROUP BY … ON CONFLICT DO UPDATE per table). A refresh
# reads the share of its people before and after replacing their rows (the same SELECT) and moves
# the counters by the difference: one INSERT … VALUES … ON CONFLICT DO UPDATE per table, only the
# cells that changed, in key order — writers of other people of the campaign move them at the same
# time, and the same order for all means no deadlock. PostgreSQL and SQLite alike.

COUNTERS = {
    KeptCount: {
        "keys": ["campaign_id", "unit_id", "requirement_id", "category", "due"],
        "select": ["s.campaign_id", "s.unit_id", "s.requirement_id", "p.category", "s.due"],
        "values": {
            "rows": "COUNT(*)",
            "exempt": "SUM(CASE WHEN s.exempt THEN 1 ELSE 0 END)",
            "completed": "SUM(CASE WHEN NOT s.exempt AND s.evidence_date <= s.due THEN 1 ELSE 0 END)",
            "completed_late": "SUM(CASE WHEN NOT s.exempt AND s.evidence_date > s.due THEN 1 ELSE 0 END)",
            "missing": "SUM(CASE WHEN NOT s.exempt AND s.evidence_date IS NULL THEN 1 ELSE 0 END)",
        },
        "from": "{status} s JOIN {person} p ON p.campaign_id = s.campaign_id AND p.employee_id = s.employee_id",
        "where": "s",
    },
    KeptUnitCount: {
        "keys": ["campaign_id", "unit_id", "category", "due"],
        "select": ["p.campaign_id", "p.unit_id", "p.category", "p.due"],
        "values": {
            "people": "COUNT(*)",
            "exempt_people": "SUM(CASE WHEN p.exempt THEN 1 ELSE 0 END)",
            "done_people": "SUM(CASE WHEN NOT p.exempt AND p.on_time + p.late = p.total THEN 1 ELSE 0 END)",
            "missing_people": "SUM(CASE WHEN NOT p.exempt AND p.on_time + p.late < p.total THEN 1 ELSE 0 END)",
            "trained_people": "SUM(CASE WHEN NOT p.exempt AND p.on_time + p.late > 0 THEN 1 ELSE 0 END)",
            "rows": "SUM(p.total)",
            "exempt": "SUM(CASE WHEN p.exempt THEN p.total ELSE 0 END)",
            "completed": "SUM(CASE WHEN p.exempt THEN 0 ELSE p.on_time END)",
            "completed_late": "SUM(CASE WHEN p.exempt THEN 0 ELSE p.late END)",
            "missing": "SUM(CASE WHEN p.exempt THEN 0 ELSE p.total - p.on_time - p.late END)",
        },
        "from": "{person} p",
        "where": "p",
    },
    # The trend: rows done by their evidence date, people done with everything by their last one.
    KeptDayCount: {
        "keys": ["campaign_id", "unit_id", "category", "day"],
        "select": ["d.campaign_id", "d.unit_id", "d.category", "d.day"],
        "values": {"done_rows": "SUM(d.done_rows)", "done_people": "SUM(d.done_people)"},
        "from": "(SELECT s.campaign_id, s.employee_id, p.unit_id, p.category, s.evidence_date AS day, "
                "1 AS done_rows, 0 AS done_people FROM {status} s JOIN {person} p "
                "ON p.campaign_id = s.campaign_id AND p.employee_id = s.employee_id "
                "WHERE NOT s.exempt AND s.evidence_date IS NOT NULL "
                "UNION ALL SELECT s.campaign_id, s.employee_id, p.unit_id, p.category, MAX(s.evidence_date), 0, 1 "
                "FROM {status} s JOIN {person} p ON p.campaign_id = s.campaign_id AND p.employee_id = s.employee_id "
                "WHERE NOT s.exempt GROUP BY s.campaign_id, s.employee_id, p.unit_id, p.category "
                "HAVING COUNT(*) = COUNT(s.evidence_date)) d",
        "where": "d",
    },
}


def _share_sql(spec: dict, ids: list[int] | None) -> tuple[str, list]:
    """The SELECT of one counter table's cells over the kept rows of `ids` (None: everyone), with the
    campaign id as the first parameter still to prepend."""
    q = connection.ops.quote_name
    tables = {"status": q(KeptStatus._meta.db_table), "person": q(KeptPerson._meta.db_table)}
    where, params = f"{spec['where']}.campaign_id = %s", []
    if ids is not None:
        where += f" AND {spec['where']}.employee_id IN ({', '.join(['%s'] * len(ids))})"
        params += ids
    sql = (f"SELECT {', '.join([*spec['select'], *spec['values'].values()])} FROM {spec['from'].format(**tables)} "
           f"WHERE {where} GROUP BY {', '.join(spec['select'])}")
    return sql, params


def _count(campaign: Campaign) -> None:
    """Add everyone's share of the kept rows to the campaign's (cleared) counters."""
    q = connection.ops.quote_name
    for model, spec in COUNTERS.items():
        table = q(model._meta.db_table)
        names = [*spec["keys"], *spec["values"]]
        select, params = _share_sql(spec, None)
        updates = ", ".join(f"{q(n)} = {table}.{q(n)} + excluded.{q(n)}" for n in spec["values"])
        sql = (f"INSERT INTO {table} ({', '.join(q(n) for n in names)}) {select} "
               f"ON CONFLICT ({', '.join(q(n) for n in spec['keys'])}) DO UPDATE SET {updates}")
        with connection.cursor() as cursor:
            cursor.execute(sql, [campaign.pk, *params])


Shares = dict[type, dict[tuple, tuple[int, ...]]]


def _shares(campaign: Campaign, ids: list[int]) -> Shares:
    """Each counter table's cells (key → values) summed over the kept rows of `ids` alone."""
    shares: Shares = {}
    for model, spec in COUNTERS.items():
        select, params = _share_sql(spec, ids)
        width = len(spec["keys"])
        with connection.cursor() as cursor:
            cursor.execute(select, [campaign.pk, *params])
            shares[model] = {tuple(row[:width]): tuple(int(v or 0) for v in row[width:]) for row in cursor.fetchall()}
    return shares


def _count_move(before: Shares, after: Shares) -> None:
    """Move the counters by `after` − `before`: per table one upsert of the cells that changed, in
    key order; the cells it leaves all zero (their people all left) are deleted, not kept as zeros."""
    q = connection.ops.quote_name
    for model, spec in COUNTERS.items():
        zero = (0,) * len(spec["values"])
        old, new = before[model], after[model]
        moved = {}
        for key in old.keys() | new.keys():
            delta = tuple(n - o for n, o in zip(new.get(key, zero), old.get(key, zero), strict=True))
            if any(delta):
                moved[key] = delta
        if not moved:
            continue
        table = q(model._meta.db_table)
        names = [*spec["keys"], *spec["values"]]
        updates = ", ".join(f"{q(n)} = {table}.{q(n)} + excluded.{q(n)}" for n in spec["values"])
        row = f"({', '.join(['%s'] * len(names))})"
        cells = sorted(moved.items())
        emptied = []
        for start in range(0, len(cells), FEW):
            chunk = cells[start:start + FEW]
            sql = (f"INSERT INTO {table} ({', '.join(q(n) for n in names)}) VALUES {', '.join([row] * len(chunk))} "
                   f"ON CONFLICT ({', '.join(q(n) for n in spec['keys'])}) DO UPDATE SET {updates} "
                   f"RETURNING id, {', '.join(q(n) for n in spec['values'])}")
            with connection.cursor() as cursor:
                cursor.execute(sql, [value for key, delta in chunk for value in (*key, *delta)])
                emptied += [pk for pk, *values in cursor.fetchall() if not any(values)]
        if emptied:
            model.objects.all_agencies().filter(pk__in=emptied).delete()


def _delete_people(campaign: Campaign, ids: list[int]) -> None:
    """Delete these people's kept rows by plain DELETEs (nothing refers to them; the ORM's delete
    would read them first)."""
    q = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        for model in (KeptStatus, KeptPerson):
            cursor.execute(f"DELETE FROM {q(model._meta.db_table)} WHERE campaign_id = %s AND employee_id IN ({marks})",
                           [campaign.pk, *ids])


def _count_clear(campaign: Campaign) -> None:
    for model in COUNTERS:
        model.objects.all_agencies().filter(campaign_id=campaign.pk).delete()


def _lock(campaign: Campaign) -> KeptCampaign | None:
    """The campaign's `KeptCampaign` locked FOR UPDATE: no refresh, rebuild or edit of it meanwhile."""
    return KeptCampaign.objects.all_agencies().select_for_update().filter(campaign_id=campaign.pk).first()


def _share(campaign: Campaign) -> KeptCampaign | None:
    """The campaign's `KeptCampaign` locked FOR KEY SHARE (PostgreSQL; Django has no such mode):
    it waits for a rebuild or an edit (FOR UPDATE) and holds them off, but not other refreshes —
    nor their lowering of `valid_until`, an UPDATE of a non-key column (FOR NO KEY UPDATE)."""
    table = connection.ops.quote_name(KeptCampaign._meta.db_table)
    mode = " FOR KEY SHARE" if connection.vendor == "postgresql" else ""
    return next(iter(KeptCampaign.objects.raw(f"SELECT * FROM {table} WHERE campaign_id = %s{mode}",
                                              [campaign.pk])), None)


def _lock_people(campaign: Campaign, ids: list[int]) -> None:
    """One refresh of a person of the campaign at a time (PostgreSQL; transaction-scoped advisory
    locks keyed (campaign, person), taken in id order)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s::int, e) FROM unnest(%s::int[]) WITH ORDINALITY AS t(e, n) "
                       "ORDER BY n", [campaign.pk, ids])


def _lock_or_create(campaign: Campaign, today: dt.date) -> KeptCampaign:
    """The campaign's locked `KeptCampaign`, created (not yet built) on its first write."""
    return _lock(campaign) or KeptCampaign.objects.all_agencies().select_for_update().get_or_create(
        campaign_id=campaign.pk, defaults={"computed_on": today})[0]


def kept_rebuild(*, campaign: Campaign, today: dt.date | None = None) -> KeptCampaign:
    """Compute the whole campaign for `today` and keep it (creates the campaign's kept rows)."""
    today = _day(today)
    with transaction.atomic():
        kept = _lock_or_create(campaign, today)
        table = compliance_table(campaign=campaign, as_of=today)
        KeptStatus.objects.all_agencies().filter(campaign_id=campaign.pk).delete()
        KeptPerson.objects.all_agencies().filter(campaign_id=campaign.pk).delete()
        _count_clear(campaign)
        _write(campaign, table)
        _count(campaign)
        kept.computed_on = today
        kept.valid_until = compliance_horizon(campaign=campaign, as_of=today)
        kept.built = kept.generation  # edits wait for this lock: none can have happened meanwhile
        kept.save()
    return kept


def kept_refresh(*, campaign: Campaign, employee_ids: Iterable[int], today: dt.date | None = None) -> None:
    """Recompute these people's rows of `campaign` (nothing when the campaign is not kept yet: the
    nightly reconcile builds it, and until then it is read from the evidence). One person — every
    evidence write — goes by `compliance_person`; a few by `compliance_table_of`; many (a roster
    import of the whole agency) rebuild the campaign: one pass costs less than a long list of ids."""
    today = _day(today)
    ids = sorted({int(pk) for pk in employee_ids})
    if not ids or _doomed():
        return
    if len(ids) > REFRESH_LIMIT:  # decided before locking: the rebuild takes the full lock
        with transaction.atomic():
            kept = _lock(campaign)
            if kept is not None and not kept.pending:
                kept_rebuild(campaign=campaign, today=today)
        return
    with transaction.atomic():
        kept = _share(campaign)
        if kept is None or kept.pending:  # the queued rebuild locks, then computes: it will see this write
            return
        _lock_people(campaign, ids)
        if len(ids) == 1:
            rows, horizon = compliance_person(campaign=campaign, employee_id=ids[0], as_of=today)
        else:
            table = compliance_table_of(campaign=campaign, employee_ids=ids, as_of=today)
            horizon = compliance_horizon(campaign=campaign, as_of=today, employee_ids=ids)
        before = _shares(campaign, ids)
        _delete_people(campaign, ids)
        if len(ids) == 1:
            _write_person(campaign, ids[0], rows)
        else:
            _write(campaign, table)
        _count_move(before, _shares(campaign, ids))
        if horizon is not None and (kept.valid_until is None or horizon < kept.valid_until):
            # Last: the UPDATE locks the row against the other refreshes' updates until commit.
            KeptCampaign.objects.all_agencies().filter(
                Q(valid_until__isnull=True) | Q(valid_until__gt=horizon), campaign_id=campaign.pk,
            ).update(valid_until=horizon, rebuilt_at=timezone.now())


def kept_campaign_lock(*, campaign: Campaign) -> None:
    """Before an edit of the campaign: wait for a rebuild or refresh in progress, whose rows could
    reference a requirement the edit deletes."""
    if not _doomed():
        _lock(campaign)


def kept_campaign_changed(*, campaign: Campaign, today: dt.date | None = None) -> bool:
    """The campaign itself changed (dates, requirements, audience, new_hire_days): its rows stop
    answering at once (a new generation) and are rebuilt — here when the audience is small,
    otherwise by a task enqueued when the edit commits. True when the rows are fresh again."""
    if _doomed():
        return False
    today = _day(today)
    with transaction.atomic():
        kept = _lock_or_create(campaign, today)
        kept.generation += 1
        kept.save(update_fields=["generation"])
        if campaign_audience(campaign=campaign, as_of=today).count() <= SYNC_LIMIT:
            kept_rebuild(campaign=campaign, today=today)
            return True
    transaction.on_commit(lambda: _rebuild_later(campaign_id=campaign.pk))
    return False


def _rebuild_later(*, campaign_id: int) -> None:
    from learning.tasks import rebuild_kept_campaign  # the task module imports this one

    rebuild_kept_campaign.enqueue(campaign_id=campaign_id)


def kept_catch_up(*, campaign_id: int, today: dt.date | None = None) -> bool:
    """The background rebuild: under the campaign's lock, rebuild the rows unless an earlier task
    already built the latest edit. True when it rebuilt."""
    with transaction.atomic():
        kept = KeptCampaign.objects.all_agencies().select_for_update().filter(campaign_id=campaign_id).first()
        if kept is None or not kept.pending:
            return False
        campaign = Campaign.objects.all_agencies().get(pk=campaign_id)  # as the latest edit left it
        kept_rebuild(campaign=campaign, today=today)
    return True


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
    pending: bool = False  # edited since built, the rebuild task not run yet (queued, or lost)

    @property
    def drifted(self) -> int:
        return self.missing + self.extra + self.different


def kept_compare(*, campaign: Campaign, today: dt.date | None = None) -> tuple[int, int, int, int]:
    """(rows computed, missing, extra, different) between the kept rows read for `today` and the
    full computation of `today` (person rows included: a person row that does not sum up its
    status rows counts as one row different)."""
    today = _day(today)
    computed = compliance_table(campaign=campaign, as_of=today)
    full = computed[KEPT_COLUMNS]
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
    return len(full), missing, extra, (int(different.sum()) + _people_drift(campaign=campaign, full=full)
                                       + _counters_drift(campaign=campaign, full=computed))


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


def _counters_drift(*, campaign: Campaign, full: pd.DataFrame) -> int:
    """Counter rows (`KeptCount`, `KeptUnitCount`) that do not hold the sums of the full computation
    (missing and extra included)."""
    table = full.assign(category=full["category"].fillna("").astype(str),
                        due=full["due_day"].astype("int64").map(dt.date.fromordinal))
    status = table["status"]
    rows = table.assign(rows=1, exempt=status == EXEMPT, completed=status == COMPLETED,
                        completed_late=status == COMPLETED_LATE, missing=status.isin([PENDING, OVERDUE]))
    values = ["rows", "exempt", "completed", "completed_late", "missing"]
    cells = rows.groupby(["unit_id", "requirement_id", "category", "due"])[values].sum()
    people = rows.groupby("employee_id").agg(
        unit_id=("unit_id", "first"), category=("category", "first"), due=("due", "first"),
        all_exempt=("exempt", "all"), done=("completed", "sum"), late=("completed_late", "sum"),
        rows=("rows", "sum"), exempt=("exempt", "sum"), completed=("completed", "sum"),
        completed_late=("completed_late", "sum"), missing=("missing", "sum"))
    counted = ~people["all_exempt"]
    people = people.assign(people=1, exempt_people=people["all_exempt"],
                           done_people=counted & (people["missing"] == 0),
                           missing_people=counted & (people["missing"] > 0),
                           trained_people=counted & (people["done"] + people["late"] > 0))
    unit_values = ["people", "exempt_people", "done_people", "missing_people", "trained_people", *values]
    units = people.groupby(["unit_id", "category", "due"])[unit_values].sum()
    drift = 0
    for model, expected in ((KeptCount, cells), (KeptUnitCount, units), (KeptDayCount, _days_expected(table))):
        keys = list(expected.index.names)
        stored = pd.DataFrame.from_records(
            list(model.objects.all_agencies().filter(campaign_id=campaign.pk).values_list(*keys, *expected.columns)),
            columns=[*keys, *expected.columns])
        stored = stored.set_index(keys) if len(stored) else stored.set_index(keys)
        everyone = expected.index.union(stored.index)
        left = expected.reindex(everyone).astype("float64").fillna(0)
        right = stored.reindex(everyone)[list(expected.columns)].astype("float64").fillna(0)
        drift += int((left.values != right.values).any(axis=1).sum())
    return drift


def _days_expected(table: pd.DataFrame) -> pd.DataFrame:
    """`KeptDayCount` of a computed table: not exempt rows by evidence date, not exempt people with
    evidence for every requirement by their last evidence date."""
    counted = table[table["status"] != EXEMPT]
    keys = ["unit_id", "category", "day"]
    done = counted[counted["evidence_date"].notna()]
    rows = pd.DataFrame({"unit_id": done["unit_id"], "category": done["category"], "day": done["evidence_date"],
                         "done_rows": 1, "done_people": 0})
    people = done.groupby("employee_id").agg(unit_id=("unit_id", "first"), category=("category", "first"),
                                             day=("evidence_date", "max"), n=("evidence_date", "size"))
    finished = people[people["n"] == counted.groupby("employee_id").size().reindex(people.index)]
    people = pd.DataFrame({"unit_id": finished["unit_id"], "category": finished["category"], "day": finished["day"],
                           "done_rows": 0, "done_people": 1})
    both = pd.concat([rows, people], ignore_index=True) if len(people) else rows
    return both.astype({"done_rows": "int64", "done_people": "int64"}).groupby(keys)[["done_rows", "done_people"]].sum()


def kept_reconcile(*, campaign: Campaign, today: dt.date | None = None, repair: bool = True) -> Drift:
    """Compare the kept rows of `campaign` with the full computation for `today`; with `repair`,
    recompute them when they drifted or expired (and build them when never built)."""
    today = _day(today)
    kept = KeptCampaign.objects.all_agencies().filter(campaign_id=campaign.pk).first()
    pending = kept is not None and kept.pending
    expired = kept is None or not kept.fresh_on(today)
    rows, missing, extra, different = kept_compare(campaign=campaign, today=today)
    if expired:  # rows past their horizon differ by design: that is not drift
        missing = extra = different = 0
    drifted = bool(missing or extra or different)
    if repair and (expired or drifted):
        kept_rebuild(campaign=campaign, today=today)
    return Drift(campaign=campaign, rows=rows, missing=missing, extra=extra, different=different, expired=expired,
                 repaired=repair and (expired or drifted), pending=pending)
