"""Evidence from outside learning systems, received through the API (core.evidence)."""

from __future__ import annotations

from api.models import ExternalEvidence
from core.evidence import EvidenceKind, EvidenceSource, register


@register
class ExternalSource(EvidenceSource):
    """A record sent by an outside system (POST /api/v1/evidence), dated when the person studied."""

    kind = EvidenceKind.EXTERNAL
    rank = 40  # after attendance, quizzes and records by HR on the same day

    def records(self):
        return ExternalEvidence.objects.all()
