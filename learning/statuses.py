"""The vocabulary of compliance: the five statuses of a (person, requirement) with the one label
every screen, export and e-mail shows, and the names of the two rates.

The two rates are never shown without their name:
- "Tỷ lệ người hoàn thành": people who completed every requirement / people who must study
  (the audience less the exempt) — chỉ tiêu 1 of the plan is 100% of this;
- "Tỷ lệ lượt văn bản hoàn thành": (person, directive) rows completed on time or late / rows that
  count (exempt rows excluded) — the completion % of docs/contract.md "Compliance".
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ComplianceStatus(models.TextChoices):
    COMPLETED = "completed", _("Hoàn thành")
    COMPLETED_LATE = "completed_late", _("Hoàn thành muộn")
    PENDING = "pending", _("Chưa hoàn thành (còn hạn)")
    OVERDUE = "overdue", _("Quá hạn")
    EXEMPT = "exempt", _("Miễn học")


COMPLETED, COMPLETED_LATE, PENDING, OVERDUE, EXEMPT = ComplianceStatus.values
STATUSES = tuple(ComplianceStatus.values)
DONE_STATUSES = (COMPLETED, COMPLETED_LATE)

PEOPLE_RATE = _("Tỷ lệ người hoàn thành")
PEOPLE_RATE_HELP = _("Số người hoàn thành tất cả văn bản / số người phải học (không tính người được miễn)")
ROWS_RATE = _("Tỷ lệ lượt văn bản hoàn thành")
ROWS_RATE_HELP = _("Số lượt người × văn bản đã hoàn thành (kể cả muộn) / số lượt phải học (không tính lượt miễn)")


def status_label(status: str) -> str:
    try:
        return str(ComplianceStatus(status).label)
    except ValueError:
        return status
