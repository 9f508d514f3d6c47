"""export_evidence: the manifest matches the files, the CSV equals the report, writes are atomic,
and the background job records progress and never offers a partial file."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import zipfile

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from core import exporters
from reports.models import ExportJob
from reports.services.evidence_pack import evidence_pack_build, export_job_request
from tests.learning.compliance_helpers import D, make_quiz, take_quiz
from tests.reports.test_compliance_report import scenario  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack_scenario(scenario):  # noqa: F811
    campaign, vp = scenario
    d1 = campaign.requirements.order_by("order").first().directive
    quiz = make_quiz("kt-dan-van", [d1])
    person = vp.staff.order_by("employee_code").first()
    take_quiz(quiz, person, D(2024, 6, 1), passed=False, source="paper")
    take_quiz(quiz, person, D(2024, 6, 15), source="paper")
    return campaign


def build(campaign, tmp_path, as_of="2024-12-01"):
    out = tmp_path / "pack" / "ho-so.zip"
    call_command("export_evidence", "--campaign", campaign.slug, "--out", str(out), "--as-of", as_of,
                 stdout=io.StringIO())
    return out


def test_manifest_lists_every_file_with_checksums(pack_scenario, tmp_path):
    out = build(pack_scenario, tmp_path)
    with zipfile.ZipFile(out) as pack:
        names = set(pack.namelist())
        manifest = json.loads(pack.read("manifest.json"))
        assert set(manifest) >= {"campaign", "as_of", "generated_at", "files"}
        assert manifest["campaign"] == "dan-van-2024" and manifest["as_of"] == "2024-12-01"
        assert {f["path"] for f in manifest["files"]} == names - {"manifest.json"}
        for entry in manifest["files"]:
            content = pack.read(entry["path"])
            assert hashlib.sha256(content).hexdigest() == entry["sha256"]
            assert len(content) == entry["bytes"]
    folders = {name.split("/")[0] for name in names if "/" in name}
    assert {"1-bao-cao", "2-diem-danh", "3-ket-qua-kiem-tra"} <= folders
    assert any(n.endswith(".pdf") for n in names if n.startswith("1-bao-cao/"))
    assert any(n.endswith(".xlsx") for n in names if n.startswith("1-bao-cao/"))
    assert len([n for n in names if n.startswith("2-diem-danh/")]) == 1  # the one session


def test_pack_csv_is_identical_to_the_report(pack_scenario, tmp_path):
    out = build(pack_scenario, tmp_path)
    report = tmp_path / "report.csv"
    call_command("compliance_report", "--campaign", "dan-van-2024", "--format", "csv", "--out", str(report),
                 "--as-of", "2024-12-01", stdout=io.StringIO())
    with zipfile.ZipFile(out) as pack:
        [csv_name] = [n for n in pack.namelist() if n.endswith(".csv")]
        assert pack.read(csv_name) == report.read_bytes()


def test_quiz_results_show_retests(pack_scenario, tmp_path):
    out = build(pack_scenario, tmp_path)
    with zipfile.ZipFile(out) as pack:
        [name] = [n for n in pack.namelist() if n.startswith("3-ket-qua-kiem-tra/")]
        ws = load_workbook(io.BytesIO(pack.read(name))).active
    rows = [r for r in ws.iter_rows(min_row=5, values_only=True)]
    assert [(r[1], r[4], r[5], r[10]) for r in rows] == [
        ("SCT002", 1, "Trên giấy", "Chưa đạt"), ("SCT002", 2, "Trên giấy", "Đạt"),
    ]


def test_optional_exporters_are_included_when_registered(pack_scenario, tmp_path):
    out = build(pack_scenario, tmp_path)
    with zipfile.ZipFile(out) as pack:
        names = pack.namelist()
    available = exporters.all_exporters()
    if "certificate-register" in available:
        assert any(n.startswith("4-giay-chung-nhan/") for n in names)
    if "scoring-self-assessment-xlsx" in available:
        assert any(n.startswith("5-tu-cham-diem/") and n.endswith(".xlsx") for n in names)


def test_failure_leaves_no_file(pack_scenario, tmp_path, monkeypatch):
    quiz_exporter = type(exporters.get("quiz-results-xlsx"))

    def broken(self, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(quiz_exporter, "render", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        build(pack_scenario, tmp_path)
    assert list((tmp_path / "pack").iterdir()) == []  # neither the ZIP nor a temporary part


def test_failure_keeps_the_previous_pack(pack_scenario, tmp_path, monkeypatch):
    out = build(pack_scenario, tmp_path)
    before = out.read_bytes()
    monkeypatch.setattr(type(exporters.get("compliance-pdf")), "render",
                        lambda self, **kw: (_ for _ in ()).throw(ValueError("boom")))
    with pytest.raises(ValueError):
        evidence_pack_build(campaign=pack_scenario, out=out, as_of=D(2024, 12, 1))
    assert out.read_bytes() == before and [p.name for p in out.parent.iterdir()] == ["ho-so.zip"]


def test_background_job_builds_the_pack(pack_scenario, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = export_job_request(campaign=pack_scenario, as_of=D(2024, 12, 1))
    job.refresh_from_db()
    assert (job.status, job.progress, job.error) == ("done", 100, "")
    assert re.search(r"ho-so-minh-chung-dan-van-2024-2024-12-01-[0-9a-f]{16}\.zip$", job.file.name)
    with job.file.open("rb") as handle, zipfile.ZipFile(handle) as pack:
        assert "manifest.json" in pack.namelist()


def test_failed_job_has_error_and_no_file(pack_scenario, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(type(exporters.get("compliance-xlsx")), "render",
                        lambda self, **kw: (_ for _ in ()).throw(ValueError("boom")))
    with django_capture_on_commit_callbacks(execute=True):
        job = export_job_request(campaign=pack_scenario, as_of=D(2024, 12, 1))
    job = ExportJob.objects.get(pk=job.pk)
    assert job.status == "failed" and "boom" in job.error and not job.file


def test_other_agencies_sessions_stay_out(pack_scenario, tmp_path):
    from tests.factories import EmployeeFactory, make_agency
    from tests.learning.compliance_helpers import attend, make_campaign, make_session

    other = make_agency("SYT", "Sở Y tế")
    directive = pack_scenario.requirements.first().directive
    foreign = make_campaign(other, [directive], slug="syt-2024")
    attend(make_session(foreign, D(2024, 6, 6), [directive]), EmployeeFactory(agency=other, unit=other))
    with zipfile.ZipFile(build(pack_scenario, tmp_path)) as pack:
        assert len([n for n in pack.namelist() if n.startswith("2-diem-danh/")]) == 1


def test_pack_computes_the_campaign_once_per_report(pack_scenario, tmp_path, monkeypatch):
    """The report's PDF, xlsx and CSV share one computation's queries (each then builds its rows
    slice by slice: the whole table is never in memory), the annual report the PDF's figures; the
    annual report's PDF and Word file one composed content."""
    from learning.selectors import compliance
    from reports.services import annual_report

    tables, composed = [], []
    original_inputs = compliance._inputs
    monkeypatch.setattr(compliance, "_inputs", lambda **kw: tables.append(kw["as_of"]) or original_inputs(**kw))
    original = annual_report.annual_report_compose
    monkeypatch.setattr(annual_report, "annual_report_compose", lambda **kw: composed.append(kw) or original(**kw))

    out = build(pack_scenario, tmp_path)

    with zipfile.ZipFile(out) as pack:
        names = pack.namelist()
    assert tables.count(dt.date(2024, 12, 1)) == 1  # the queries of the pack's day: once
    if "annual-report-pdf" in exporters.all_exporters():
        assert len(composed) == 1
        assert {n.rsplit(".", 1)[1] for n in names if n.startswith("1-bao-cao/bao-cao-ket-qua")} == {"pdf", "docx"}
