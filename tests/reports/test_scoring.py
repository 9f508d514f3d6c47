"""Scoring dossier: criteria as data (import), self-scores ≤ max with audit, xlsx and PDF sheets."""

from __future__ import annotations

import io
import subprocess
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document

from core import exporters
from core.errors import ImportRefused
from core.tables import read_table
from org.models import AuditLog
from reports.models import ScoringCriterion, SelfScore, SelfScoreEvidence
from reports.services.scoring import CRITERIA_COLUMNS, ScoreOutOfRange, criteria_import, self_score_save
from tests.factories import EmployeeFactory, give_role, make_agency, roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency():
    return make_agency()


@pytest.fixture
def hr(agency):
    employee = EmployeeFactory(agency=agency, employee_code="HR1", full_name="Trần Thị Thu Hương")
    give_role(employee.user, roles.HR)
    return employee.user


def _xlsx(rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


CRITERIA_FILE = [
    ["Mã tiêu chí", "Nội dung", "Điểm tối đa", "Thứ tự"],
    ["I.1", "Ban hành kế hoạch công tác dân vận chính quyền", 10, 1],
    ["I.2", "Tổ chức học tập, quán triệt văn bản", "20", 2],
    ["II.1", "Thực hiện dân chủ ở cơ sở", "15,5", 3],
]


def test_criteria_import_all_or_nothing_and_idempotent(agency):
    table = read_table(_xlsx(CRITERIA_FILE), CRITERIA_COLUMNS, filename="tieu-chi.xlsx")
    assert criteria_import(agency=agency, year=2024, table=table, dry_run=True).created == 3
    assert not ScoringCriterion.objects.exists()
    assert criteria_import(agency=agency, year=2024, table=table).line() == "created 3, updated 0, unchanged 0"
    assert criteria_import(agency=agency, year=2024, table=table).line() == "created 0, updated 0, unchanged 3"
    assert ScoringCriterion.objects.get(code="II.1").max_points == Decimal("15.5")
    bad = read_table(_xlsx(CRITERIA_FILE + [["I.1", "trùng mã", "abc", ""]]), CRITERIA_COLUMNS, filename="x.xlsx")
    with pytest.raises(ImportRefused) as refused:
        criteria_import(agency=agency, year=2025, table=bad)
    messages = [str(p) for p in refused.value.problems]
    assert 'row 5, column "Mã tiêu chí": mã "I.1" lặp lại (dòng 2)' in messages
    assert 'row 5, column "Điểm tối đa": "abc" không phải số điểm hợp lệ' in messages
    assert not ScoringCriterion.objects.filter(year=2025).exists()


def test_self_score_cannot_exceed_max_and_is_audited(agency, hr):
    criterion = ScoringCriterion.objects.create(agency=agency, year=2024, code="1", text="Tiêu chí", max_points=10)
    with pytest.raises(ScoreOutOfRange):
        self_score_save(score=SelfScore(criterion=criterion, points=Decimal("10.5")), actor=hr)
    score = self_score_save(score=SelfScore(criterion=criterion, points=Decimal("9"), comment="Đạt"), actor=hr)
    score.points = Decimal("8")
    self_score_save(score=score, actor=hr)
    entries = AuditLog.objects.filter(action__startswith="self_score").order_by("id")
    assert [e.action for e in entries] == ["self_score.create", "self_score.update"]
    assert entries[1].before["points"] == "9.00" and entries[1].after["points"] == "8.00"


def test_admin_form_refuses_points_above_max(client, agency, hr):
    criterion = ScoringCriterion.objects.create(agency=agency, year=2024, code="1", text="Tiêu chí", max_points=10)
    client.force_login(hr)
    response = client.post(reverse("self_scores:add"), {
        "criterion": criterion.pk, "points": "12", "comment": "",
        "evidence-TOTAL_FORMS": 0, "evidence-INITIAL_FORMS": 0, "evidence-MIN_NUM_FORMS": 0,
        "evidence-MAX_NUM_FORMS": 1000,
    })
    assert response.status_code == 200 and "vượt quá điểm tối đa" in response.content.decode()
    assert not SelfScore.objects.exists()
    ok = client.post(reverse("self_scores:add"), {
        "criterion": criterion.pk, "points": "7.5", "comment": "Có minh chứng",
        "evidence-TOTAL_FORMS": 0, "evidence-INITIAL_FORMS": 0, "evidence-MIN_NUM_FORMS": 0,
        "evidence-MAX_NUM_FORMS": 1000,
    })
    assert ok.status_code == 302
    assert SelfScore.objects.get().scored_by == hr
    assert AuditLog.objects.filter(action="self_score.create").exists()


@pytest.fixture
def scored(agency, hr):
    c1 = ScoringCriterion.objects.create(agency=agency, year=2024, code="1", order=1, max_points=10,
                                         text="Ban hành kế hoạch công tác dân vận chính quyền")
    c2 = ScoringCriterion.objects.create(agency=agency, year=2024, code="2", order=2, max_points=20,
                                         text="Học tập, quán triệt Quyết định 23-QĐ/TW")
    ScoringCriterion.objects.create(agency=agency, year=2024, code="3", order=3, max_points=5,
                                    text="Chế độ báo cáo")
    s1 = self_score_save(score=SelfScore(criterion=c1, points=Decimal("9.5"), comment="Đúng hạn"), actor=hr)
    self_score_save(score=SelfScore(criterion=c2, points=Decimal("18"), comment="Đủ số người"), actor=hr)
    document = Document(title="Kế hoạch số 12/KH-SCT")
    document.file.save("ke-hoach.pdf", ContentFile(b"%PDF-1.4 demo"), save=False)
    document.save()
    SelfScoreEvidence.objects.create(score=s1, document=document)
    return agency


def test_xlsx_sheet_read_back(scored):
    rendered = exporters.get("scoring-self-assessment-xlsx").render(agency=scored, year=2024)
    assert rendered.filename == "tu-cham-diem-SCT-2024.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(rendered.content)).active
    rows = list(sheet.values)
    assert rows[1][0] == "BẢNG TỰ CHẤM ĐIỂM NĂM 2024"
    assert rows[4] == ("Mã tiêu chí", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Giải trình", "Minh chứng")
    assert rows[5] == ("1", "Ban hành kế hoạch công tác dân vận chính quyền", 10, 9.5, "Đúng hạn",
                       "Kế hoạch số 12/KH-SCT")
    assert rows[6][:4] == ("2", "Học tập, quán triệt Quyết định 23-QĐ/TW", 20, 18)
    assert rows[7][:4] == ("3", "Chế độ báo cáo", 5, None)
    assert rows[8][1:4] == ("Tổng cộng", "=SUM(C6:C8)", "=SUM(D6:D8)")


def test_pdf_sheet_text(scored, tmp_path):
    import datetime as dt

    rendered = exporters.get("scoring-self-assessment-pdf").render(agency=scored, year=2024,
                                                                    report_date=dt.date(2024, 11, 5))
    path = tmp_path / "sheet.pdf"
    path.write_bytes(rendered.content)
    (tmp_path.parent / "h6b-scoring.pdf").write_bytes(rendered.content)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "SỞ CÔNG THƯƠNG",
                     "UBND TỈNH TÂY NINH", "Tây Ninh, ngày 05 tháng 11 năm 2024", "BẢNG TỰ CHẤM ĐIỂM",
                     "23-QĐ/TW", "9,5", "12/KH-SCT", "Tổng cộng",
                     "35", "27,5"):
        assert expected in text, expected


def test_scoring_exporters_take_a_campaign_for_the_evidence_pack(scored):
    from tests.learning.compliance_helpers import make_campaign, make_directive

    campaign = make_campaign(scored, [make_directive("23-QĐ/TW")])
    rendered = exporters.get("scoring-self-assessment-pdf").render(campaign=campaign, as_of=campaign.due)
    assert rendered.content.startswith(b"%PDF")


def test_download_and_import_screens(client, agency, hr):
    client.force_login(hr)
    upload = io.BytesIO(_xlsx(CRITERIA_FILE))
    upload.name = "tieu-chi.xlsx"
    response = client.post(reverse("scoring_import"), {"agency": agency.pk, "year": 2024, "file": upload})
    assert response.status_code == 302 and ScoringCriterion.objects.count() == 3
    download = client.get(reverse("scoring_download"),
                          {"agency": agency.pk, "year": 2024, "format": "scoring-self-assessment-xlsx"})
    assert download.status_code == 200 and download["Content-Disposition"].endswith('2024.xlsx"')


def test_criteria_template_reads_back_through_the_import(client, agency, hr):
    client.force_login(hr)
    template = client.get(reverse("scoring_template"))
    assert template.status_code == 200
    table = read_table(template.content, CRITERIA_COLUMNS, filename="mau.xlsx")
    assert [row.text("code") for row in table.rows] == ["1.1"]
    assert criteria_import(agency=agency, year=2024, table=table, dry_run=True).created == 1


def test_criteria_list_links_each_criterion_to_its_self_score(client, agency, hr):
    criterion = ScoringCriterion.objects.create(agency=agency, year=2024, code="1", text="Tiêu chí", max_points=10)
    client.force_login(hr)
    listing = client.get(reverse("scoring_criteria:index")).content.decode()
    add_url = reverse("self_scores:add") + f"?criterion={criterion.pk}"
    assert add_url in listing and "Chấm điểm" in listing
    form = client.get(add_url)
    assert form.status_code == 200
    assert f'<option value="{criterion.pk}" selected>' in form.content.decode()
    score = self_score_save(score=SelfScore(criterion=criterion, points=Decimal("6")), actor=hr)
    listing = client.get(reverse("scoring_criteria:index")).content.decode()
    assert reverse("self_scores:edit", args=[score.pk]) in listing
