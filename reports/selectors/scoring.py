"""The self-assessment sheet of an agency's year as one value: the criteria tree with self-scores,
totals rolled up, the rating from the bands, and an evidence index per criterion. A submitted
dossier is read from its snapshot, so everything rendered after submission is what was sent."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from core.choices import choice_label
from learning.selectors.compliance import compliance_summary
from org.models import OrgUnit
from reports.models import (
    EvidenceLinkKind,
    RatingBand,
    ScoringCriterion,
    ScoringDossier,
    SelfScoreEvidence,
    TargetStatus,
)
from reports.selectors.measures import criterion_proposal


@dataclass
class EvidenceEntry:
    kind: str  # EvidenceLinkKind value
    label: str  # the kind's label
    description: str
    reference: str  # the file name, session id, report number… that finds it in the pack
    note: str = ""


@dataclass
class SheetRow:
    code: str
    text: str
    level: int
    max_points: Decimal
    points: Decimal | None
    comment: str = ""
    guidance: str = ""
    measure: str = ""
    proposed: Decimal | None = None
    override_reason: str = ""
    is_leaf: bool = True
    evidence: list[EvidenceEntry] = field(default_factory=list)


@dataclass
class Sheet:
    agency_name: str
    governing_body: str
    agency_code: str
    year: int
    rows: list[SheetRow]
    bands: list[tuple[str, Decimal]]  # (rating, min points), highest first
    deadline: str = ""
    status: str = "draft"
    submitted_at: str = ""
    number: str = ""
    issued_on: str = ""
    basis: str = ""
    recipients: list[str] = field(default_factory=list)
    signer_title: str = ""
    signer_name: str = ""

    @property
    def total_max(self) -> Decimal:
        return sum((r.max_points for r in self.rows if r.level == 0), Decimal(0))

    @property
    def total_points(self) -> Decimal | None:
        scored = [r.points for r in self.rows if r.level == 0 and r.points is not None]
        return sum(scored, Decimal(0)) if scored else None

    @property
    def rating(self) -> str:
        return rating_for(self.total_points, self.bands)

    def as_json(self) -> dict:
        data = asdict(self)
        data["total_max"], data["total_points"], data["rating"] = (
            _dec(self.total_max), _dec(self.total_points), self.rating)
        return _jsonable(data)

    @classmethod
    def from_json(cls, data: dict) -> Sheet:
        rows = [SheetRow(**{**r, "max_points": Decimal(r["max_points"]), "points": _num(r["points"]),
                            "proposed": _num(r["proposed"]), "evidence": [EvidenceEntry(**e) for e in r["evidence"]]})
                for r in data["rows"]]
        keep = {k: v for k, v in data.items() if k in cls.__dataclass_fields__ and k not in ("rows", "bands")}
        return cls(rows=rows, bands=[(name, Decimal(low)) for name, low in data["bands"]], **keep)


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _num(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def _jsonable(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def rating_for(total: Decimal | None, bands: list[tuple[str, Decimal]]) -> str:
    if total is None:
        return ""
    for name, low in sorted(bands, key=lambda b: b[1], reverse=True):
        if total >= low:
            return name
    return ""


def _evidence_entry(link: SelfScoreEvidence, figures: dict) -> EvidenceEntry:
    kind = link.kind
    label = choice_label(EvidenceLinkKind, kind)
    target = link.linked
    if target is None:
        return EvidenceEntry(kind, label, _("(không còn tồn tại)"), "", link.note)
    if kind == EvidenceLinkKind.DOCUMENT:
        name = target.file.name.rsplit("/", 1)[-1] if target.file else ""
        return EvidenceEntry(kind, label, target.title, name, link.note)
    if kind == EvidenceLinkKind.SESSION:
        present = target.attendances.filter(status__in=["present", "late"]).count()
        return EvidenceEntry(kind, label, f"{target.title} ngày {target.date:%d/%m/%Y} ({present} người dự)",
                             f"hội nghị #{target.pk}", link.note)
    if kind == EvidenceLinkKind.REPORT:
        number = target.number or "…"
        return EvidenceEntry(kind, label, f"Báo cáo số {number}: kết quả {target.campaign.title}",
                             f"báo cáo {number}", link.note)
    if kind == EvidenceLinkKind.CAMPAIGN:
        if target.pk not in figures:
            figures[target.pk] = compliance_summary(campaign=target)
        figure = figures[target.pk]
        rate = "—" if figure.people_rate is None else f"{figure.people_rate:.1f}".replace(".", ",") + "%"
        return EvidenceEntry(kind, label, f"{target.title}: {figure.done_people}/{figure.counted_people} người "
                             f"hoàn thành, Tỷ lệ người hoàn thành {rate}", f"kế hoạch {target.slug}", link.note)
    if kind == EvidenceLinkKind.MANUAL:
        return EvidenceEntry(kind, label, str(target), f"minh chứng #{target.pk}", link.note)
    status = choice_label(TargetStatus, target.status)
    return EvidenceEntry(kind, label, f"Chỉ tiêu {target.order}: {target.text} — {status}",
                         f"chỉ tiêu {target.order}", link.note)


def _live_rows(agency: OrgUnit, year: int) -> list[SheetRow]:
    criteria = list(ScoringCriterion.objects.filter(agency=agency, year=year).order_by("order", "code")
                    .select_related("self_score"))
    evidence: dict[int, list[SelfScoreEvidence]] = {}
    for link in (SelfScoreEvidence.objects.filter(score__criterion__in=criteria)
                 .select_related("document", "session", "annual_report__campaign", "campaign",
                                 "manual_evidence__employee", "manual_evidence__directive", "target")
                 .order_by("sort_order", "id")):
        evidence.setdefault(link.score_id, []).append(link)
    parents = {c.parent_id for c in criteria if c.parent_id}
    # a draft shows what the figures propose today (the stored proposal is the one at scoring time)
    proposals = {c.pk: criterion_proposal(criterion=c) for c in criteria if c.measure}
    figures: dict = {}
    rows = []
    for criterion in criteria:
        score = getattr(criterion, "self_score", None)  # the reverse one-to-one raises AttributeError
        rows.append(SheetRow(
            code=criterion.code, text=criterion.text, level=criterion.level, max_points=criterion.max_points,
            points=score.points if score else None, comment=score.comment if score else "",
            guidance=criterion.guidance, measure=criterion.measure,
            proposed=proposals.get(criterion.pk),
            override_reason=score.override_reason if score else "", is_leaf=criterion.pk not in parents,
            evidence=[_evidence_entry(e, figures) for e in evidence.get(score.pk, [])] if score else [],
        ))
    _roll_up(rows)
    return rows


def _roll_up(rows: list[SheetRow]) -> None:
    """A parent's points are the sum of its children's (None while none of them is scored);
    deepest first, so a grandparent sums its children's sums."""
    for row in sorted(rows, key=lambda r: r.level, reverse=True):
        if row.is_leaf:
            continue
        prefix = row.code + "."
        kids = [r for r in rows if r.code.startswith(prefix) and r.level == row.level + 1]
        scored = [k.points for k in kids if k.points is not None]
        row.points = sum(scored, Decimal(0)) if scored else None


def scoring_sheet(*, agency: OrgUnit, year: int, live: bool = False) -> Sheet:
    """The sheet as it stands — or, for a submitted dossier (unless `live`), as it was sent."""
    dossier = ScoringDossier.objects.filter(agency=agency, year=year).first()
    if dossier is not None and dossier.is_submitted and dossier.snapshot and not live:
        return Sheet.from_json(dossier.snapshot)
    bands = [(b.rating, b.min_points) for b in RatingBand.objects.filter(agency=agency, year=year)
             .order_by("-min_points")]
    sheet = Sheet(agency_name=agency.name, governing_body=agency.governing_body, agency_code=agency.code,
                  year=year, rows=_live_rows(agency, year), bands=bands)
    if dossier is not None:
        sheet.deadline = dossier.deadline.isoformat()
        sheet.status = dossier.status
        sheet.submitted_at = dossier.submitted_at.isoformat() if dossier.submitted_at else ""
        sheet.number = dossier.number
        sheet.issued_on = dossier.issued_on.isoformat() if dossier.issued_on else ""
        sheet.basis = dossier.basis
        sheet.recipients = [line.strip() for line in dossier.recipients.splitlines() if line.strip()]
        sheet.signer_title, sheet.signer_name = dossier.signer_title, dossier.signer_name
    return sheet
