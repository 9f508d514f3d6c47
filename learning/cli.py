"""The `--campaign SLUG [--agency CODE]` pair shared by every command that works on one campaign."""

from __future__ import annotations

from django.core.management.base import CommandError

from core.errors import DomainError
from learning.models import Campaign
from learning.selectors.campaigns import campaign_find


def add_campaign_arguments(parser, *, positional: str | None = None) -> None:
    """`--campaign SLUG` (or a positional argument named `positional`) and `--agency CODE`."""
    if positional:
        parser.add_argument(positional, help="campaign slug")
    else:
        parser.add_argument("--campaign", required=True, help="campaign slug")
    parser.add_argument("--agency", help="agency code (required when the slug exists in several agencies)")


def campaign_from_options(options: dict, *, key: str = "campaign") -> Campaign:
    try:
        return campaign_find(slug=options[key], agency_code=options.get("agency"))
    except DomainError as exc:
        raise CommandError(str(exc)) from exc
