"""The evidence pack for the province's scoring (CONTRACT.md "Evidence for scoring"): a ZIP of the
report (PDF, xlsx, the detail CSV identical to `compliance_report --format csv`), attendance lists
per session, quiz results per quiz, the certificate register and the scoring dossier — a loop over
registered exporters plus `manifest.json` with each file's sha256 and size.

When the agency's certificate is configured (core.signing), every PDF the product renders is signed
PAdES as it is rendered, the manifest marks those with `"pades": true`, and `manifest.json.p7s` holds
a detached CMS signature (DER) of `manifest.json` — what `verify_evidence` checks. Originals uploaded
by the agency (scans, photos) are copied byte for byte and never signed.

The ZIP is written to a temporary file beside the target and renamed into place only when
complete (`os.replace`), so a failed build never leaves a partial file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core import exporters
from core.exporters import Rendered
from core.jobs.files import publish, scratch_dir
from core.jobs.run import JobAbandoned, JobRun
from core.models import JobStatus
from core.signing import sign_detached, signer_name, signing_configured
from learning.models import Campaign, StudySession
from learning.selectors.audience import campaign_audience
from learning.selectors.compliance import compliance_table
from quizzes.models import Quiz
from reports.models import ExportJob

Progress = Callable[[int, str], None]

# Optional parts: included when another app has registered the exporter (folder, identifier).
OPTIONAL_EXPORTERS = [
    ("4-giay-chung-nhan", "certificate-register"),
    ("5-tu-cham-diem", "scoring-self-assessment-xlsx"),
    ("5-tu-cham-diem", "scoring-self-assessment-pdf"),
]
SIGNIN_EXPORTER = "session-attendance-list"
MANIFEST = "manifest.json"
MANIFEST_SIGNATURE = "manifest.json.p7s"
QUIZ_EXPORTER = "quiz-results-xlsx"


@dataclass(frozen=True)
class PackFile:
    path: str
    sha256: str
    bytes: int
    pades: bool = False  # a PDF the product rendered and signed

    def manifest_entry(self) -> dict:
        entry = {"path": self.path, "sha256": self.sha256, "bytes": self.bytes}
        if self.pades:
            entry["pades"] = True
        return entry


@dataclass
class EvidencePack:
    path: Path
    campaign: str
    as_of: dt.date
    generated_at: str
    files: list[PackFile] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    signed_by: str = ""  # subject common name of the certificate that signed manifest.json


@dataclass(frozen=True)
class Part:
    folder: str
    label: str
    render: Callable[[], Rendered]
    name: str | None = None  # overrides the exporter's filename (keeps paths unique)
    original: bool = False  # a file the agency uploaded: copied as it is, never signed


def _pack_sessions(campaign: Campaign, as_of: dt.date, directive_ids: list[int]):
    """Sessions whose attendance can be evidence: this campaign's, or any of the same agency
    covering a requirement, dated in the campaign window up to the as-of date (another agency's
    sign-in sheets list its own staff and stay out of this agency's pack)."""
    return (
        StudySession.objects.filter(Q(campaign=campaign) | Q(directives__in=directive_ids),
                                    campaign__agency_id=campaign.agency_id,
                                    date__gte=campaign.start, date__lte=as_of)
        .distinct().order_by("date", "start_time", "pk")
    )


def _pack_quizzes(directive_ids: list[int]):
    return Quiz.objects.filter(directives__in=directive_ids).distinct().order_by("slug")


def evidence_pack_parts(*, campaign: Campaign, as_of: dt.date) -> tuple[list[Part], list[str]]:
    """What goes into the pack, each part rendered lazily; and the optional parts not available."""
    table = compliance_table(campaign=campaign, as_of=as_of)
    kw = {"campaign": campaign, "as_of": as_of}
    parts = [
        Part("1-bao-cao", "Báo cáo (PDF)", lambda: exporters.get("compliance-pdf").render(**kw, table=table)),
        Part("1-bao-cao", "Báo cáo (Excel)", lambda: exporters.get("compliance-xlsx").render(**kw, table=table)),
        Part("1-bao-cao", "Chi tiết (CSV)", lambda: exporters.get("compliance-csv").render(**kw, table=table)),
    ]
    available = exporters.all_exporters()
    skipped = []
    directive_ids = list(campaign.requirements.values_list("directive_id", flat=True))
    if SIGNIN_EXPORTER in available:
        for session in _pack_sessions(campaign, as_of, directive_ids):
            parts.append(Part(
                "2-diem-danh", f"Danh sách hội nghị {session.date:%d/%m/%Y}",
                lambda s=session: exporters.get(SIGNIN_EXPORTER).render(session=s),
                name=f"{session.date:%Y-%m-%d}-hoi-nghi-{session.pk}.pdf",
            ))
    else:
        skipped.append(SIGNIN_EXPORTER)
    audience = campaign_audience(campaign=campaign, as_of=as_of)
    for quiz in _pack_quizzes(directive_ids):
        parts.append(Part("3-ket-qua-kiem-tra", f"Kết quả {quiz.slug}",
                          lambda q=quiz: exporters.get(QUIZ_EXPORTER).render(
                              quiz=q, as_of=as_of, employees=audience, since=campaign.start,
                              scope_title=campaign.title)))
    for folder, identifier in OPTIONAL_EXPORTERS:
        if identifier in available:
            parts.append(Part(folder, str(available[identifier].verbose_name),
                              lambda i=identifier: exporters.get(i).render(**kw)))
        else:
            skipped.append(identifier)
    return parts, skipped


def _zip_entries(parts: list[Part], progress: Progress) -> Iterator[tuple[str, bytes, Part]]:
    used: set[str] = set()
    for index, part in enumerate(parts):
        progress(5 + int(90 * index / max(len(parts), 1)), part.label)
        rendered = part.render()
        path = f"{part.folder}/{part.name or rendered.filename}"
        stem, dot, ext = path.rpartition(".")
        counter = 2
        while path in used:  # two exporters naming files alike: keep both
            path = f"{stem}-{counter}{dot}{ext}"
            counter += 1
        used.add(path)
        yield path, rendered.content, part


def _write(handle: zipfile.ZipFile, path: str, content: bytes, stamp: tuple, *, pades: bool = False) -> PackFile:
    info = zipfile.ZipInfo(path, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    handle.writestr(info, content)
    return PackFile(path=path, sha256=hashlib.sha256(content).hexdigest(), bytes=len(content), pades=pades)


def evidence_pack_build(*, campaign: Campaign, out: Path | str, as_of: dt.date | None = None,
                        progress: Progress | None = None) -> EvidencePack:
    """Build the pack at `out` atomically; returns what it holds. Raises on any failure, leaving
    `out` untouched (no file, or the previous complete pack)."""
    progress = progress or (lambda percent, step: None)
    out = Path(out)
    as_of = as_of or timezone.localdate()
    now = timezone.localtime()
    pack = EvidencePack(path=out, campaign=campaign.slug, as_of=as_of, generated_at=now.isoformat(timespec="seconds"))
    progress(1, "Tính tình hình học tập")
    parts, pack.skipped = evidence_pack_parts(campaign=campaign, as_of=as_of)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    temp = Path(temp_name)
    stamp = now.timetuple()[:6]
    signed = signing_configured()
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w") as handle:
            for path, content, part in _zip_entries(parts, progress):
                pades = signed and not part.original and content.startswith(b"%PDF-")
                pack.files.append(_write(handle, path, content, stamp, pades=pades))
            progress(97, "Ghi manifest.json")
            manifest = {
                "campaign": pack.campaign,
                "as_of": as_of.isoformat(),
                "generated_at": pack.generated_at,
                "files": [f.manifest_entry() for f in pack.files],
            }
            manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
            _write(handle, MANIFEST, manifest_bytes, stamp)
            signature = sign_detached(manifest_bytes)
            if signature is not None:
                _write(handle, MANIFEST_SIGNATURE, signature, stamp)
                pack.signed_by = signer_name()
        os.replace(temp, out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    progress(100, "Hoàn thành")
    return pack


# --- background jobs -----------------------------------------------------------------------


def export_job_request(*, campaign: Campaign, as_of: dt.date | None = None, requested_by=None) -> ExportJob:
    """Queue an evidence pack build; the django-tasks worker runs `export_job_run`."""
    from reports.tasks import build_evidence_pack

    job = ExportJob.objects.create(campaign=campaign, as_of=as_of or timezone.localdate(), requested_by=requested_by)
    transaction.on_commit(lambda: build_evidence_pack.enqueue(job.pk))
    return job


def _job_progress(run: JobRun) -> Progress:
    def report(percent: int, step: str) -> None:
        run.beat(progress=min(percent, 100), step=step[:255])

    return report


def export_job_run(*, job_id: int) -> ExportJob:
    """Run one queued job: status running → done with the file, or failed with the error and no file.
    A worker killed mid-way leaves the job running with an ageing heartbeat (core.jobs.stale)."""
    job = ExportJob.objects.select_related("campaign").get(pk=job_id)
    run = JobRun(job)
    if not run.take(started_at=timezone.now(), progress=0):
        job.refresh_from_db()
        return job  # already taken by another worker, or finished
    try:
        with scratch_dir(job) as folder:
            # A random part keeps stored names unguessable, whatever the media storage exposes.
            name = f"ho-so-minh-chung-{job.campaign.slug}-{job.as_of.isoformat()}-{secrets.token_hex(8)}.zip"
            path = Path(folder) / name
            evidence_pack_build(campaign=job.campaign, out=path, as_of=job.as_of, progress=_job_progress(run))
            stored = publish(job, path, f"{ExportJob.publish_folder}/{timezone.localdate():%Y}/{name}")
    except JobAbandoned:  # the sweep failed it meanwhile; the scratch folder is gone with the block
        pass
    except Exception as exc:  # recorded on the job for the admin; the task itself ends normally
        run.end(JobStatus.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000])
    else:
        if not run.end(JobStatus.DONE, file=stored, progress=100, step=""):
            job.file.storage.delete(stored)  # failed as stale while publishing: nobody may be offered it
    job.refresh_from_db()
    return job
