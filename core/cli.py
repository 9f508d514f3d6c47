"""Small helpers shared by management commands (thin commands: parse, call one service, print)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from django.core.management.base import CommandError


def parse_day(value: str, option: str = "--as-of") -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f'{option}: "{value}" is not a date (use YYYY-MM-DD)') from exc


def write_atomically(path: Path, content: bytes) -> None:
    """Write to a temporary file beside the target and rename it: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
