"""Faults in background exports (issue 8, item 5): a build failing mid-way (an exception injected
between two parts of the evidence pack / two PDFs of the certificate ZIP) and the disk filling up
while the file is written (OSError ENOSPC). Each time: the job shows failed, no file (whole or
partial) is offered for download, nothing half-written is left, and a retry completes.
A worker process really killed with SIGKILL: test_worker_kill.py."""

from __future__ import annotations

import errno
import zipfile
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from core.models import JobStatus
from reports.models import ExportJob
from reports.services import evidence_pack
from reports.services.evidence_pack import evidence_pack_build, export_job_request
from tests.security import scenario

pytestmark = pytest.mark.django_db


def _files(root: Path) -> list[Path]:
    return [p for p in Path(root).rglob("*") if p.is_file()] if Path(root).exists() else []


def _fail_on_call(monkeypatch, target, attribute, n: int, exc: BaseException):
    original = getattr(target, attribute)
    calls = {"n": 0}

    def wrapper(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n:
            raise exc
        return original(*args, **kwargs)

    monkeypatch.setattr(target, attribute, wrapper)
    return calls


ENOSPC = OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("exc", [RuntimeError("worker killed"), ENOSPC], ids=["killed", "disk-full"])
def test_evidence_pack_job_fails_cleanly_and_a_retry_completes(monkeypatch, settings, exc,
                                                               django_capture_on_commit_callbacks):
    s = scenario.build()
    _fail_on_call(monkeypatch, zipfile.ZipFile, "writestr", 2, exc)  # after the first part is in the ZIP
    with django_capture_on_commit_callbacks(execute=True):  # the immediate task backend runs it
        job = export_job_request(campaign=s.campaign, requested_by=s.users["hr_a"])
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert not job.file
    assert type(exc).__name__ in job.error
    exported = [p.name for p in _files(settings.MEDIA_ROOT) if "exports" in p.parts]
    assert exported == ["a.zip"]  # only the scenario's earlier pack: no partial ZIP, no .part
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        retry = export_job_request(campaign=s.campaign, requested_by=s.users["hr_a"])
    retry.refresh_from_db()
    assert retry.status == JobStatus.DONE and retry.file
    with zipfile.ZipFile(retry.file.path) as archive:
        assert "manifest.json" in archive.namelist()


def test_evidence_pack_build_leaves_nothing_half_written(monkeypatch, tmp_path):
    s = scenario.build()
    folder = tmp_path / "out"
    out = folder / "pack.zip"
    _fail_on_call(monkeypatch, zipfile.ZipFile, "writestr", 2, ENOSPC)
    with pytest.raises(OSError):
        evidence_pack_build(campaign=s.campaign, out=out)
    assert _files(folder) == []  # neither the pack nor its .part
    # A previous complete pack survives a failed rebuild untouched.
    monkeypatch.undo()
    evidence_pack_build(campaign=s.campaign, out=out)
    before = out.read_bytes()
    _fail_on_call(monkeypatch, zipfile.ZipFile, "writestr", 3, ENOSPC)
    with pytest.raises(OSError):
        evidence_pack_build(campaign=s.campaign, out=out)
    assert out.read_bytes() == before
    assert _files(folder) == [out]


def test_a_job_left_running_by_a_killed_worker_offers_no_download():
    """SIGKILL leaves the row `running` and no file: nothing can be downloaded from it (until its
    heartbeat is stale and it shows failed: test_worker_kill.py, tests/learning/test_jobs.py)."""
    s = scenario.build()
    job = ExportJob.objects.create(campaign=s.campaign, as_of=s.session.date, status=JobStatus.RUNNING,
                                   progress=40)
    assert not job.file
    from certificates.models import CertificateJob, JobKind

    cert_job = CertificateJob.objects.create(kind=JobKind.ZIP, campaign=s.campaign, status=JobStatus.RUNNING)
    client = Client()
    client.force_login(s.users["hr_a"])
    assert client.get(reverse("certificates_jobs:download", args=[cert_job.pk])).status_code == 404


@pytest.mark.parametrize("exc", [RuntimeError("worker killed"), ENOSPC], ids=["killed", "disk-full"])
def test_certificate_zip_job_fails_cleanly_and_a_retry_completes(monkeypatch, settings, exc):
    from certificates.models import CertificateJob, JobKind
    from certificates.services.jobs import certificate_job_run

    s = scenario.build()
    job = CertificateJob.objects.create(kind=JobKind.ZIP, campaign=s.campaign)
    _fail_on_call(monkeypatch, zipfile.ZipFile, "writestr", 1, exc)  # the PDF of the first certificate
    with pytest.raises(type(exc)):
        certificate_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and not job.file
    jobs_dir = Path(settings.MEDIA_ROOT) / "certificates" / "jobs"
    assert [p.name for p in _files(jobs_dir) if p.name != "a.zip"] == []  # no partial ZIP, no .part
    client = Client()
    client.force_login(s.users["hr_a"])
    assert client.get(reverse("certificates_jobs:download", args=[job.pk])).status_code == 404
    monkeypatch.undo()
    retry = CertificateJob.objects.create(kind=JobKind.ZIP, campaign=s.campaign)
    certificate_job_run(job_id=retry.pk)
    retry.refresh_from_db()
    assert retry.status == JobStatus.DONE
    response = client.get(reverse("certificates_jobs:download", args=[retry.pk]))
    assert response.status_code == 200
    with zipfile.ZipFile(Path(settings.MEDIA_ROOT) / retry.file.name) as archive:
        assert f"{s.victim.employee_code}.pdf" in archive.namelist()


assert evidence_pack  # the module under test (its temp-file-and-rename is what these tests check)
