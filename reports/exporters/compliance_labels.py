"""Labels and cell hygiene shared by the compliance xlsx, PDF and CSV."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from org.models import EmployeeCategory

STATUS_LABELS = {
    "completed": _("Hoàn thành"),
    "completed_late": _("Hoàn thành muộn"),
    "pending": _("Chưa học (còn hạn)"),
    "overdue": _("Quá hạn"),
    "exempt": _("Miễn học"),
}
EVIDENCE_LABELS = {"attendance": _("Dự hội nghị"), "quiz": _("Bài kiểm tra"), "manual": _("Văn phòng ghi nhận"), "": ""}
CATEGORY_LABELS = dict(EmployeeCategory.choices)
TARGET_PERCENT = 100.0  # chỉ tiêu 1 of the plan: 100% of the audience studied every directive
