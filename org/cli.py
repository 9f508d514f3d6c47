"""The `--agency CODE` and `--province CODE` options of commands."""

from __future__ import annotations

from django.core.management.base import CommandError

from core.errors import DomainError
from org.models import OrgUnit, Province
from org.selectors.agencies import agency_find
from org.selectors.provinces import province_find


def agency_from_option(code: str | None) -> OrgUnit:
    try:
        return agency_find(code=code)
    except DomainError as exc:
        raise CommandError(str(exc)) from exc


def province_from_option(code: str) -> Province:
    try:
        return province_find(code=code)
    except DomainError as exc:
        raise CommandError(str(exc)) from exc
