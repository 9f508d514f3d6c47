"""Targets of the plan (chỉ tiêu): the live measure of target 1 and audited updates by HR."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from learning.models import Campaign
from learning.selectors.compliance import compliance_summary
from learning.selectors.kept import kept_summary
from learning.selectors.summaries import Summary
from org.scoping import agency_object_required
from org.services.audit import audit_log
from reports.models import CampaignTarget, TargetKind, TargetStatus
from reports.selectors.dashboard import kept_answers


@dataclass(frozen=True)
class TargetProgress:
    """Where a target stands: measured (live) or as recorded by HR."""

    target: CampaignTarget
    live: bool
    percent: float | None  # live: share of the non-exempt audience who completed everything
    done_people: int | None
    people: int | None
    status: str
    result: str

    @property
    def status_label(self) -> str:
        return str(TargetStatus(self.status).label)


def _live_status(*, campaign: Campaign, percent: float, goal: int, as_of: dt.date) -> str:
    if percent >= goal:
        return TargetStatus.ACHIEVED
    return TargetStatus.IN_PROGRESS if as_of <= campaign.due else TargetStatus.NOT_ACHIEVED


def campaign_targets_progress(*, campaign: Campaign, as_of: dt.date | None = None,
                              overall: Summary | None = None) -> list[TargetProgress]:
    """Every target of `campaign` in order; the live ones measured from one compliance table
    (`overall`: its summary as of `as_of` when the caller has it, the annual report's)."""
    as_of = as_of or timezone.localdate()
    targets = list(campaign.targets.order_by("order", "id").prefetch_related("evidence__document"))
    figures = None
    if any(t.kind == TargetKind.LIVE_COMPLETION for t in targets):
        figures = (kept_summary(campaign=campaign, today=as_of) if kept_answers(campaign=campaign, as_of=as_of)
                   else overall if overall is not None else compliance_summary(campaign=campaign, as_of=as_of))
    progress = []
    for target in targets:
        if target.kind == TargetKind.LIVE_COMPLETION:
            percent = round(figures.people_rate, 1) if figures.people_rate is not None else None
            counted = figures.counted_people
            shown = "—" if percent is None else f"{percent:.1f}%".replace(".", ",")
            progress.append(TargetProgress(
                target=target, live=True, percent=percent, done_people=figures.done_people, people=counted,
                status=_live_status(campaign=campaign, percent=percent or 0.0, goal=target.goal_percent, as_of=as_of),
                result=f"{figures.done_people}/{counted} người đã hoàn thành ({shown})",
            ))
        else:
            progress.append(TargetProgress(target=target, live=False, percent=None, done_people=None, people=None,
                                           status=target.status, result=target.result))
    return progress


def _snapshot(target: CampaignTarget) -> dict:
    return {
        "order": target.order, "text": target.text, "kind": target.kind, "goal_percent": target.goal_percent,
        "status": target.status, "result": target.result,
        "evidence": sorted(e.document_id for e in target.evidence.all()),
    }


def target_save(*, target: CampaignTarget, actor, save: Callable[[], object] | None = None) -> CampaignTarget:
    """Create or update a target (with its evidence documents) and log before/after.
    `save` is what writes it (the admin form's save, which also writes the inline evidence)."""
    agency_object_required(actor=actor, agency=target.campaign.agency_id)
    with transaction.atomic():
        before = None
        if target.pk:
            before = _snapshot(CampaignTarget.objects.select_for_update().get(pk=target.pk))
        target.updated_by = actor if getattr(actor, "is_authenticated", False) else None
        (save or target.save)()
        target = CampaignTarget.objects.get(pk=target.pk)
        audit_log(actor=actor, action="target.create" if before is None else "target.update", obj=target,
                  before=before, after=_snapshot(target))
    return target
