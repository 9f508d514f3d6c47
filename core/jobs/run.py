"""The worker's side of a job row: take it (queued → running), beat while working, end it.

Every write after `take` is conditional on the row still being `running`, so a job that the stale
sweep has already failed (its worker looked dead) never comes back to life as done."""

from __future__ import annotations

import time

from django.conf import settings
from django.utils import timezone

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"


class JobAbandoned(Exception):
    """The row is no longer `running` (the stale sweep gave it up): stop working on it."""


def heartbeat_every() -> float:
    return float(getattr(settings, "JOBS_HEARTBEAT_SECONDS", 5))


class JobRun:
    def __init__(self, job):
        self.model, self.pk = type(job), job.pk
        self._last_beat: float | None = None

    def _running(self):
        return self.model.objects.filter(pk=self.pk, status=RUNNING)

    def take(self, **fields) -> bool:
        """Claim a queued job; False when another worker has it or it is finished."""
        taken = self.model.objects.filter(pk=self.pk, status=QUEUED).update(
            status=RUNNING, heartbeat_at=timezone.now(), **fields)
        self._last_beat = time.monotonic()
        return taken == 1

    def beat(self, *, force: bool = False, **fields) -> None:
        """Record progress and that the worker is alive, at most every JOBS_HEARTBEAT_SECONDS
        (progress is cheap to report often; the writes are what cost)."""
        now = time.monotonic()
        if not force and self._last_beat is not None and now - self._last_beat < heartbeat_every():
            return
        self._last_beat = now
        if not self._running().update(heartbeat_at=timezone.now(), **fields):
            raise JobAbandoned(f"{self.model.__name__} {self.pk} is no longer running")

    def end(self, status: str, **fields) -> bool:
        """running → done | failed; False when the sweep had already failed the job."""
        return bool(self._running().update(status=status, finished_at=timezone.now(), **fields))
