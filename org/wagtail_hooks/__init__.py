"""Wagtail admin wiring of the organisation, one module per concept; importing them registers their hooks."""

from . import (  # noqa: F401
    audit,
    documents,
    org,
)
