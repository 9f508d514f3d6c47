"""Demo data, built step by step by each app (bakerydemo load_initial_data).

Each app registers its steps with `@demo_step(phase, order)` in its `demo` module (or the modules
of its `demo` package), found by `autodiscover`: the kernel never names an app. `demo_seed` runs
the phases in data-flow order — content (organisation → library → quizzes → campaign → dossier),
staff, activity (sessions → attempts → manual evidence → certificates), or scale for
`--employees N`, or province for `--province` — each step in its own transaction. Every step is idempotent, so `seed_demo`
can be re-run.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

CONTENT, STAFF, ACTIVITY, SCALE, PROVINCE = "content", "staff", "activity", "scale", "province"
PHASES = (CONTENT, STAFF, ACTIVITY, SCALE, PROVINCE)


@dataclass
class DemoContext:
    """What the steps share: the agency, options, and a log of what each step did."""

    content_only: bool = False
    employees: int | None = None
    seed: int = 2024
    province: bool = False  # `--province`: a province of `agencies` agencies, `employees` staff in all
    agencies: int = 20
    agency: object = None
    log: list[str] = field(default_factory=list)
    say: Callable[[str], None] = print


@dataclass(frozen=True)
class Step:
    phase: str
    order: int
    run: Callable[[DemoContext], str | None]

    @property
    def name(self) -> str:
        return f"{self.run.__module__}.{self.run.__name__}"


_steps: dict[str, Step] = {}


def demo_step(phase: str, order: int):
    """Register a step function `step(ctx) -> str` (what it did, for the log)."""
    if phase not in PHASES:
        raise ValueError(f"unknown demo phase {phase!r}")

    def decorator(function):
        step = Step(phase=phase, order=order, run=function)
        _steps[step.name] = step
        return function

    return decorator


def autodiscover() -> None:
    """Import every app's `demo` module and, for a package, each of its modules."""
    from django.apps import apps
    from django.utils.module_loading import module_has_submodule

    for config in apps.get_app_configs():
        if not module_has_submodule(config.module, "demo"):
            continue
        package = importlib.import_module(f"{config.name}.demo")
        for info in pkgutil.iter_modules(getattr(package, "__path__", [])):
            importlib.import_module(f"{config.name}.demo.{info.name}")


def steps(*phases: str) -> list[Step]:
    autodiscover()
    return sorted((s for s in _steps.values() if s.phase in phases),
                  key=lambda s: (PHASES.index(s.phase), s.order, s.name))


def demo_seed(*, content_only: bool = False, employees: int | None = None, seed: int = 2024, say=print,
              province: bool = False, agencies: int = 20) -> DemoContext:
    ctx = DemoContext(content_only=content_only, employees=employees, seed=seed, say=say, province=province,
                      agencies=agencies)
    phases = [CONTENT]
    if province:
        phases.append(PROVINCE)
    elif employees:
        phases.append(SCALE)
    elif not content_only:
        phases += [STAFF, ACTIVITY]
    for step in steps(*phases):
        with transaction.atomic():
            result = step.run(ctx)
        say(f"  - {step.name}: {result or 'done'}")
    return ctx
