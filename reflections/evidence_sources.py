"""Evidence produced in this app: a reflection graded "Đạt", dated on its submission (core.evidence)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.evidence import EvidenceKind, EvidenceSource, Offer, register
from reflections.models import Reflection, ReflectionStatus
from reflections.selectors.prompts import prompts_by_requirement

# What the learner's page says for a reflection in each state (no reflection yet: "write one").
_TITLES = {
    ReflectionStatus.DRAFT: gettext_lazy("Tiếp tục viết bài thu hoạch"),
    ReflectionStatus.SUBMITTED: gettext_lazy("Xem bài thu hoạch (chờ chấm)"),
    ReflectionStatus.RETURNED: gettext_lazy("Sửa bài thu hoạch được trả lại"),
    ReflectionStatus.FAILED: gettext_lazy("Viết lại bài thu hoạch"),
}


@register
class ReflectionSource(EvidenceSource):
    """A written reflection (bài thu hoạch) graded Đạt by the unit head or HR, dated when submitted."""

    kind = EvidenceKind.REFLECTION
    rank = 35  # after attendance, quizzes and records by HR on the same day; before outside systems
    date_field = "submitted_on"

    def records(self):
        return Reflection.objects.filter(status=ReflectionStatus.PASSED)

    def offers(self, *, employee, directive_ids: set[int], today: dt.date, shared: dict) -> dict[int, list[Offer]]:
        prompts = prompts_by_requirement(agency_id=employee.agency_id, directive_ids=directive_ids)
        if not prompts:
            return {}
        statuses = dict(((r.campaign_id, r.directive_id), r.status) for r in Reflection.objects.for_agency(
            employee.agency_id).filter(employee=employee, directive_id__in=list(directive_ids)).only(
                "campaign_id", "directive_id", "status"))
        offers: dict[int, list[Offer]] = {}
        for (campaign_id, directive_id) in sorted(prompts):
            status = statuses.get((campaign_id, directive_id))
            if status == ReflectionStatus.PASSED:
                continue
            title = str(_TITLES[status]) if status else _("Viết bài thu hoạch")
            url = reverse("reflections:write", kwargs={"campaign_id": campaign_id, "directive_id": directive_id})
            offers.setdefault(directive_id, []).append(Offer(kind=self.kind, title=title, url=url,
                                                             group_id=campaign_id))
        return offers
