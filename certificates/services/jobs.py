"""Background jobs: bulk issuing and the ZIP of a campaign's PDFs, with progress on a job row.

The ZIP is written in the job's scratch folder and published into storage only once complete
(`core.jobs.files.publish`: renamed into place, or uploaded whole), and the job's `file` is set
after that; the download view serves a job's file only when the job is done. So nobody is ever
served a half-written ZIP, even while a worker is still writing or after it crashed. A worker killed
mid-way leaves the job running until its heartbeat is stale (`core.jobs.stale`).
"""

from __future__ import annotations

import datetime as dt
import secrets
import zipfile
from pathlib import Path

from django.core.files.storage import default_storage
from django.db import transaction

from certificates.models import Certificate, CertificateJob, CertificateStatus, JobKind
from core.jobs.files import publish, scratch_dir
from core.jobs.run import JobAbandoned, JobRun
from core.models import JobStatus
from learning.models import Campaign
from org.scoping import agency_object_required
from org.services.audit import audit_log


def certificate_job_start(*, kind: str, campaign: Campaign, as_of: dt.date | None = None, actor=None
                          ) -> CertificateJob:
    """Record the job and enqueue its task once the transaction commits."""
    from certificates.tasks import run_certificate_job

    agency_object_required(actor=actor, agency=campaign.agency_id)
    job = CertificateJob.objects.create(
        kind=kind, campaign=campaign, as_of=as_of,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    transaction.on_commit(lambda: run_certificate_job.enqueue(job_id=job.pk))
    return job


def _progress(run: JobRun):
    def report(done: int, total: int, *, force: bool = False) -> None:
        run.beat(force=force, done=done, total=total)
    return report


def certificate_job_run(*, job_id: int) -> CertificateJob:
    """queued → running → done | failed. A worker killed mid-way leaves the job running with an
    ageing heartbeat, which the stale sweep fails (core.jobs.stale)."""
    job = CertificateJob.objects.select_related("campaign", "campaign__agency", "created_by").get(pk=job_id)
    run = JobRun(job)
    if not run.take():
        job.refresh_from_db()
        return job  # already taken by another worker, or finished
    try:
        if job.kind == JobKind.ISSUE:
            result = _run_issue(job, run)
        else:
            result = _run_zip(job, run)
    except JobAbandoned:
        job.refresh_from_db()
        return job
    except Exception as exc:
        run.end(JobStatus.FAILED, error=str(exc)[:2000])
        raise
    if not run.end(JobStatus.DONE, result=result, file=job.file.name or ""):
        if job.file.name:  # failed as stale while finishing: nobody may be offered it
            default_storage.delete(job.file.name)
    job.refresh_from_db()
    return job


def _run_issue(job: CertificateJob, run: JobRun) -> dict:
    from certificates.services.issuing import certificates_issue_for_campaign

    outcome = certificates_issue_for_campaign(campaign=job.campaign, as_of=job.as_of, actor=job.created_by,
                                              progress=_progress(run))
    run.beat(force=True, done=outcome.issued_count, total=outcome.issued_count)
    return {"issued": outcome.issued_count, "completed": outcome.completed, "already_held": outcome.already_held,
            "skipped_revoked": outcome.skipped_revoked}


def zip_name(job: CertificateJob) -> str:
    # A random part: the file must not be guessable even where media is served by the web server.
    return f"certificates/jobs/{job.campaign.slug}-{job.pk}-{secrets.token_urlsafe(12)}.zip"


def _run_zip(job: CertificateJob, run: JobRun) -> dict:
    from certificates.exporters import CertificateRegisterXlsx
    from certificates.pdf import CertificateRenderer

    certificates = list(
        Certificate.objects.filter(campaign=job.campaign, status=CertificateStatus.VALID)
        .select_related("employee").order_by("employee__employee_code")
    )
    total = len(certificates)
    run.beat(force=True, total=total, done=0)
    renderer = CertificateRenderer()
    report = _progress(run)
    name = zip_name(job)
    with scratch_dir(job) as scratch:
        partial = Path(scratch) / "certificates.zip.part"
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for index, certificate in enumerate(certificates, start=1):
                archive.writestr(f"{certificate.employee.employee_code}.pdf", renderer.render(certificate))
                report(index, total)  # written at most every JOBS_HEARTBEAT_SECONDS
            register = CertificateRegisterXlsx().render(campaign=job.campaign)
            archive.writestr(register.filename, register.content)
        job.file.name = publish(job, partial, name)
    report(total, total, force=True)
    audit_log(actor=job.created_by, action="certificate.zip", obj=job.campaign, after={"files": total})
    return {"files": total, "bytes": default_storage.size(job.file.name)}
