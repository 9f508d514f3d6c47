"""The `--agency CODE` option of commands that work on one agency."""

from __future__ import annotations

from django.core.management.base import CommandError

from core.errors import DomainError
from org.models import OrgUnit
from org.selectors.agencies import agency_find


def agency_from_option(code: str | None) -> OrgUnit:
    try:
        return agency_find(code=code)
    except DomainError as exc:
        raise CommandError(str(exc)) from exc
