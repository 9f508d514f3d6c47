"""Text folding shared by search, header matching, name matching and directive numbers."""

from __future__ import annotations

import re
import unicodedata

_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"})


def fold(text: str | None) -> str:
    """Lower-case, strip Vietnamese diacritics (đ → d) and collapse white space.

    "Nguyễn Văn  Ánh" → "nguyen van anh"; used wherever matching must ignore accents and case.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFD", str(text).translate(_DASHES))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = text.replace("đ", "d").replace("Đ", "D")
    return " ".join(text.casefold().split())


def header_key(text: str | None) -> str:
    """Header names match case-, space-, underscore- and diacritics-insensitively."""
    return re.sub(r"[\s_\-]+", "", fold((text or "").lstrip("\ufeff")))


def directive_key(number: str | None) -> str:
    """Normalised directive number: NFC, case-folded, every dash variant as '-', no spaces.

    "23-QĐ/TW", "23‑qđ/tw" and " 23 - QĐ / TW " share one key. Diacritics are kept (CONTRACT.md
    matches after NFC + case folding), so "qđ" and "qd" stay distinct here; search uses `fold`.
    """
    text = unicodedata.normalize("NFC", (number or "").translate(_DASHES)).casefold()
    return re.sub(r"\s+", "", text)


def normalise_directive_number(number: str) -> str:
    """The stored form of a number: NFC, ASCII hyphen, no spaces around '-' and '/'.

    Case is kept as written in the plan ("11-QĐi/TW" has a lower-case i).
    """
    text = unicodedata.normalize("NFC", number.translate(_DASHES)).strip()
    return re.sub(r"\s*([-/])\s*", r"\1", text)
