"""Question file formats: each module has a parser (bytes/text -> ParsedQuestion list, raising
ImportRefused with the line or row of every problem) and a writer (questions -> canonical bytes)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal

FORMATS = ("gift", "aiken", "xlsx", "quizapp-json")
EXTENSIONS = {".gift": "gift", ".txt": "gift", ".aiken": "aiken", ".xlsx": "xlsx", ".json": "quizapp-json"}


@dataclass
class ParsedAnswer:
    text: str
    fraction: Decimal = Decimal("0")
    feedback: str = ""


@dataclass
class ParsedQuestion:
    qtype: str
    text: str
    name: str = ""
    category: str = ""
    multiple: bool = False
    general_feedback: str = ""
    answers: list[ParsedAnswer] = field(default_factory=list)
    line: int | None = None  # where it starts in the file, for messages

    def fingerprint(self) -> str:
        data = asdict(self)
        data.pop("line")
        data.pop("category")
        for a in data["answers"]:
            a["fraction"] = format_fraction(a["fraction"])
        return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


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
