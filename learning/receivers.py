"""The kept statuses follow every write that can change them, inside the writer's transaction
(docs/compliance.md "Kept statuses"): evidence of any kind (`core.evidence.evidence_changed`, sent
by every producer and by `evidence_withdraw`), the roster (`org.signals.staff_changed`), and a
session deleted with its attendance. Campaigns and exemptions call `learning.services.kept`
themselves."""

from __future__ import annotations

from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver

from core.evidence import evidence_changed
from learning.models import StudySession
from learning.services.kept import kept_people_changed
from org.signals import staff_changed


@receiver(evidence_changed, dispatch_uid="learning.kept_on_evidence")
def keep_on_evidence(sender, employee_ids, **kwargs) -> None:
    kept_people_changed(employee_ids=employee_ids)


@receiver(staff_changed, dispatch_uid="learning.kept_on_staff")
def keep_on_staff(sender, employee_ids, **kwargs) -> None:
    kept_people_changed(employee_ids=employee_ids, roster=True)


@receiver(pre_delete, sender=StudySession, dispatch_uid="learning.kept_session_attendees")
def remember_attendees(sender, instance, **kwargs) -> None:
    instance._kept_attendees = list(instance.attendances.values_list("employee_id", flat=True))


@receiver(post_delete, sender=StudySession, dispatch_uid="learning.kept_on_session_delete")
def keep_on_session_delete(sender, instance, **kwargs) -> None:
    kept_people_changed(employee_ids=getattr(instance, "_kept_attendees", []))
