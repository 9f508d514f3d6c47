"""Writing the append-only audit log."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models

from org.models import AuditLog, OrgUnit

# Relations followed, in order, from an audited object to the agency it belongs to
# (attempt → employee → agency, session → campaign → agency, self-score → criterion → agency, …).
AGENCY_RELATIONS = ("employee", "campaign", "session", "criterion", "target", "score")


def agency_id_of(obj: models.Model | None, _depth: int = 0) -> int | None:
    """The id of the agency `obj` belongs to, or None when it belongs to none (shared content)."""
    if obj is None or _depth > 3:
        return None
    if isinstance(obj, OrgUnit):
        return obj.pk if obj.depth == 1 else obj.get_root().pk
    if _has_field(obj, "agency") and obj.agency_id is not None:
        return obj.agency_id
    for name in AGENCY_RELATIONS:
        if _has_field(obj, name):
            try:
                related = getattr(obj, name)
            except ObjectDoesNotExist:
                continue
            found = agency_id_of(related, _depth + 1)
            if found is not None:
                return found
    return None


def _has_field(obj: models.Model, name: str) -> bool:
    try:
        return obj._meta.get_field(name).many_to_one
    except FieldDoesNotExist:
        return False


def _actor_agency_id(actor) -> int | None:
    try:
        return actor.employee.agency_id
    except (AttributeError, ObjectDoesNotExist):
        return None


def audit_log(*, actor, action: str, obj: models.Model | None = None, before: Any = None, after: Any = None,
              agency: OrgUnit | None = None) -> AuditLog:
    """Record who did what to which object. `before`/`after` must be JSON-serialisable.

    The entry's agency (who may read it) is `agency` if given, else the object's, else the actor's;
    a command run without an actor on an object of no agency writes an entry only superusers read."""
    actor = actor if getattr(actor, "is_authenticated", False) else None
    entry = AuditLog(actor=actor, action=action, before=before, after=after)
    entry.agency_id = agency.pk if agency is not None else (agency_id_of(obj) or _actor_agency_id(actor))
    if obj is not None:
        entry.content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        entry.object_id = str(obj.pk)
        entry.object_repr = str(obj)[:255]
    entry.save()
    return entry
