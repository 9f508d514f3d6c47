"""Ids read from a query string or a form body: a malformed one is no id (issue 13, L6).

`Model.objects.filter(pk="'")` raises ValueError, which a view turns into a 500; every id a
request carries goes through `id_param` first, so a forged or garbled value answers exactly as an
id that does not exist."""

from __future__ import annotations

MAX_ID = 2**63 - 1  # the largest bigint primary key: a longer number is no id either


def id_param(value) -> int | None:
    """The positive integer `value` spells (surrounding spaces allowed), else None."""
    text = str(value or "").strip()
    if not text.isascii() or not text.isdigit():
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None
