"""Serial numbers: one counter row per (agency, year), locked while numbers are taken."""

from __future__ import annotations

from django.db import transaction

from certificates.models import SerialCounter
from org.models import OrgUnit


def serial_counter_lock(*, agency: OrgUnit, year: int) -> SerialCounter:
    """Lock the counter of (agency, year) until the caller's transaction ends.

    Every issuer of the same agency and year queues here, so numbers are never reused or
    skipped by a race, and whoever holds the lock sees every certificate committed before it.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("serial_counter_lock must run inside a transaction")
    # get_or_create copes with two first-of-the-year issuers creating the row at once.
    SerialCounter.objects.get_or_create(agency=agency, year=year)
    return SerialCounter.objects.select_for_update().get(agency=agency, year=year)


def serials_take(*, counter: SerialCounter, count: int) -> range:
    """Take `count` consecutive numbers from a locked counter."""
    first = counter.last_number + 1
    counter.last_number += count
    counter.save(update_fields=["last_number"])
    return range(first, first + count)


def serial_text(*, number: int, year: int, suffix: str, agency_code: str) -> str:
    """'15/2024/GCN-SCT'."""
    return f"{number}/{year}/{suffix}-{agency_code}"
