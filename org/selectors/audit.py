"""The audit log as people read it: Vietnamese action names, field names, old → new values.

Each app names its own actions in its AppConfig's `audit_actions` ({code: label}); an action no app
names is shown by its code. Field names come from the model of the entry's object when it has such
a field, else from `AUDIT_FIELD_LABELS` (keys that several services write), else the key itself."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from org.models import AuditLog

AUDIT_FIELD_LABELS = {
    "employee_code": _("Mã cán bộ"), "full_name": _("Họ và tên"), "unit": _("Đơn vị"), "email": _("Email"),
    "position": _("Chức vụ"), "category": _("Đối tượng"), "is_active": _("Đang công tác"),
    "campaign": _("Kế hoạch"), "directive": _("Văn bản"), "date": _("Ngày"), "status": _("Trạng thái"),
    "reason": _("Lý do"), "note": _("Ghi chú"), "title": _("Tên"), "score": _("Điểm"), "file": _("Tệp"),
    "created": _("Thêm mới"), "updated": _("Cập nhật"), "unchanged": _("Không đổi"), "rows": _("Số dòng"),
}


@dataclass(frozen=True)
class Change:
    field: str
    before: Any
    after: Any


@cache
def _action_labels() -> dict[str, Any]:
    labels: dict[str, Any] = {}
    for config in apps.get_app_configs():
        labels.update(getattr(config, "audit_actions", {}))
    return labels


def action_label(code: str) -> str:
    return str(_action_labels().get(code, code))


def action_choices(codes) -> list[tuple[str, str]]:
    return sorted(((code, action_label(code)) for code in codes), key=lambda choice: choice[1])


def field_label(entry: AuditLog, key: str) -> str:
    model = entry.content_type.model_class() if entry.content_type_id else None
    if model is not None:
        try:
            field = model._meta.get_field(key)
        except FieldDoesNotExist:
            field = None
        verbose = getattr(field, "verbose_name", None)  # reverse relations have none
        # Django's default (the name with spaces) is English: a given verbose_name is ours, Vietnamese.
        if verbose and str(verbose) != field.name.replace("_", " "):
            return str(verbose).capitalize()
    return str(AUDIT_FIELD_LABELS.get(key, key))


ISO_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)[^\s]*)?")


def _show(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, str) and (match := ISO_DATE.fullmatch(value)):
        y, m, d, hh, mm = match.groups()
        return f"{d}/{m}/{y}" + (f" {hh}:{mm}" if hh else "")
    if value is True:
        return str(_("có"))
    if value is False:
        return str(_("không"))
    if isinstance(value, list):
        return ", ".join(_show(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_show(v)}" for k, v in value.items())
    return str(value)


def audit_changes(entry: AuditLog) -> list[Change]:
    """What the entry changed, field by field (a value only before or only after shows — on the other side)."""
    before, after = entry.before, entry.after
    if not isinstance(before, dict) and not isinstance(after, dict):
        if before is None and after is None:
            return []
        return [Change("", _show(before), _show(after))]
    before, after = before if isinstance(before, dict) else {}, after if isinstance(after, dict) else {}
    keys = [k for k in {**before, **after} if before.get(k) != after.get(k)]
    return [Change(field_label(entry, k), _show(before.get(k)), _show(after.get(k))) for k in keys]


def audit_changes_text(entry: AuditLog) -> str:
    """One line: "Họ và tên: Nguyễn Văn A → Nguyễn Văn B; Đơn vị: — → Phòng X"; a record created
    (nothing before) reads "Họ và tên: Nguyễn Văn A; …"."""
    created = not entry.before
    parts = []
    for change in audit_changes(entry):
        value = change.after if created else f"{change.before} → {change.after}"
        parts.append(f"{change.field}: {value}" if change.field else value)
    return "; ".join(parts)
