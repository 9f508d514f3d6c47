"""django-tasks entry points of the learning app (database backend and db_worker in production,
the immediate backend in tests)."""

from __future__ import annotations

from django_tasks import task


@task()
def rebuild_kept_campaign(campaign_id: int) -> dict:
    """Rebuild the kept statuses of a campaign after an edit (`learning.services.kept.kept_catch_up`)."""
    from learning.services.kept import kept_catch_up

    return {"campaign": campaign_id, "rebuilt": kept_catch_up(campaign_id=campaign_id)}
