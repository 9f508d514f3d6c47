"""HR side: the register in the Wagtail admin, revoke, xlsx, background jobs and the ZIP."""

import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from certificates.models import Certificate, CertificateJob, CertificateStatus
from certificates.services import certificates_issue_for_campaign
from core.models import JobStatus
from org.models import AuditLog
from tests.certificates.conftest import D
from tests.factories import give_role, roles


@pytest.fixture
def issued(scenario):
    for code, name in (("SCT001", "Nguyễn Thị Hồng Nhung"), ("SCT002", "Đặng Văn Ưng"), ("SCT003", "=cmd|' /C calc'!A0")):
        scenario.study(scenario.person(code, name))
    certificates_issue_for_campaign(campaign=scenario.campaign, as_of=D(2024, 11, 15))
    return scenario


@pytest.fixture
def hr_client(client, issued):
    hr = issued.person("SCT100", "Trần Thị Thu Hương")
    give_role(hr.user, roles.HR)
    client.force_login(hr.user)
    return client


def test_register_lists_filters_and_searches_without_diacritics(hr_client, issued):
    url = reverse("certificates_certificate:index")
    html = hr_client.get(url).content.decode()
    assert "Nguyễn Thị Hồng Nhung" in html and "1/2024/GCN-SCT" in html
    html = hr_client.get(url, {"q": "dang van ung"}).content.decode()
    assert "Đặng Văn Ưng" in html and "Nguyễn Thị Hồng Nhung" not in html
    revoked = Certificate.objects.get(employee__employee_code="SCT001")
    revoked.status = CertificateStatus.REVOKED
    revoked.save()
    html = hr_client.get(url, {"status": "revoked"}).content.decode()
    assert "Nguyễn Thị Hồng Nhung" in html and "Đặng Văn Ưng" not in html


def test_no_hand_made_certificates(hr_client, issued):
    certificate = Certificate.objects.first()
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    for url in (reverse("certificates_certificate:add"), reverse("certificates_certificate:edit", args=[certificate.pk])):
        response = hr_client.get(url)
        assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
        assert hr_client.post(url, {"holder_name": "Giả mạo"}).status_code in (302, 403)
    assert not Certificate.objects.filter(holder_name="Giả mạo").exists()
    assert hr_client.get(reverse("certificates_certificate:inspect", args=[certificate.pk])).status_code == 200


def test_revoke_action_is_audited(hr_client, issued):
    certificate = Certificate.objects.get(employee__employee_code="SCT002")
    url = reverse("certificates_admin:revoke", args=[certificate.pk])
    assert hr_client.get(url).status_code == 200
    assert hr_client.post(url, {"reason": ""}).status_code == 200  # reason required: form again
    response = hr_client.post(url, {"reason": "Cấp nhầm người"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED and certificate.revoked_by.employee.employee_code == "SCT100"
    entry = AuditLog.objects.get(action="certificate.revoke")
    assert entry.actor.employee.employee_code == "SCT100"


def test_learner_cannot_reach_the_register_or_revoke(client, issued):
    learner = Certificate.objects.get(employee__employee_code="SCT001").employee
    give_role(learner.user, roles.LEARNER)
    client.force_login(learner.user)
    certificate = Certificate.objects.first()
    assert client.get(reverse("certificates_admin:revoke", args=[certificate.pk])).status_code in (302, 403)
    assert client.post(reverse("certificates_admin:revoke", args=[certificate.pk]), {"reason": "x"}).status_code \
        in (302, 403)
    assert Certificate.objects.filter(status="revoked").count() == 0


def test_register_xlsx_through_the_shared_exporter(hr_client, issued):
    from core import exporters

    rendered = exporters.get("certificate-register").render(campaign=issued.campaign)
    sheet = load_workbook(io.BytesIO(rendered.content)).active
    assert sheet["A1"].value == "SỔ CẤP GIẤY CHỨNG NHẬN"
    header = [c.value for c in sheet[4]]
    assert header[:4] == ["STT", "Số hiệu", "Ngày cấp", "Họ và tên"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5)]
    assert [r[1] for r in rows] == ["1/2024/GCN-SCT", "2/2024/GCN-SCT", "3/2024/GCN-SCT"]
    assert rows[0][3] == "Nguyễn Thị Hồng Nhung" and rows[0][2] == "10/05/2024"  # the day she completed
    assert all(not str(r[3]).startswith("=") for r in rows)  # formula injection neutralised
    response = hr_client.get(reverse("certificates_admin:register_xlsx"), {"campaign": issued.campaign.pk})
    assert response.status_code == 200 and response.content[:2] == b"PK"


def test_register_as_of_a_date_hides_later_issues(issued):
    from certificates.exporters import register_frame

    # dated the day their holders completed (10/05/2024), not the day they were issued
    assert len(register_frame(Certificate.objects.all(), as_of=D(2024, 5, 9))) == 0
    assert len(register_frame(Certificate.objects.all(), as_of=D(2024, 5, 10))) == 3


def test_zip_job_runs_in_the_background_and_serves_a_complete_zip(hr_client, issued,
                                                                 django_capture_on_commit_callbacks):
    jobs = reverse("certificates_jobs:index")
    assert hr_client.get(jobs).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = hr_client.post(jobs, {"campaign": issued.campaign.pk, "kind": "zip"})
    assert response.status_code == 302
    job = CertificateJob.objects.get()
    assert job.status == JobStatus.DONE and job.done == job.total == 3  # immediate backend in tests
    download = hr_client.get(reverse("certificates_jobs:download", args=[job.pk]))
    assert download.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert archive.testzip() is None
    names = sorted(archive.namelist())
    assert names[:3] == ["SCT001.pdf", "SCT002.pdf", "SCT003.pdf"]
    assert names[3].endswith(".xlsx")
    assert ".part" not in job.file.name and "dan-van-2024" in job.file.name


def test_unfinished_job_serves_nothing(hr_client, issued):
    job = CertificateJob.objects.create(kind="zip", campaign=issued.campaign, status=JobStatus.RUNNING)
    assert hr_client.get(reverse("certificates_jobs:download", args=[job.pk])).status_code == 404


def test_bulk_issue_job_reports_progress_and_result(hr_client, issued, django_capture_on_commit_callbacks):
    later = issued.person("SCT004", "Võ Thị Sáu")
    issued.study(later)
    with django_capture_on_commit_callbacks(execute=True):
        hr_client.post(reverse("certificates_jobs:index"), {"campaign": issued.campaign.pk, "kind": "issue",
                                                            "as_of": "20/11/2024"})
    job = CertificateJob.objects.get()
    assert job.status == JobStatus.DONE and job.result["issued"] == 1 and job.percent == 100
    assert later.certificates.get().issued_on == D(2024, 5, 10)  # the day she completed, not the job's as-of
