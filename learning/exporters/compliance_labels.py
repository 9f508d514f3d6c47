"""Labels and cell hygiene shared by the compliance xlsx, PDF and CSV."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
from django.utils.translation import gettext_lazy as _

from core.exporters import safe_cell
from learning.models import EmployeeCategory

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

# Identifiers (employee codes, directive numbers) are kept verbatim unless they could start a
# formula: "=", "@", a tab or CR, or "+"/"-" followed by anything but a plain code ("-001" stays).
_PLAIN_SIGNED_CODE = re.compile(r"[+-][\w./-]*")


def neutralise_code(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(("+", "-")) and _PLAIN_SIGNED_CODE.fullmatch(value):
        return value
    return safe_cell(value)


def neutralise_text(series: pd.Series) -> pd.Series:
    """safe_cell over a column, computed once per distinct value (names repeat per requirement)."""
    series = series.astype(object)
    return series.map({value: safe_cell(value) for value in series.unique()})


def neutralise_codes(series: pd.Series) -> pd.Series:
    """neutralise_code over a column, computed once per distinct value."""
    series = series.astype(object)
    return series.map({value: neutralise_code(value) for value in series.unique()})
