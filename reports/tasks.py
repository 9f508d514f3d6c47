"""django-tasks entry points of the learning app (database backend and db_worker in production,
the immediate backend in tests)."""

from __future__ import annotations

from django_tasks import task


@task()
def build_evidence_pack(job_id: int) -> dict:
    """Build the evidence pack of one `ExportJob` (progress and result are on the job)."""
    from reports.services.evidence_pack import export_job_run

    job = export_job_run(job_id=job_id)
    return {"job": job.pk, "status": job.status}
