"""Certificate services: issuing (one, bulk, on completion), revocation, the ZIP of a campaign."""

from .issuing import (
    IssueResult,
    NotCompleted,
    certificate_issue,
    certificate_issue_for_quiz,
    certificates_issue_due,
    certificates_issue_due_for,
    certificates_issue_for_campaign,
    certificates_issue_if_complete,
)
from .revocation import AlreadyRevoked, CertificateNotFound, ReasonRequired, certificate_revoke

__all__ = [
    "AlreadyRevoked",
    "CertificateNotFound",
    "IssueResult",
    "NotCompleted",
    "ReasonRequired",
    "certificate_issue",
    "certificate_issue_for_quiz",
    "certificate_revoke",
    "certificates_issue_for_campaign",
    "certificates_issue_due",
    "certificates_issue_due_for",
    "certificates_issue_if_complete",
]
