"""Writing the append-only audit log."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from learning.models import AuditLog


def audit_log(*, actor, action: str, obj: models.Model | None = None, before: Any = None, after: Any = None) -> AuditLog:
    """Record who did what to which object. `before`/`after` must be JSON-serialisable."""
    entry = AuditLog(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        before=before,
        after=after,
    )
    if obj is not None:
        entry.content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        entry.object_id = str(obj.pk)
        entry.object_repr = str(obj)[:255]
    entry.save()
    return entry
