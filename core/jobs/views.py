"""The admin side of background jobs, shared by every kind (the evidence pack, bulk certificates):
a list that fails stale jobs on each look and refreshes itself while a job is queued or running,
and a download that serves a job's file only once the whole file exists."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from core.jobs.run import DONE, QUEUED, RUNNING
from core.jobs.stale import stale_jobs_fail
from core.models import BackgroundJob

REFRESH_SECONDS = 3


def file_ready(job: BackgroundJob) -> bool:
    """Done, and its file set (only after it was complete) and still in storage."""
    return job.status == DONE and bool(job.file) and job.file.storage.exists(job.file.name)


def jobs_context(model: type[BackgroundJob], jobs) -> dict:
    """What a job list shows: the jobs (each with `downloadable`), and the refresh period while busy."""
    stale_jobs_fail(model)  # a job whose worker died shows failed, so HR can start it again
    jobs = list(jobs)
    for job in jobs:
        job.downloadable = file_ready(job)
    busy = any(job.status in (QUEUED, RUNNING) for job in jobs)
    return {"jobs": jobs, "refresh": REFRESH_SECONDS if busy else None}


def job_file_response(model: type[BackgroundJob], jobs, pk: int, *, filename: str) -> FileResponse:
    """The file of job `pk` among `jobs` (the reader's scope: another agency's job is a 404)."""
    stale_jobs_fail(model)
    job = get_object_or_404(jobs, pk=pk)
    if not file_ready(job):
        raise Http404
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=filename(job) if callable(filename)
                        else filename)
