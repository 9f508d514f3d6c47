"""A real task worker killed with SIGKILL in the middle of a job (issue 8, item 5): two `manage.py
db_worker` subprocesses (django-tasks-db) wait on the test's own database, slowed down by
tests/faults/worker_settings.py; the one that takes the evidence pack / bulk certificate ZIP is
killed half-way.

Then: the job row stays `running` (nothing of the worker runs any more) and offers no download;
once its heartbeat is older than JOBS_STALE_AFTER_SECONDS, the next look at the job list shows it
failed with a clear error and the worker's half-written file is removed; no final ZIP ever appears;
the other worker, alive all along, runs the retry to a valid ZIP.

PostgreSQL: the workers connect to the pytest-django test database. SQLite: the test database is in
memory, so it is copied to a file for the workers (`SharedDatabase.push`) and back (`pull`); only
one side writes between a push and the next pull."""

from __future__ import annotations

import datetime as dt
import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.models import JobStatus
from reports.models import ExportJob
from tests.security import scenario

pytestmark = pytest.mark.django_db(transaction=True)

SLOW_SECONDS = "0.4"  # per ZIP entry: an evidence pack of ~9 entries takes ~4 s, time enough to kill it
WAIT_SECONDS = 60  # a ceiling: two workers starting on a busy 2-core machine take ~10 s


class SharedDatabase:
    """The database the test and the worker subprocess both use."""

    def __init__(self, folder: Path):
        self.slow_flag = folder / "slow"  # the workers are slowed down while this file exists
        self.slow_flag.touch()
        params = connection.settings_dict
        self.sqlite = connection.vendor == "sqlite"
        if self.sqlite:
            self.file = folder / "worker.sqlite3"
            self.url = f"sqlite:///{self.file}"
        else:
            password = f":{params['PASSWORD']}" if params.get("PASSWORD") else ""
            self.url = (f"postgres://{params['USER']}{password}@{params['HOST'] or '127.0.0.1'}:"
                        f"{params['PORT'] or 5432}/{params['NAME']}")

    def _raw(self):
        connection.ensure_connection()
        return connection.connection

    def push(self) -> None:
        """The test's writes → the worker's file (SQLite only)."""
        if self.sqlite:
            with sqlite3.connect(self.file) as target:
                self._raw().backup(target)
            target.close()

    def pull(self) -> None:
        """The worker's writes → the test's database (SQLite only)."""
        if self.sqlite:
            source = sqlite3.connect(self.file)
            try:
                source.backup(self._raw())
            finally:
                source.close()


@pytest.fixture
def shared(tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # enqueue into the database
    settings.JOBS_SCRATCH_DIR = str(tmp_path / "scratch")
    return SharedDatabase(tmp_path)


def _worker(shared: SharedDatabase, name: str) -> subprocess.Popen:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.faults.worker_settings", "DATABASE_URL": shared.url,
           "MEDIA_ROOT": str(django_settings.MEDIA_ROOT), "JOBS_SCRATCH_DIR": django_settings.JOBS_SCRATCH_DIR,
           "WORKER_SLOW_SECONDS": SLOW_SECONDS, "WORKER_SLOW_WHILE": str(shared.slow_flag)}
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2", "--no-reload",
         "--worker-id", name],
        cwd=django_settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


class Workers:
    """Two workers started together (their start-up, seconds of imports, overlaps): the one that
    takes the job is killed, the other one runs the retry."""

    def __init__(self, shared: SharedDatabase):
        self.shared = shared
        shared.push()
        self.alive = {name: _worker(shared, name) for name in ("worker-1", "worker-2")}

    def wait_until(self, job, ready):
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            self.shared.pull()
            job.refresh_from_db()
            if ready(job):
                return job
            for name, process in self.alive.items():
                if process.poll() is not None:
                    pytest.fail(f"{name} ended early: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.1)
        pytest.fail(f"job {job.pk} never reached the expected state (status {job.status})")

    def kill_the_one_running(self, job, mid_way) -> None:
        from django_tasks_db.models import DBTaskResult

        self.wait_until(job, mid_way)
        (task,) = DBTaskResult.objects.filter(status="RUNNING")
        victim = self.alive.pop(task.worker_ids[-1])
        victim.send_signal(signal.SIGKILL)
        assert victim.wait(timeout=10) == -signal.SIGKILL
        self.shared.slow_flag.unlink()  # the retry runs at full speed
        self.shared.pull()
        job.refresh_from_db()

    def stop(self) -> None:
        for process in self.alive.values():
            process.terminate()  # an idle db_worker exits at once on SIGTERM
        for process in self.alive.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def workers(shared):
    started = []

    def start():
        started.append(Workers(shared))
        return started[-1]

    yield start
    for group in started:
        group.stop()


def _files(folder) -> list[Path]:
    return sorted(p for p in Path(folder).rglob("*") if p.is_file()) if Path(folder).exists() else []


def _after(minutes: int):
    return time_machine.travel(timezone.now() + dt.timedelta(minutes=minutes), tick=True)


def test_evidence_pack_worker_killed_mid_way(shared, workers):
    from core.jobs.stale import STALE_ERROR

    s = scenario.build()
    client = Client()
    client.force_login(s.users["hr_a"])
    page = reverse("learning_evidence_pack:index")
    client.post(page, {"campaign": s.campaign.pk, "as_of": timezone.localdate().isoformat()})  # enqueued
    job = ExportJob.objects.latest("pk")
    assert job.status == JobStatus.QUEUED

    pool = workers()
    pool.kill_the_one_running(job, lambda j: j.status == JobStatus.RUNNING and j.progress > 5)
    # Killed half-way: the row still says running, the worker's half-built ZIP is in its scratch folder.
    assert job.status == JobStatus.RUNNING and job.heartbeat_at and not job.file
    scratch = django_settings.JOBS_SCRATCH_DIR
    assert [p.name for p in _files(scratch)], "the worker was killed before it began writing"
    # Everything it wrote is inside the job's own folder (the sheets rendered in parallel sit in a
    # sub-folder of it), which is what the clean-up finds by the job's name.
    assert all(p.relative_to(scratch).parts[0].startswith(f"evidence-pack-{job.pk}-") for p in _files(scratch))
    download = reverse("learning_evidence_pack:download", args=[job.pk])
    assert client.get(download).status_code == 404
    with _after(minutes=9):  # within JOBS_STALE_AFTER_SECONDS (600): maybe just slow
        assert client.get(page).status_code == 200
        job.refresh_from_db()
        assert job.status == JobStatus.RUNNING

    with _after(minutes=11):  # the next look after the timeout
        html = client.get(page).content.decode()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.error == STALE_ERROR and not job.file
    assert "Tiến trình xử lý đã dừng" in html
    assert client.get(download).status_code == 404
    assert _files(scratch) == []  # the dead worker's partial ZIP is gone
    assert [p.name for p in _files(Path(django_settings.MEDIA_ROOT) / "exports")] == ["a.zip"]  # the scenario's

    # HR starts it again; the other worker, alive all along, completes it.
    client.post(page, {"campaign": s.campaign.pk, "as_of": timezone.localdate().isoformat()})
    retry = ExportJob.objects.latest("pk")
    shared.push()
    pool.wait_until(retry, lambda j: j.status in (JobStatus.DONE, JobStatus.FAILED))  # the other worker
    job.refresh_from_db()
    assert retry.status == JobStatus.DONE and retry.file, retry.error
    assert job.status == JobStatus.FAILED  # the dead job stays failed
    response = client.get(reverse("learning_evidence_pack:download", args=[retry.pk]))
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        assert archive.testzip() is None
        assert "manifest.json" in archive.namelist()
    assert _files(scratch) == []


def test_certificate_zip_worker_killed_mid_way(shared, workers):
    from certificates.models import CertificateJob
    from certificates.services.issuing import certificate_issue
    from core.jobs.stale import STALE_ERROR
    from core.models import JobStatus
    from tests.factories import EmployeeFactory

    s = scenario.build()
    for n in range(4):  # five PDFs, ~2 s in the slowed worker
        person = EmployeeFactory(agency=s.agency_a, unit=s.unit_y, employee_code=f"KILL{n:02d}")
        certificate_issue(employee=person, campaign=s.campaign, check_completion=False)
    client = Client()
    client.force_login(s.users["hr_a"])
    page = reverse("certificates_jobs:index")
    client.post(page, {"campaign": s.campaign.pk, "kind": "zip"})
    job = CertificateJob.objects.latest("pk")
    assert job.status == JobStatus.QUEUED

    pool = workers()
    pool.kill_the_one_running(job, lambda j: j.status == JobStatus.RUNNING and 1 <= j.done < j.total)
    assert job.status == JobStatus.RUNNING and job.heartbeat_at and not job.file
    scratch = django_settings.JOBS_SCRATCH_DIR
    assert [p.name for p in _files(scratch)] == ["certificates.zip.part"]
    download = reverse("certificates_jobs:download", args=[job.pk])
    assert client.get(download).status_code == 404
    with _after(minutes=9):
        assert b"http-equiv=\"refresh\"" in client.get(page).content  # still running: the page refreshes
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING

    with _after(minutes=11):
        html = client.get(page).content.decode()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.error == STALE_ERROR and not job.file
    assert "Tiến trình xử lý đã dừng" in html
    assert client.get(download).status_code == 404
    assert _files(scratch) == []
    assert [p.name for p in _files(Path(django_settings.MEDIA_ROOT) / "certificates" / "jobs")] == ["a.zip"]

    client.post(page, {"campaign": s.campaign.pk, "kind": "zip"})
    retry = CertificateJob.objects.latest("pk")
    shared.push()
    pool.wait_until(retry, lambda j: j.status in (JobStatus.DONE, JobStatus.FAILED))  # the other worker
    assert retry.status == JobStatus.DONE and retry.result["files"] == 5, retry.error
    response = client.get(reverse("certificates_jobs:download", args=[retry.pk]))
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        assert archive.testzip() is None
        assert {f"KILL{n:02d}.pdf" for n in range(4)} | {f"{s.victim.employee_code}.pdf"} <= set(archive.namelist())
