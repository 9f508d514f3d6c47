"""Certificates follow evidence: every `evidence_recorded` (sent on commit by the producers through
`core.evidence`) enqueues one task that issues what those people have now earned. Nothing is computed
in the request. Two safety nets catch anything missed: the learner's "Chứng nhận của tôi" page issues
on demand, and `issue_certificates --campaign SLUG` (cron, or the admin button) issues in bulk. All
paths are idempotent, so the same person announced twice never gets two certificates."""

from __future__ import annotations

from django.dispatch import receiver

from certificates.tasks import issue_due_certificates
from core.evidence import evidence_recorded


@receiver(evidence_recorded, dispatch_uid="certificates.issue_on_evidence")
def issue_on_evidence(sender, employee_ids, **kwargs) -> None:
    issue_due_certificates.enqueue(employee_ids=list(employee_ids))
