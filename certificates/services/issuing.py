"""Issuing certificates: to one person, to every completer of a campaign, and on completion.

Rules:
- only a person who completed (or completed late) every requirement of the campaign as of the
  given date gets one (the compliance selector decides, nothing here re-implements it);
- a person never holds two valid certificates for the same campaign (a lock on the campaign row
  serialises its issuers; a conditional unique constraint backs it up in the database);
- someone whose certificate was revoked is not given a new one automatically or in bulk: the
  revocation was an HR decision; HR re-issues explicitly with `reissue=True`;
- a certificate is dated the day its holder completed the campaign — the date of the evidence
  that completed their last requirement — and numbered in that day's year (`15/2024/GCN-SCT` for
  a 2024 campaign whatever the day it is issued); a bulk issue numbers each year's certificates in
  the order of those dates. Only when no such date is known (never for a completer) does the
  as-of date, else today, stand in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from certificates.codes import new_code
from certificates.models import Certificate, CertificateStatus, CertificateTemplateSettings, QuizCertificate
from certificates.services.serials import serial_counter_lock, serial_text, serials_take
from core.errors import DomainError
from learning.models import Campaign
from learning.selectors.compliance import completion_dates, employee_campaign_status, person_campaigns
from learning.statuses import DONE_STATUSES
from org.models import Employee, OrgUnit
from org.scoping import ForeignAgencyObject, agency_object_required
from org.services.audit import audit_log
from quizzes.models import Attempt, Quiz

CHUNK = 1000


class NotCompleted(DomainError):
    code = "certificate_not_completed"


class AlreadyRevokedHolder(DomainError):
    code = "certificate_revoked_holder"


@dataclass
class IssueResult:
    campaign: Campaign
    completed: int = 0
    issued: list[Certificate] = field(default_factory=list)
    already_held: int = 0
    skipped_revoked: int = 0
    files: list[Path] = field(default_factory=list)

    @property
    def issued_count(self) -> int:
        return len(self.issued)


@dataclass(frozen=True)
class _Snapshot:
    """What the template says at issue time; copied onto each certificate."""

    governing_body: str
    agency_name: str
    place: str
    suffix: str
    wording: str
    signer_title: str
    signer_name: str


def _snapshot(agency: OrgUnit) -> _Snapshot:
    template = CertificateTemplateSettings.load()
    return _Snapshot(
        governing_body=template.governing_body or agency.governing_body,
        agency_name=template.agency_name or agency.name.upper(),
        place=template.place,
        suffix=template.serial_suffix or "GCN",
        wording=template.wording,
        signer_title=template.signer_title,
        # Never a blank signer: without a configured name, the agency's Giám đốc in the roster.
        signer_name=template.signer_name or agency_head_name(agency),
    )


def agency_head_name(agency: OrgUnit) -> str:
    """The full name of the agency's Giám đốc (position "Giám đốc", active), "" when the roster has none."""
    return (Employee.objects.filter(agency=agency, position__iexact="Giám đốc", is_active=True)
            .order_by("employee_code").values_list("full_name", flat=True).first()) or ""


def _local_today() -> dt.date:
    return timezone.localdate()


def _build(*, employee: Employee, campaign: Campaign | None = None, quiz=None, snap: _Snapshot, number: int,
           issued_on: dt.date, actor, wording: str | None = None) -> Certificate:
    agency = campaign.agency if campaign is not None else employee.agency
    return Certificate(
        agency=agency,
        employee=employee,
        campaign=campaign,
        quiz=quiz,
        holder_name=employee.full_name,
        holder_honorific=employee.honorific,
        title=campaign.title if campaign is not None else quiz.title,
        wording=snap.wording if wording is None else wording,
        governing_body=snap.governing_body,
        agency_name=snap.agency_name,
        place=snap.place,
        signer_title=snap.signer_title,
        signer_name=snap.signer_name,
        serial_year=issued_on.year,
        serial_number=number,
        serial=serial_text(number=number, year=issued_on.year, suffix=snap.suffix, agency_code=agency.code),
        code=new_code(),
        issued_on=issued_on,
        issued_by=actor if getattr(actor, "is_authenticated", False) else None,
    )


def _lock_campaign(campaign: Campaign) -> None:
    """Issuers of one campaign queue here (single, hook and bulk alike, whatever issue year they
    use), so whoever goes next sees the certificates committed before it. Always taken before
    the serial counter: one lock order, no deadlock. NO KEY: rows written meanwhile that reference
    the campaign (kept statuses, exemptions) take KEY SHARE in their foreign-key check; a full lock
    made them wait here while the issuer waited for their writer's lock on the person (deadlock).
    Issuers still exclude one another, and the campaign's deletion (FOR UPDATE) excludes them."""
    Campaign.objects.select_for_update(no_key=True).filter(pk=campaign.pk).values_list("pk", flat=True).get()


def completion_date(*, employee: Employee, campaign: Campaign, as_of: dt.date | None = None) -> dt.date | None:
    """The day one person completed the campaign (the latest of their requirements' evidence), or
    None when they have not; from the per-person status (cheaper than the whole campaign table)."""
    for status in employee_campaign_status(employee=employee, as_of=as_of):
        if status.campaign.pk == campaign.pk:
            if not status.items or any(item.status not in DONE_STATUSES for item in status.items):
                return None
            days = [item.evidence_date for item in status.items if item.evidence_date]
            return max(days) if days else None
    return None


def certificate_issue(*, employee: Employee, campaign: Campaign, actor=None, as_of: dt.date | None = None,
                      reissue: bool = False, check_completion: bool = True,
                      completed_on: dt.date | None = None) -> tuple[Certificate, bool]:
    """Issue the campaign's certificate to one person; returns (certificate, created).

    Idempotent: when the person already holds a valid one it is returned unchanged, also when
    two completions race (the second waits on the serial counter, then sees the first).
    """
    agency_object_required(actor=actor, agency=campaign.agency_id)
    if employee.agency_id != campaign.agency_id:
        raise ForeignAgencyObject("not found")
    if completed_on is None:
        completed_on = completion_date(employee=employee, campaign=campaign, as_of=as_of)
    if check_completion and completed_on is None:
        raise NotCompleted(f"{employee.employee_code} has not completed {campaign.slug}")
    issued_on = completed_on or as_of or _local_today()
    snap = _snapshot(campaign.agency)
    with transaction.atomic():
        _lock_campaign(campaign)
        counter = serial_counter_lock(agency=campaign.agency, year=issued_on.year)
        held = Certificate.objects.filter(employee=employee, campaign=campaign)
        existing = held.filter(status=CertificateStatus.VALID).first()
        if existing:
            return existing, False
        if not reissue and held.filter(status=CertificateStatus.REVOKED).exists():
            raise AlreadyRevokedHolder(f"{employee.employee_code}: certificate for {campaign.slug} was revoked")
        (number,) = serials_take(counter=counter, count=1)
        certificate = _build(employee=employee, campaign=campaign, snap=snap, number=number, issued_on=issued_on,
                             actor=actor)
        certificate.save()
        audit_log(actor=actor, action="certificate.issue", obj=certificate,
                  after={"serial": certificate.serial, "employee": employee.employee_code, "campaign": campaign.slug})
    return certificate, True


def certificates_issue_if_complete(*, employee: Employee, campaign: Campaign, actor=None) -> Certificate | None:
    """The hook for automatic issuing: cheap when nothing is to be done.

    Returns the person's valid certificate (new or existing), or None when they have not
    completed the campaign or their certificate was revoked.
    """
    agency_object_required(actor=actor, agency=campaign.agency_id)
    held = list(Certificate.objects.filter(employee=employee, campaign=campaign))
    if held:  # a valid one, else only revoked ones: never re-issued automatically
        return next((c for c in held if c.is_valid), None)
    completed_on = completion_date(employee=employee, campaign=campaign)
    if completed_on is None:
        return None
    try:
        certificate, _created = certificate_issue(
            employee=employee, campaign=campaign, actor=actor, check_completion=False, completed_on=completed_on
        )
    except AlreadyRevokedHolder:
        return None
    return certificate


def certificates_issue_for_campaign(*, campaign: Campaign, as_of: dt.date | None = None, out_dir: Path | None = None,
                                    actor=None, progress: Callable[[int, int], None] | None = None) -> IssueResult:
    """Issue to everyone who completed the campaign as of `as_of` and holds none yet.

    Serial numbers are taken in one locked block and rows written with bulk_create in chunks.
    With `out_dir`, each new certificate's PDF is written as DIR/<employee_code>.pdf after commit.
    """
    agency_object_required(actor=actor, agency=campaign.agency_id)
    result = IssueResult(campaign=campaign)
    completed_on = completion_dates(campaign=campaign, as_of=as_of)
    completer_ids = set(completed_on)
    result.completed = len(completer_ids)
    fallback = as_of or _local_today()
    snap = _snapshot(campaign.agency)
    with transaction.atomic():
        _lock_campaign(campaign)
        held = Certificate.objects.filter(campaign=campaign, employee_id__in=completer_ids)
        holder_ids = set(held.values_list("employee_id", flat=True))
        valid_ids = set(held.filter(status=CertificateStatus.VALID).values_list("employee_id", flat=True))
        result.already_held = len(valid_ids)
        result.skipped_revoked = len(holder_ids - valid_ids)
        todo = sorted(completer_ids - holder_ids)
        employees = Employee.objects.filter(pk__in=todo).only("pk", "full_name", "employee_code", "gender")
        day = {person.pk: completed_on.get(person.pk) or fallback for person in employees}
        people = sorted(employees, key=lambda e: (day[e.pk], e.employee_code))
        total = len(people)
        # One counter per year of completion, locked in year order (the single issuer takes one).
        numbers: dict[int, int] = {}
        for year in sorted({day[person.pk].year for person in people}):
            of_year = [person for person in people if day[person.pk].year == year]
            counter = serial_counter_lock(agency=campaign.agency, year=year)
            numbers.update(zip((p.pk for p in of_year), serials_take(counter=counter, count=len(of_year)),
                               strict=True))
        for start in range(0, total, CHUNK):
            chunk = [
                _build(employee=person, campaign=campaign, snap=snap, number=numbers[person.pk],
                       issued_on=day[person.pk], actor=actor)
                for person in people[start:start + CHUNK]
            ]
            Certificate.objects.bulk_create(chunk)
            result.issued.extend(chunk)
            if progress:
                progress(len(result.issued), total)
        if people:
            audit_log(actor=actor, action="certificate.issue_bulk", obj=campaign,
                      after={"issued": total, "as_of": fallback.isoformat(),
                             "serials": [result.issued[0].serial, result.issued[-1].serial]})
    if out_dir is not None:
        # Every valid certificate of the campaign, those issued earlier (on completion) included.
        valid = list(Certificate.objects.filter(campaign=campaign, status=CertificateStatus.VALID)
                     .select_related("employee").order_by("employee__employee_code"))
        result.files = write_pdfs(certificates=valid, out_dir=Path(out_dir), progress=progress)
    return result


def write_pdfs(*, certificates: list[Certificate], out_dir: Path,
               progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Write DIR/<employee_code>.pdf for each certificate (atomically: aside, then renamed)."""
    from certificates.pdf import CertificateRenderer

    out_dir.mkdir(parents=True, exist_ok=True)
    renderer = CertificateRenderer()
    paths = []
    for index, certificate in enumerate(certificates, start=1):
        path = out_dir / f"{certificate.employee.employee_code}.pdf"
        partial = path.with_suffix(".pdf.part")
        partial.write_bytes(renderer.render(certificate))
        partial.replace(path)
        paths.append(path)
        if progress and index % 100 == 0:
            progress(index, len(certificates))
    return paths


def certificate_issue_for_quiz(*, employee: Employee, quiz, actor=None, reissue: bool = False
                               ) -> tuple[Certificate, bool]:
    """The certificate of a quiz flagged for one (`QuizCertificate`), dated the day of the first
    passed attempt. Idempotent like `certificate_issue`; issuers queue on the quiz row."""
    agency_object_required(actor=actor, agency=employee.agency_id)
    setting = QuizCertificate.objects.filter(quiz=quiz, enabled=True).first()
    if setting is None:
        raise NotCompleted(f"quiz {quiz.slug} gives no certificate", code="certificate_quiz_not_flagged")
    passed = Attempt.objects.filter(quiz=quiz, employee=employee, passed=True).order_by("evidence_date", "pk").first()
    if passed is None:
        raise NotCompleted(f"{employee.employee_code} has not passed {quiz.slug}")
    issued_on = passed.evidence_date or _local_today()
    snap = _snapshot(employee.agency)
    with transaction.atomic():
        Quiz.objects.select_for_update().filter(pk=quiz.pk).values_list("pk", flat=True).get()
        counter = serial_counter_lock(agency=employee.agency, year=issued_on.year)
        held = Certificate.objects.filter(employee=employee, quiz=quiz)
        existing = held.filter(status=CertificateStatus.VALID).first()
        if existing:
            return existing, False
        if not reissue and held.filter(status=CertificateStatus.REVOKED).exists():
            raise AlreadyRevokedHolder(f"{employee.employee_code}: certificate for {quiz.slug} was revoked")
        (number,) = serials_take(counter=counter, count=1)
        certificate = _build(employee=employee, quiz=quiz, snap=snap, number=number, issued_on=issued_on,
                             actor=actor, wording=setting.wording)
        certificate.save()
        audit_log(actor=actor, action="certificate.issue", obj=certificate,
                  after={"serial": certificate.serial, "employee": employee.employee_code, "quiz": quiz.slug})
    return certificate, True


def _quiz_certificates_due(*, employee: Employee, actor=None) -> list[Certificate]:
    held = Certificate.objects.filter(employee=employee, quiz__isnull=False).values("quiz_id")
    quizzes = Quiz.objects.filter(certificate_setting__enabled=True, attempts__employee=employee,
                                  attempts__passed=True).exclude(pk__in=held).distinct()
    issued = []
    for quiz in quizzes:
        certificate, created = certificate_issue_for_quiz(employee=employee, quiz=quiz, actor=actor)
        if created:
            issued.append(certificate)
    return issued


def certificates_issue_due(*, employee: Employee, actor=None) -> list[Certificate]:
    """On demand (the learner's page) and after new evidence: issue every certificate the person has
    earned but not received — campaigns (one status computation) and flagged quizzes passed.
    Nothing is written when nothing is due."""
    agency_object_required(actor=actor, agency=employee.agency_id)
    held = set(
        Certificate.objects.filter(employee=employee, campaign__isnull=False).values_list("campaign_id", flat=True)
    )
    issued = []
    # The status of a campaign already certified would be skipped: not computed (two queries each
    # for its audience, and its share of the evidence reads).
    due = [campaign for campaign in person_campaigns(employee) if campaign.pk not in held]
    for status in employee_campaign_status(employee=employee, campaigns=due):
        if not status.items:
            continue
        if all(item.status in DONE_STATUSES for item in status.items):
            try:
                certificate, created = certificate_issue(
                    employee=employee, campaign=status.campaign, actor=actor, check_completion=False
                )
            except AlreadyRevokedHolder:
                continue
            if created:
                issued.append(certificate)
    return issued + _quiz_certificates_due(employee=employee, actor=actor)


# Above this many people one bulk pass per campaign is cheaper than one status per person.
BULK_THRESHOLD = 200


def certificates_issue_due_for(*, employee_ids: list[int]) -> int:
    """After new evidence (the `evidence_recorded` task): issue what these people have earned;
    returns how many certificates were issued. Idempotent, like every issuing path."""
    employees = Employee.objects.filter(pk__in=employee_ids)
    if len(employee_ids) > BULK_THRESHOLD:
        agencies = set(employees.values_list("agency_id", flat=True))
        issued = sum(
            certificates_issue_for_campaign(campaign=campaign).issued_count
            for campaign in Campaign.objects.filter(agency_id__in=agencies).select_related("agency")
        )
        return issued + sum(len(_quiz_certificates_due(employee=employee)) for employee in employees)
    return sum(len(certificates_issue_due(employee=employee)) for employee in employees)
