"""Question file formats: each module has a parser (bytes/text -> ParsedQuestion list, raising
ImportRefused with the line or row of every problem) and a writer (questions -> canonical bytes)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal

FORMATS = ("gift", "aiken", "xlsx", "quizapp-json", "moodle-xml")
EXTENSIONS = {".gift": "gift", ".txt": "gift", ".aiken": "aiken", ".xlsx": "xlsx", ".json": "quizapp-json",
              ".xml": "moodle-xml"}


@dataclass
class ParsedAnswer:
    text: str
    fraction: Decimal = Decimal("0")
    feedback: str = ""
    tolerance: Decimal | None = None  # numerical
    match_text: str = ""  # matching


@dataclass
class ParsedQuestion:
    qtype: str
    text: str
    name: str = ""
    category: str = ""
    multiple: bool = False
    general_feedback: str = ""
    answers: list[ParsedAnswer] = field(default_factory=list)
    text_format: str = ""
    idnumber: str = ""
    tags: list[str] = field(default_factory=list)
    penalty: Decimal | None = None
    mark: Decimal | None = None  # None: the default mark, 1
    line: int | None = None  # where it starts in the file, for messages
    # Not part of the question's content (no fingerprint): the category's description, and what
    # a format could not keep (printed, never silently dropped).
    category_info: str = ""
    notes: list[str] = field(default_factory=list)

    def fingerprint(self) -> str:
        data = asdict(self)
        for key in ("line", "category", "category_info", "notes"):
            data.pop(key)
        # Fields added after the first release are left out while they hold their default, so
        # the fingerprints of questions imported before stay the same (re-import reuses them).
        for key, default in _LATER_FIELDS.items():
            if data[key] == default:
                data.pop(key)
        if data.get("penalty") is not None:
            data["penalty"] = str(Decimal(data["penalty"]).normalize())
        if data.get("mark") is not None:
            data["mark"] = str(Decimal(data["mark"]).quantize(Decimal("0.01")))
        for a in data["answers"]:
            a["fraction"] = format_fraction(a["fraction"])
            if a["tolerance"] is None:
                a.pop("tolerance")
            else:
                a["tolerance"] = str(Decimal(a["tolerance"]).normalize())
            if not a["match_text"]:
                a.pop("match_text")
        return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


_LATER_FIELDS = {"text_format": "", "idnumber": "", "tags": [], "penalty": None, "mark": None}


def number_text(value: Decimal) -> str:
    """A number as plain text without exponent or trailing zeros: 3.14150 -> "3.1415", 1E+3 -> "1000"."""
    text = f"{Decimal(value).normalize():f}"
    return "0" if text in ("-0", "0") else text


def format_fraction(value: Decimal) -> str:
    """Canonical text of a fraction, quantised as stored (5 places)."""
    return str(Decimal(value).quantize(Decimal("0.00001")))


def percent_text(fraction: Decimal) -> str:
    """0.33333 -> "33.333", 1 -> "100", -0.5 -> "-50" (no exponent, no trailing zeros)."""
    value = (Decimal(fraction).quantize(Decimal("0.00001")) * 100).normalize()
    text = f"{value:f}"
    return "0" if text in ("-0", "0") else text


def format_for(filename: str, given: str | None = None) -> str:
    if given:
        return given
    from pathlib import Path

    return EXTENSIONS.get(Path(filename).suffix.lower(), "")
