"""The evidence pack admin screen: HR requests a pack and downloads the ZIP; a failed build shows its
error and offers nothing; only done jobs of the user's own agency are downloadable."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.urls import reverse

from core import exporters
from core.models import JobStatus
from reports.models import ExportJob
from tests.factories import EmployeeFactory, give_role, make_agency, roles
from tests.reports.test_compliance_report import scenario  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

INDEX = "learning_evidence_pack:index"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def campaign(scenario):  # noqa: F811
    return scenario[0]


def staff(agency, code):
    return EmployeeFactory(agency=agency, unit=agency, employee_code=code)


def login_as(client, employee, role=None):
    if role:
        give_role(employee.user, role)
    client.force_login(employee.user)
    return client


@pytest.fixture
def hr_client(client, campaign):
    return login_as(client, staff(campaign.agency, "SCT900"), roles.HR)


def request_pack(client, campaign, capture):
    with capture(execute=True):  # the immediate backend runs the task once the request commits
        response = client.post(reverse(INDEX), {"campaign": campaign.pk, "as_of": "2024-12-01"})
    assert response.status_code == 302
    return ExportJob.objects.get()


def test_hr_requests_a_pack_and_downloads_the_zip(hr_client, campaign, django_capture_on_commit_callbacks):
    page = hr_client.get(reverse(INDEX))
    assert page.status_code == 200 and campaign.title in page.content.decode()
    job = request_pack(hr_client, campaign, django_capture_on_commit_callbacks)
    assert job.status == JobStatus.DONE and job.requested_by.username == "SCT900"
    html = hr_client.get(reverse(INDEX)).content.decode()
    download = reverse("learning_evidence_pack:download", args=[job.pk])
    assert download in html and "Hoàn thành" in html and 'http-equiv="refresh"' not in html
    response = hr_client.get(download)
    assert response.status_code == 200
    assert 'filename="ho-so-minh-chung-dan-van-2024-2024-12-01.zip"' in response["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as pack:
        manifest = json.loads(pack.read("manifest.json"))
        assert manifest["campaign"] == "dan-van-2024" and manifest["as_of"] == "2024-12-01"
        assert {f["path"] for f in manifest["files"]} == set(pack.namelist()) - {"manifest.json"}


def test_failed_job_shows_the_error_and_no_download(hr_client, campaign, django_capture_on_commit_callbacks,
                                                    monkeypatch):
    monkeypatch.setattr(type(exporters.get("compliance-pdf")), "render",
                        lambda self, **kw: (_ for _ in ()).throw(RuntimeError("ổ đĩa đầy")))
    job = request_pack(hr_client, campaign, django_capture_on_commit_callbacks)
    assert job.status == JobStatus.FAILED and not job.file
    html = hr_client.get(reverse(INDEX)).content.decode()
    assert "Lỗi" in html and "RuntimeError: ổ đĩa đầy" in html
    download = reverse("learning_evidence_pack:download", args=[job.pk])
    assert download not in html
    assert hr_client.get(download).status_code == 404


def test_running_job_is_not_downloadable_and_the_page_refreshes(hr_client, campaign):
    job = ExportJob.objects.create(campaign=campaign, as_of=campaign.start, status=JobStatus.RUNNING,
                                   progress=40, step="Danh sách hội nghị 10/05/2024")
    html = hr_client.get(reverse(INDEX)).content.decode()
    assert 'http-equiv="refresh"' in html and "40%" in html and "Danh sách hội nghị 10/05/2024" in html
    assert hr_client.get(reverse("learning_evidence_pack:download", args=[job.pk])).status_code == 404


def test_done_job_whose_file_is_gone_is_not_offered(hr_client, campaign):
    job = ExportJob.objects.create(campaign=campaign, as_of=campaign.start, status=JobStatus.DONE,
                                   file="exports/2024/missing.zip")
    download = reverse("learning_evidence_pack:download", args=[job.pk])
    assert download not in hr_client.get(reverse(INDEX)).content.decode()
    assert hr_client.get(download).status_code == 404


def test_hr_of_another_agency_gets_404(client, campaign, django_capture_on_commit_callbacks):
    hr = staff(campaign.agency, "SCT900")
    job = request_pack(login_as(client, hr, roles.HR), campaign, django_capture_on_commit_callbacks)
    other = staff(make_agency("SXD", "Sở Xây dựng Tây Ninh"), "SXD001")
    login_as(client, other, roles.HR)
    assert client.get(reverse("learning_evidence_pack:download", args=[job.pk])).status_code == 404
    html = client.get(reverse(INDEX)).content.decode()
    assert campaign.title not in html  # neither the job nor the campaign to choose
    assert client.post(reverse(INDEX), {"campaign": campaign.pk}).status_code == 200  # invalid choice
    assert ExportJob.objects.count() == 1


@pytest.mark.parametrize("role", [None, roles.UNIT_HEAD])
def test_learners_and_unit_heads_are_refused(client, campaign, role):
    job = ExportJob.objects.create(campaign=campaign, as_of=campaign.start)
    login_as(client, staff(campaign.agency, "SCT901"), role)
    # Wagtail turns a refusal into a redirect: to the login for learners, to the admin home with an error.
    for response in (client.get(reverse(INDEX)), client.post(reverse(INDEX), {"campaign": campaign.pk}),
                     client.get(reverse("learning_evidence_pack:download", args=[job.pk]))):
        assert response.status_code == 302 and response["Location"].split("?")[0] in ("/admin/", "/dang-nhap/")
    assert ExportJob.objects.count() == 1
