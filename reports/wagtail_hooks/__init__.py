"""Wagtail admin wiring of the reports, one module per concept; importing them registers their hooks."""

from . import (  # noqa: F401
    annual_report,
    dashboard,
    documents,
    evidence_pack,
    province,
    reminders,
    scoring,
    submissions,
    targets,
)
