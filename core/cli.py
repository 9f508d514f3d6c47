"""Small helpers shared by management commands (thin commands: parse, call one service, print)."""

from __future__ import annotations

import datetime as dt
import functools
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from django.core.management.base import CommandError
from django.utils import translation


def parse_day(value: str, option: str = "--as-of") -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f'{option}: "{value}" is not a date (use YYYY-MM-DD)') from exc


def write_atomically(path: Path, content: bytes | Iterable[bytes]) -> int:
    """Write to a temporary file beside the target and rename it: never a half-written file.
    `content` is the bytes or an iterable of chunks (a streamed export, written as it comes);
    returns the number of bytes written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    size = 0
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in (content,) if isinstance(content, bytes) else content:
                handle.write(chunk)
                size += len(chunk)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return size


def in_english(handle):
    """Run a command's handle() in English. Import problems are Vietnamese gettext strings (the web
    shows them in the reader's language); the commands print the English texts docs/contract.md
    fixes (`row 7, column "Email": "abc@" is not a valid email address`), whatever the settings."""

    @functools.wraps(handle)
    def wrapper(*args, **kwargs):
        with translation.override("en"):
            return handle(*args, **kwargs)

    return wrapper
