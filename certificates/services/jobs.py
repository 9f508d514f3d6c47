"""Background jobs: bulk issuing and the ZIP of a campaign's PDFs, with progress on a job row.

The ZIP is written to a temporary file beside its final place and renamed into it only once
complete (on object storage: uploaded only once complete), and the job's `file` is set after
that; the download view serves a job's file only when the job is done. So nobody is ever
served a half-written ZIP, even while a worker is still writing or after it crashed.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import tempfile
import zipfile
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from certificates.models import Certificate, CertificateJob, CertificateStatus, JobKind, JobStatus
from learning.models import Campaign
from learning.services.audit import audit_log

PROGRESS_EVERY = 50


def certificate_job_start(*, kind: str, campaign: Campaign, as_of: dt.date | None = None, actor=None
                          ) -> CertificateJob:
    """Record the job and enqueue its task once the transaction commits."""
    from certificates.tasks import run_certificate_job

    job = CertificateJob.objects.create(
        kind=kind, campaign=campaign, as_of=as_of,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    transaction.on_commit(lambda: run_certificate_job.enqueue(job_id=job.pk))
    return job


def _progress(job: CertificateJob):
    def report(done: int, total: int) -> None:
        CertificateJob.objects.filter(pk=job.pk).update(done=done, total=total)
    return report


def certificate_job_run(*, job_id: int) -> CertificateJob:
    job = CertificateJob.objects.select_related("campaign", "campaign__agency", "created_by").get(pk=job_id)
    CertificateJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)
    try:
        if job.kind == JobKind.ISSUE:
            result = _run_issue(job)
        else:
            result = _run_zip(job)
    except Exception as exc:
        CertificateJob.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, error=str(exc)[:2000],
                                                        finished_at=timezone.now())
        raise
    CertificateJob.objects.filter(pk=job.pk).update(status=JobStatus.DONE, result=result, finished_at=timezone.now(),
                                                    file=job.file.name or "")
    job.refresh_from_db()
    return job


def _run_issue(job: CertificateJob) -> dict:
    from certificates.services.issuing import certificates_issue_for_campaign

    outcome = certificates_issue_for_campaign(campaign=job.campaign, as_of=job.as_of, actor=job.created_by,
                                              progress=_progress(job))
    CertificateJob.objects.filter(pk=job.pk).update(done=outcome.issued_count, total=outcome.issued_count)
    return {"issued": outcome.issued_count, "completed": outcome.completed, "already_held": outcome.already_held,
            "skipped_revoked": outcome.skipped_revoked}


def zip_name(job: CertificateJob) -> str:
    # A random part: the file must not be guessable even where media is served by the web server.
    return f"certificates/jobs/{job.campaign.slug}-{job.pk}-{secrets.token_urlsafe(12)}.zip"


def _run_zip(job: CertificateJob) -> dict:
    from certificates.exporters import CertificateRegisterXlsx
    from certificates.pdf import CertificateRenderer

    certificates = list(
        Certificate.objects.filter(campaign=job.campaign, status=CertificateStatus.VALID)
        .select_related("employee").order_by("employee__employee_code")
    )
    total = len(certificates)
    CertificateJob.objects.filter(pk=job.pk).update(total=total, done=0)
    renderer = CertificateRenderer()
    report = _progress(job)
    name = zip_name(job)
    with tempfile.TemporaryDirectory() as scratch:
        partial = Path(scratch) / "certificates.zip.part"
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for index, certificate in enumerate(certificates, start=1):
                archive.writestr(f"{certificate.employee.employee_code}.pdf", renderer.render(certificate))
                if index % PROGRESS_EVERY == 0:
                    report(index, total)
            register = CertificateRegisterXlsx().render(campaign=job.campaign)
            archive.writestr(register.filename, register.content)
        job.file.name = _publish(partial, name)
    report(total, total)
    audit_log(actor=job.created_by, action="certificate.zip", obj=job.campaign, after={"files": total})
    return {"files": total, "bytes": default_storage.size(job.file.name)}


def _publish(partial: Path, name: str) -> str:
    """Move a complete file into storage atomically: a rename on the same file system, else an
    upload (object storage makes an object visible only once fully written)."""
    try:
        target = Path(default_storage.path(name))
    except NotImplementedError:
        with partial.open("rb") as handle:
            return default_storage.save(name, File(handle))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, aside = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".part")
    os.close(fd)
    try:
        with partial.open("rb") as source, open(aside, "wb") as sink:
            while chunk := source.read(1024 * 1024):
                sink.write(chunk)
        os.replace(aside, target)
    finally:
        if os.path.exists(aside):
            os.unlink(aside)
    return name
