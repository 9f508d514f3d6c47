"""A job whose worker died (SIGKILL, out of memory, host lost) stays `running`: no code of the
worker runs any more. Such a job is recognised by its heartbeat, older than JOBS_STALE_AFTER_SECONDS,
and failed — whenever somebody looks at the jobs (the admin screens, the download views) and by the
`fail_stale_jobs` command that operators run from cron. HR can then start the job again.

Only `running` jobs are judged: with the django-tasks database backend a `queued` job's task is
still waiting for a worker (a worker that claims it sets the job running at once), and a queue
waiting for a busy or stopped worker is not a failure — the job runs when a worker is back."""

from __future__ import annotations

import datetime as dt
import logging

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_noop

from core.jobs.files import leftovers_remove
from core.jobs.run import FAILED, RUNNING
from core.models import BackgroundJob

logger = logging.getLogger(__name__)

# Stored untranslated (the job list shows it through {% translate %} in the reader's language).
STALE_ERROR = gettext_noop("Tiến trình xử lý đã dừng giữa chừng (máy xử lý nền bị tắt hoặc mất kết nối) "
                           "nên tệp không được tạo. Hãy tạo lại.")


def stale_after() -> dt.timedelta:
    return dt.timedelta(seconds=float(getattr(settings, "JOBS_STALE_AFTER_SECONDS", 600)))


def _stale(cutoff: dt.datetime) -> Q:
    # A row written before heartbeats existed has none: judged by its age.
    return Q(status=RUNNING) & (Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, created_at__lt=cutoff))


def stale_jobs_fail(model: type[BackgroundJob], *, now: dt.datetime | None = None) -> list[int]:
    """Fail every stale job of `model`, remove what its worker left; returns their ids."""
    now = now or timezone.now()
    cutoff = now - stale_after()
    failed = []
    for pk in model.objects.filter(_stale(cutoff)).values_list("pk", flat=True):
        # Re-checked in the update: a job that beat meanwhile is alive after all.
        if model.objects.filter(_stale(cutoff), pk=pk).update(status=FAILED, error=STALE_ERROR, finished_at=now):
            failed.append(pk)
            leftovers_remove(model=model, pk=pk, untouched_since=cutoff)
    if failed:
        logger.warning("stale %s failed: %s", model._meta.label, failed)
    return failed


def job_models() -> list[type[BackgroundJob]]:
    return [model for model in apps.get_models() if issubclass(model, BackgroundJob)]


def stale_jobs_fail_all(*, now: dt.datetime | None = None) -> dict[str, list[int]]:
    """The sweep over every kind of job (the `fail_stale_jobs` command)."""
    return {model._meta.label: stale_jobs_fail(model, now=now) for model in job_models()}
