"""Reading manual evidence (minh chứng thủ công) within a user's scope."""

from __future__ import annotations

from django.db.models import QuerySet

from learning.models import ManualEvidence
from org.selectors.access import visible_employees


def readable_proofs(user) -> QuerySet[ManualEvidence]:
    """Manual evidence whose proof file `user` may download: the evidence of the people they may
    see (`visible_employees`): HR of the person's agency, the head of the person's unit (or a unit
    above it), the person themself; superusers all. Only records that have a file."""
    return ManualEvidence.objects.filter(employee__in=visible_employees(user)).exclude(proof="")
