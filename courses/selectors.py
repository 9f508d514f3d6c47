"""Finding directives by reference, as CONTRACT.md says: the number as written in the plan,
matched after NFC, case folding and dash unification; `NUMBER@YYYY-MM-DD` picks by issue date."""

from __future__ import annotations

import datetime as dt

from learning.errors import DomainError
from learning.text import directive_key

from .models import DirectivePage


class DirectiveNotFound(DomainError):
    code = "directive_unknown"


class DirectiveAmbiguous(DomainError):
    code = "directive_ambiguous"


def directive_resolve(reference: str) -> DirectivePage:
    """The one directive a reference names; DirectiveNotFound / DirectiveAmbiguous otherwise."""
    number, _, day = (reference or "").strip().partition("@")
    pages = DirectivePage.objects.filter(number_key=directive_key(number))
    if day:
        try:
            issued = dt.date.fromisoformat(day.strip())
        except ValueError as exc:
            raise DirectiveNotFound(f'directive "{reference}": "{day}" is not a date (use NUMBER@YYYY-MM-DD)') from exc
        pages = pages.filter(issue_date=issued)
    found = list(pages.order_by("issue_date")[:3])
    if not found:
        raise DirectiveNotFound(f'unknown directive "{reference}"')
    if len(found) > 1:
        dates = ", ".join(f"{number.strip()}@{p.issue_date.isoformat()}" for p in found)
        raise DirectiveAmbiguous(f'directive "{reference}" is ambiguous: several share this number ({dates})')
    return found[0]


def directive_reference(page: DirectivePage) -> str:
    """The reference that names `page` uniquely: its number, plus @date when the number is reused."""
    shared = DirectivePage.objects.filter(number_key=page.number_key).exclude(pk=page.pk).exists()
    return f"{page.number}@{page.issue_date.isoformat()}" if shared else page.number
