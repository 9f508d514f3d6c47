"""The originality signal shown to the grader: the reflections of the same campaign most like this one."""

from __future__ import annotations

from dataclasses import dataclass

from reflections.models import Reflection, ReflectionStatus
from reflections.originality import SIMILAR_AT, estimate


@dataclass(frozen=True)
class Similar:
    reflection: Reflection
    similarity: float  # estimated Jaccard similarity of word 5-shingles, 0..1
    visible: bool      # the grader may see whose it is (outside their scope: "another unit")

    @property
    def percent(self) -> int:
        return round(100 * self.similarity)


def similar_reflections(reflection: Reflection, *, visible_ids: set[int] | None = None,
                        threshold: float = SIMILAR_AT, limit: int = 5) -> list[Similar]:
    """Other submitted reflections of the campaign whose estimated similarity reaches `threshold`,
    most similar first. `visible_ids`: the reflections the grader may name (None: all)."""
    if not reflection.signature:
        return []
    others = (Reflection.objects.filter(campaign_id=reflection.campaign_id).exclude(pk=reflection.pk)
              .exclude(status=ReflectionStatus.DRAFT).exclude(signature=[])
              .select_related("employee", "employee__unit", "directive").only(
                  "id", "signature", "status", "submitted_on", "employee__full_name", "employee__employee_code",
                  "employee__unit__name", "directive__number", "directive__title", "campaign_id"))
    found = []
    for other in others:
        similarity = estimate(reflection.signature, other.signature)
        if similarity >= threshold:
            found.append(Similar(other, similarity, visible_ids is None or other.pk in visible_ids))
    found.sort(key=lambda s: (-s.similarity, s.reflection.pk))
    return found[:limit]
