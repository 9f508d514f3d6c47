"""Labels of the compliance exports, from the one vocabulary (learning.statuses, core.evidence)."""

from __future__ import annotations

import pandas as pd

from core.evidence import evidence_label
from learning.statuses import ComplianceStatus
from org.models import EmployeeCategory

STATUS_LABELS = dict(ComplianceStatus.choices)
CATEGORY_LABELS = dict(EmployeeCategory.choices)
TARGET_PERCENT = 100.0  # chỉ tiêu 1 of the plan: 100% of the audience studied every directive


def evidence_labels(kinds: pd.Series) -> pd.Series:
    """The label of each evidence kind in a column ("" for none), computed once per distinct kind."""
    return kinds.map({kind: evidence_label(kind) for kind in kinds.unique()})
