"""Wagtail admin wiring, one module per concept; importing them registers their hooks.
Add a module to this one import (ruff keeps a single sorted `from . import`, one name a line)."""

from . import (  # noqa: F401
    campaigns,
    evidence,
    sessions,
)
