"""Finding English on a page that should read Vietnamese.

The phrases looked for are the English sources of every catalogue the admin draws from: Wagtail's,
Django's and django-taggit's msgids (i18n/upstream) and the English translations of the project's
own strings (locale/en). A phrase counts only if it has two words or more (single words such as
"Email", "PDF" or "OK" are shared by both languages) and is matched on word boundaries in the text a
person sees: tags, scripts and styles stripped, plus the placeholder, title and aria-label texts."""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

import polib
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PLACEHOLDER = re.compile(r"%\([^)]*\)[sdif]|%[sdif]|\{[^}]*\}|<[^>]+>|&[a-z]+;")
# Phrases that read the same in the Vietnamese admin (names, abbreviations, code-like labels).
SHARED = {"Google Analytics", "Wagtail CMS", "Open Graph", "Font Awesome", "Times New Roman"}
INVISIBLE = re.compile(r"<(script|style|template|noscript)\b.*?</\1>", re.S | re.I)
ATTRIBUTES = re.compile(r'(?:placeholder|title|aria-label|alt)="([^"]*)"', re.I)
TAG = re.compile(r"<[^>]+>")


def _fragments(text: str):
    for part in PLACEHOLDER.split(text):
        part = " ".join(part.split()).strip(" .,:;…!?()\"'“”-–—/")
        if len(part.split()) >= 2 and part not in SHARED and re.search(r"[A-Za-z]{3}", part):
            yield part


@cache
def english_phrases() -> frozenset[str]:
    phrases: set[str] = set()
    for po_path in (ROOT / "i18n" / "upstream").rglob("*.po"):
        for entry in polib.pofile(str(po_path)):
            phrases.update(_fragments(entry.msgid))
    for entry in polib.pofile(str(ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po")):
        if entry.msgstr != entry.msgid:
            phrases.update(_fragments(entry.msgstr))
    return frozenset(phrases)


@cache
def _pattern() -> re.Pattern:
    ordered = sorted(english_phrases(), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(p) for p in ordered) + r")(?![\w])")


def visible_text(page: str) -> str:
    page = INVISIBLE.sub(" ", page)
    attributes = " | ".join(ATTRIBUTES.findall(page))
    return html.unescape(TAG.sub(" | ", page) + " | " + attributes)


def english_on(page: str) -> list[str]:
    """The English phrases found in a page's visible text (each once)."""
    return sorted(set(_pattern().findall(" ".join(visible_text(page).split()))))
