"""The daily reminder job as a django-tasks task (django-tasks has no scheduler: a cron entry or
systemd timer enqueues it, or runs `manage.py send_reminders` directly — see docs/reminders.md)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from reports.services.reminders import reminders_send


@task()
def send_reminders_task(as_of: str | None = None, days_before: int = 7) -> dict:
    """Arguments are JSON-serialisable (the database backend stores them): `as_of` is ISO."""
    result = reminders_send(as_of=dt.date.fromisoformat(as_of) if as_of else None, days_before=days_before)
    return {"as_of": result.as_of.isoformat(), "sent": dict(result.sent), "failed": dict(result.failed),
            "no_email": dict(result.no_email), "already": dict(result.already)}
