"""Verification codes: ≥ 80 bits from `secrets`, typable (no 0/O, 1/I/L), grouped XXXX-XXXX-….

31 symbols (digits 2–9 and A–Z without I, L, O) give log2(31) ≈ 4.95 bits each; 20 symbols
give ≈ 99 bits, shown as five groups of four.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 20
GROUP = 4
_STRIP = re.compile(r"[\s\-–—_.]+")


def new_code() -> str:
    """A fresh code in canonical form (upper case, no dashes)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise_code(text: str) -> str:
    """What a person typed or scanned → canonical form: case, spaces and dashes do not matter."""
    return _STRIP.sub("", text or "").upper()


def is_well_formed(code: str) -> bool:
    return len(code) == LENGTH and all(ch in ALPHABET for ch in code)


def format_code(code: str) -> str:
    return "-".join(code[i:i + GROUP] for i in range(0, len(code), GROUP))
