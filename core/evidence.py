"""Evidence of study (minh chứng) as plug-ins, and the one event that announces new evidence.

Each kind of evidence — attendance at a session, a passed quiz, a record by HR, and whatever an
app adds later — is one `EvidenceSource` registered here by the app that produces it (in its
`evidence_sources` module, imported by `autodiscover`). Compliance reads evidence only through
`sources()`: it never imports a producer. A source gives, from one base queryset (`records`):
- the bulk frame: (employee_id, directive_id, day) of the earliest evidence per person and
  directive in a date window, for a whole audience in a constant number of queries;
- one person's rows: (directive_id, date) pairs, for "Việc học của tôi";
- optionally, what a learner can do next to produce it (`offers`).

A producer announces new evidence with `evidence_announce(sender=…, employee_ids=…)`: the
`evidence_recorded` signal is sent once the transaction commits (never for a rolled-back one), and
`evidence_changed` at once inside it; evidence changed or removed is announced with
`evidence_withdraw` (`evidence_changed` only).
Inside `evidence_batch()` every announcement is collected and sent as one signal, so an import of
300 rows sends one. Certificates subscribe to the signal; producers know nothing of them.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ClassVar

import pandas as pd
from django.db import models, transaction
from django.dispatch import Signal
from django.utils.translation import gettext_lazy as _

# Sent after commit with `employee_ids` (a sorted list): these people may have new evidence.
evidence_recorded = Signal()
# Sent at once, inside the writer's transaction, with `employee_ids` (a sorted list): these people's
# evidence changed — new, changed or withdrawn. For receivers that keep derived data in the same
# transaction (the kept statuses); a rolled-back write rolls their work back with it.
evidence_changed = Signal()

FRAME_COLUMNS = ["employee_id", "directive_id", "day"]


class EvidenceKind(models.TextChoices):
    """The kinds of evidence, with the one label every screen, export and e-mail shows.
    A new kind adds its line here and registers its source in its own app."""

    ATTENDANCE = "attendance", _("Dự hội nghị học tập")
    QUIZ = "quiz", _("Đạt bài kiểm tra")
    MANUAL = "manual", _("Văn phòng ghi nhận")
    EXTERNAL = "external", _("Học qua hệ thống khác")
    REFLECTION = "reflection", _("Bài thu hoạch")
    VIDEO = "video", _("Xem video bài giảng")


def evidence_label(kind: str) -> str:
    """The label of a kind ("" for no evidence); a kind without a line in EvidenceKind shows its source's."""
    if not kind:
        return ""
    try:
        return str(EvidenceKind(kind).label)
    except ValueError:
        source = _registry.get(kind)
        return str(source.label) if source is not None and source.label else kind


@dataclass(frozen=True)
class Offer:
    """Something a learner can do to produce evidence for a directive: a button (`url`) or a note."""

    kind: str
    title: str
    url: str = ""
    when: str = ""  # emphasised part of a note, e.g. "12/10/2024 08:00"
    detail: str = ""
    group_id: int | None = None  # the campaign the offer belongs to, when it belongs to one


class EvidenceSource:
    """One kind of evidence. Subclasses set `kind`, `rank` (the order on a tie of dates: lower
    first), the field paths from a record to the person, the directive and the date, and
    `records()`; the two readers below derive from it."""

    kind: ClassVar[str]
    rank: ClassVar[int]
    label: ClassVar[Any] = ""
    employee_field: ClassVar[str] = "employee"
    directive_field: ClassVar[str] = "directive"
    date_field: ClassVar[str] = "date"

    def records(self) -> models.QuerySet:
        """Every record that counts as evidence, whatever its date (the one base queryset)."""
        raise NotImplementedError

    def frame(self, *, employees: models.QuerySet | list[int], directive_ids: list[int], start: dt.date,
              end: dt.date) -> pd.DataFrame:
        """Earliest evidence day (proleptic ordinal) per (employee_id, directive_id) in [start, end].
        Sources whose records reach directives through a container (a session, a quiz) override
        this to widen per container in pandas, which keeps one row read per record."""
        rows = (self.records()
                .filter(**{f"{self.employee_field}__in": employees, f"{self.directive_field}__in": directive_ids,
                           f"{self.date_field}__gte": start, f"{self.date_field}__lte": end})
                .values(self.employee_field, self.directive_field)
                .annotate(first=models.Min(self.date_field)).order_by()
                .values_list(self.employee_field, self.directive_field, "first"))
        frame = pd.DataFrame.from_records(list(rows), columns=["employee_id", "directive_id", "date"])
        if frame.empty:
            return empty_frame()
        frame["day"] = ordinal_days(frame["date"])
        return frame[FRAME_COLUMNS]

    def person_rows(self, *, employee_id: int, directive_ids: Iterable[int], start: dt.date,
                    end: dt.date) -> Iterable[tuple[int, dt.date]]:
        """(directive_id, date) of one person's evidence in [start, end] (a handful of rows)."""
        return (self.records()
                .filter(**{self.employee_field: employee_id, f"{self.directive_field}__in": list(directive_ids),
                           f"{self.date_field}__gte": start, f"{self.date_field}__lte": end})
                .values_list(self.directive_field, self.date_field).order_by().distinct())

    def offers(self, *, employee, directive_ids: set[int], today: dt.date, shared: dict) -> dict[int, list[Offer]]:
        """directive_id → what the person can do next to produce this evidence (none by default).
        `shared`: what the calling page already read (e.g. the person's upcoming sessions)."""
        return {}


def empty_frame() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype="int64") for name in FRAME_COLUMNS})


def ordinal_days(dates: pd.Series) -> pd.Series:
    """date objects → proleptic ordinals, converting each distinct date once."""
    return dates.map({d: d.toordinal() for d in dates.unique()}).astype("int64")


# --- the registry ----------------------------------------------------------------------------

_registry: dict[str, EvidenceSource] = {}


def register(cls: type[EvidenceSource]) -> type[EvidenceSource]:
    if cls.kind in _registry and type(_registry[cls.kind]) is not cls:
        raise ValueError(f"evidence source {cls.kind!r} registered twice")
    _registry[cls.kind] = cls()
    return cls


def unregister(kind: str) -> None:
    _registry.pop(kind, None)


def sources() -> list[EvidenceSource]:
    """Every registered source, in tie order."""
    return sorted(_registry.values(), key=lambda source: (source.rank, source.kind))


def autodiscover() -> None:
    """Import every app's `evidence_sources` module so that its sources register."""
    import importlib

    from django.apps import apps
    from django.utils.module_loading import module_has_submodule

    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "evidence_sources"):
            importlib.import_module(f"{config.name}.evidence_sources")


# --- announcing new evidence -------------------------------------------------------------------

_batches = threading.local()


def _send(sender: Any, ids: set[int]) -> None:
    if ids:
        ordered = sorted(ids)
        evidence_changed.send(sender=sender, employee_ids=ordered)
        transaction.on_commit(lambda: evidence_recorded.send(sender=sender, employee_ids=ordered))


def evidence_withdraw(*, sender: Any, employee_ids: Iterable[int]) -> None:
    """Call where evidence is changed or removed without any new evidence (a record deleted, a
    session's directives edited, a pass graded down): `evidence_changed` only, at once."""
    ids = sorted({int(pk) for pk in employee_ids if pk})
    if ids:
        evidence_changed.send(sender=sender, employee_ids=ids)


def evidence_announce(*, sender: Any, employee_ids: Iterable[int]) -> None:
    """Call at the end of any service that records evidence: `evidence_recorded` follows on commit
    (at once outside a transaction), or at the end of the enclosing `evidence_batch()`."""
    ids = {int(pk) for pk in employee_ids if pk}
    stack = getattr(_batches, "stack", None)
    if stack:
        stack[-1].update(ids)
    else:
        _send(sender, ids)


@contextmanager
def evidence_batch(*, sender: Any) -> Iterator[None]:
    """Collect every announcement made inside into one signal (an import of many rows)."""
    stack = _batches.__dict__.setdefault("stack", [])
    stack.append(set())
    try:
        yield
    except BaseException:
        stack.pop()
        raise
    ids = stack.pop()
    if stack:
        stack[-1].update(ids)  # an inner batch joins the outer one
    else:
        _send(sender, ids)
