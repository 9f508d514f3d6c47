"""The hook point for automatic issuing.

Evidence arrives from several places (attendance, quiz submission, essay marking, manual
records, imports). Each of those services ends with one line:

    certificates.hooks.evidence_recorded(employee_ids=[...])

which, once the transaction commits, enqueues a background task that issues whatever those
people have now earned. Nothing is computed in the request. Two safety nets catch any evidence
path that does not call the hook: the learner's "Chứng nhận của tôi" page issues on demand, and
`issue_certificates --campaign SLUG` (cron, or the admin button) issues in bulk. All paths are
idempotent, so calling the hook twice, or all three paths at once, never gives two certificates.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

# Above this many people one bulk pass per campaign is cheaper than one status per person.
BULK_THRESHOLD = 200


class _Pending:
    """One on-commit callback per transaction, collecting every person the transaction touched,
    so an import of 300 attendance rows enqueues one task, not 300."""

    def __init__(self):
        self.ids: set[int] = set()

    def __call__(self) -> None:
        from certificates.tasks import issue_due_certificates

        issue_due_certificates.enqueue(employee_ids=sorted(self.ids))


def evidence_recorded(*, employee_ids: Iterable[int]) -> None:
    """Call at the end of any service that records evidence; returns at once."""
    ids = {int(pk) for pk in employee_ids if pk}
    if not ids:
        return
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        for entry in connection.run_on_commit:
            if isinstance(entry[1], _Pending):
                entry[1].ids |= ids
                return
    pending = _Pending()
    pending.ids |= ids
    transaction.on_commit(pending)  # outside a transaction this runs at once


def issue_due_for(*, employee_ids: list[int]) -> int:
    """Issue what these people have earned; returns how many certificates were issued."""
    from certificates.services.issuing import (
        _quiz_certificates_due,
        certificates_issue_due,
        certificates_issue_for_campaign,
    )
    from learning.models import Campaign, Employee

    employees = Employee.objects.filter(pk__in=employee_ids)
    if len(employee_ids) > BULK_THRESHOLD:
        agencies = set(employees.values_list("agency_id", flat=True))
        issued = sum(
            certificates_issue_for_campaign(campaign=campaign).issued_count
            for campaign in Campaign.objects.filter(agency_id__in=agencies).select_related("agency")
        )
        return issued + sum(len(_quiz_certificates_due(employee=employee)) for employee in employees)
    return sum(len(certificates_issue_due(employee=employee)) for employee in employees)
