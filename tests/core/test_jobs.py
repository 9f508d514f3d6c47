"""core.jobs: a job row's heartbeat, the failing of jobs whose worker died (stale), and the
scratch files they leave. The real SIGKILL of a worker is in tests/faults/test_worker_kill.py."""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import time
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from certificates.models import CertificateJob, JobKind
from core.jobs.files import leftovers_remove, publish, scratch_dir
from core.jobs.run import JobAbandoned, JobRun
from core.jobs.stale import STALE_ERROR, stale_jobs_fail, stale_jobs_fail_all
from core.models import JobStatus
from reports.models import ExportJob
from tests.security import scenario

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def s(settings, tmp_path):
    settings.JOBS_SCRATCH_DIR = str(tmp_path / "scratch")
    settings.JOBS_STALE_AFTER_SECONDS = 600
    return scenario.build()


def _running(s, *, beat_minutes_ago: float | None, model=ExportJob, now=NOW):
    heartbeat = now - dt.timedelta(minutes=beat_minutes_ago) if beat_minutes_ago is not None else None
    if model is ExportJob:
        return ExportJob.objects.create(campaign=s.campaign, as_of=NOW.date(), status="running", heartbeat_at=heartbeat)
    return CertificateJob.objects.create(kind=JobKind.ZIP, campaign=s.campaign, status="running",
                                         heartbeat_at=heartbeat)


def test_only_running_jobs_with_an_old_heartbeat_are_failed(s):
    dead = _running(s, beat_minutes_ago=11)
    slow = _running(s, beat_minutes_ago=9)
    queued = ExportJob.objects.create(campaign=s.campaign, as_of=NOW.date())  # waits for a worker: not a failure
    ExportJob.objects.filter(pk=queued.pk).update(created_at=NOW - dt.timedelta(hours=2))
    assert stale_jobs_fail(ExportJob, now=NOW) == [dead.pk]
    dead.refresh_from_db()
    assert dead.status == JobStatus.FAILED and dead.error == STALE_ERROR and dead.finished_at == NOW
    assert ExportJob.objects.get(pk=slow.pk).status == JobStatus.RUNNING
    assert ExportJob.objects.get(pk=queued.pk).status == JobStatus.QUEUED
    assert stale_jobs_fail(ExportJob, now=NOW) == []  # done once


def test_a_running_job_from_before_heartbeats_is_judged_by_its_age(s):
    old = _running(s, beat_minutes_ago=None)
    ExportJob.objects.filter(pk=old.pk).update(created_at=NOW - dt.timedelta(minutes=30))
    new = _running(s, beat_minutes_ago=None, model=CertificateJob)
    CertificateJob.objects.filter(pk=new.pk).update(created_at=NOW - dt.timedelta(minutes=1))
    assert stale_jobs_fail_all(now=NOW) == {"reports.ExportJob": [old.pk], "certificates.CertificateJob": []}


def test_the_timeout_is_a_setting(s, settings):
    job = _running(s, beat_minutes_ago=2)
    assert stale_jobs_fail(ExportJob, now=NOW) == []
    settings.JOBS_STALE_AFTER_SECONDS = 60
    assert stale_jobs_fail(ExportJob, now=NOW) == [job.pk]


def test_the_worker_beats_throttled_and_stops_once_its_job_was_given_up(s, settings):
    settings.JOBS_HEARTBEAT_SECONDS = 60
    job = CertificateJob.objects.create(kind=JobKind.ZIP, campaign=s.campaign)
    run = JobRun(job)
    assert run.take() and not JobRun(job).take()  # a second worker does not take it again
    job.refresh_from_db()
    first = job.heartbeat_at
    assert job.status == JobStatus.RUNNING and first
    run.beat(done=1, total=3)  # within the throttle: no write
    job.refresh_from_db()
    assert job.done == 0 and job.heartbeat_at == first
    run.beat(force=True, done=2, total=3)
    job.refresh_from_db()
    assert job.done == 2 and job.heartbeat_at > first
    CertificateJob.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, error=STALE_ERROR)  # the sweep
    with pytest.raises(JobAbandoned):
        run.beat(force=True, done=3, total=3)
    assert not run.end(JobStatus.DONE, result={"files": 3})  # a given-up job never turns done
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.error == STALE_ERROR


def test_a_job_given_up_while_it_ran_keeps_no_file(s, settings, monkeypatch):
    """A worker that was only slow (no heartbeat for longer than the timeout) finds its job failed:
    it stops at its next beat, its scratch folder goes, and nothing is published."""
    from certificates.services import jobs as certificate_jobs

    settings.JOBS_HEARTBEAT_SECONDS = 0
    job = CertificateJob.objects.create(kind=JobKind.ZIP, campaign=s.campaign)
    original = certificate_jobs.JobRun.beat

    def swept_meanwhile(run, **fields):
        if fields.get("done"):  # after the first PDF, while the ZIP is being written
            CertificateJob.objects.filter(pk=run.pk).update(status=JobStatus.FAILED, error=STALE_ERROR)
        return original(run, **fields)

    monkeypatch.setattr(certificate_jobs.JobRun, "beat", swept_meanwhile)
    job = certificate_jobs.certificate_job_run(job_id=job.pk)
    assert job.status == JobStatus.FAILED and job.error == STALE_ERROR and not job.file
    assert list(Path(settings.JOBS_SCRATCH_DIR).iterdir()) == []


def test_leftovers_of_a_dead_job_are_removed_but_nothing_recent_or_of_another_job(s, settings):
    job = _running(s, beat_minutes_ago=11)
    other = _running(s, beat_minutes_ago=11)
    root = settings.JOBS_SCRATCH_DIR
    with scratch_dir(job) as kept_alive:  # a live worker's folder is written to: left alone
        dead = Path(tempfile.mkdtemp(prefix=f"evidence-pack-{job.pk}-", dir=root))  # what SIGKILL leaves
        (dead / "x.zip.part").write_bytes(b"PK")
        foreign = Path(tempfile.mkdtemp(prefix=f"evidence-pack-{other.pk}-", dir=root))
        aside = Path(settings.MEDIA_ROOT) / "exports" / "2026" / f".evidence-pack-{job.pk}-abc.part"
        aside.parent.mkdir(parents=True)
        aside.write_bytes(b"PK")
        old = time.time() - 3600
        for path in (dead, dead / "x.zip.part", aside, foreign):
            os.utime(path, (old, old))
        (Path(kept_alive) / "fresh.part").write_bytes(b"PK")
        removed = leftovers_remove(model=ExportJob, pk=job.pk, untouched_since=timezone.now() - dt.timedelta(minutes=10))
        assert sorted(removed) == sorted([dead, aside])
        assert Path(kept_alive).exists() and foreign.exists()


def test_publish_renames_a_complete_file_into_storage(s, settings, tmp_path):
    job = _running(s, beat_minutes_ago=0, now=timezone.now())
    partial = tmp_path / "pack.zip"
    partial.write_bytes(b"PK complete")
    name = publish(job, partial, "exports/2026/pack.zip")
    folder = Path(settings.MEDIA_ROOT) / "exports" / "2026"
    assert name == "exports/2026/pack.zip" and [p.name for p in folder.iterdir()] == ["pack.zip"]
    assert (folder / "pack.zip").read_bytes() == b"PK complete"


def test_the_command_fails_stale_jobs_of_every_kind(s):
    export = _running(s, beat_minutes_ago=11)
    certificate = _running(s, beat_minutes_ago=11, model=CertificateJob)
    out = io.StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("fail_stale_jobs", stdout=out)
    assert f"failed\treports.ExportJob\t{export.pk}" in out.getvalue()
    assert f"failed\tcertificates.CertificateJob\t{certificate.pk}" in out.getvalue()
    assert "stale jobs failed: 2 (no heartbeat for 600 s)" in out.getvalue()


@pytest.mark.parametrize("language, text", [("vi", "Tiến trình xử lý đã dừng"), ("en", "The background process stopped")])
def test_the_job_pages_fail_a_stale_job_and_say_so_in_the_readers_language(s, client, language, text):
    export = _running(s, beat_minutes_ago=11)
    certificate = _running(s, beat_minutes_ago=11, model=CertificateJob)
    client.force_login(s.users["hr_a"])
    client.cookies["django_language"] = language
    with time_machine.travel(NOW, tick=False):
        assert client.get(reverse("learning_evidence_pack:download", args=[export.pk])).status_code == 404
        assert text in client.get(reverse("learning_evidence_pack:index")).content.decode()
        assert text in client.get(reverse("certificates_jobs:index")).content.decode()
    assert ExportJob.objects.get(pk=export.pk).status == "failed"
    assert CertificateJob.objects.get(pk=certificate.pk).status == "failed"


def test_the_certificate_jobs_page_refreshes_itself_while_a_job_runs(s, client):
    client.force_login(s.users["hr_a"])
    page = reverse("certificates_jobs:index")
    assert b'http-equiv="refresh"' not in client.get(page).content
    _running(s, beat_minutes_ago=1, model=CertificateJob, now=timezone.now())
    html = client.get(page).content.decode()
    head = html[:html.index("</head>")]
    assert '<meta http-equiv="refresh" content="3">' in head
