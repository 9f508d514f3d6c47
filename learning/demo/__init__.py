"""Demo data, built step by step by each app (bakerydemo load_initial_data).

`demo_seed` runs the steps in data-flow order: organisation → content → campaign → staff →
evidence → certificates. Every step is idempotent, so `seed_demo` can be re-run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.module_loading import import_string

# Content steps run for every flavour of the demo; activity steps only for the full demo.
CONTENT_STEPS = [
    "org.demo.org.seed_org",
    "courses.demo.seed_content",
    "quizzes.demo.seed_quizzes",
    "learning.demo.campaigns.seed_campaigns",
    "reports.demo.dossier.seed_dossier",
]
STAFF_STEPS = [
    "org.demo.staff.seed_staff",
]
ACTIVITY_STEPS = [
    "learning.demo.sessions.seed_sessions",
    "quizzes.demo.seed_attempts",
    "learning.demo.campaigns.seed_evidence",
    "certificates.demo.seed_certificates",
]
SCALE_STEPS = [
    "reports.demo.scale.seed_scale",
]


@dataclass
class DemoContext:
    """What the steps share: the agency, options, and a log of what each step did."""

    content_only: bool = False
    employees: int | None = None
    seed: int = 2024
    agency: object = None
    log: list[str] = field(default_factory=list)
    say: Callable[[str], None] = print


def _load(path: str):
    try:
        return import_string(path)
    except ImportError as exc:
        # A step whose app has not been built yet is skipped and said so, never silently.
        module = path.rsplit(".", 1)[0]
        if getattr(exc, "name", None) == module or f"'{module}'" in str(exc) or "has no attribute" in str(exc):
            return None
        raise


def demo_seed(*, content_only: bool = False, employees: int | None = None, seed: int = 2024, say=print) -> DemoContext:
    ctx = DemoContext(content_only=content_only, employees=employees, seed=seed, say=say)
    steps = list(CONTENT_STEPS)
    if employees:
        steps += SCALE_STEPS
    elif not content_only:
        steps += STAFF_STEPS + ACTIVITY_STEPS
    for path in steps:
        step = _load(path)
        if step is None:
            say(f"  - {path}: not available yet, skipped")
            continue
        with transaction.atomic():
            result = step(ctx)
        say(f"  - {path}: {result or 'done'}")
    return ctx
