"""Wagtail admin wiring, one module per concept; importing them registers their hooks.
Add a module to this one import line (ruff keeps a single sorted `from . import`)."""

from . import audit, campaigns, dashboard, documents, evidence, exports, org, reminders, scoring, sessions  # noqa: F401
