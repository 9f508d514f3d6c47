"""django-tasks entry points (the database backend and db_worker in production)."""

from __future__ import annotations

from django_tasks import task


@task()
def run_certificate_job(job_id: int) -> dict:
    from certificates.services.jobs import certificate_job_run

    job = certificate_job_run(job_id=job_id)
    return {"job": job.pk, "status": job.status, **job.result}


@task()
def issue_due_certificates(employee_ids: list[int]) -> int:
    """After new evidence: issue whatever those people have now earned (certificates.receivers)."""
    from certificates.services import certificates_issue_due_for

    return certificates_issue_due_for(employee_ids=employee_ids)
