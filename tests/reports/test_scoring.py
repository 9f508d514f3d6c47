"""Scoring dossier: criteria as data (import), self-scores ≤ max with audit, xlsx and PDF sheets."""

from __future__ import annotations

import html
import io
import subprocess
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.documents.models import Document

from core import exporters
from core.errors import ImportRefused
from org.models import AuditLog
from reports.models import RatingBand, ScoringCriterion, SelfScore, SelfScoreEvidence
from reports.services.scoring import (
    ScoreOutOfRange,
    criteria_import,
    criteria_read,
    dossier_for,
    dossier_submit,
    self_score_save,
)
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


def _book(criteria, ratings=(("Tốt", 80), ("Khá", 65), ("Trung bình", 50), ("Kém", 0))):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tiêu chí"
    sheet.append(["Mã", "Nội dung", "Điểm tối đa", "Hướng dẫn chấm", "Đo tự động"])
    for row in criteria:
        sheet.append(list(row))
    bands = book.create_sheet("Xếp loại")
    bands.append(["Xếp loại", "Từ điểm"])
    for row in ratings:
        bands.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


CRITERIA = [
    ("1", "Lãnh đạo, chỉ đạo", 30),
    ("1.1", "Ban hành kế hoạch công tác dân vận chính quyền", 10, "Có kế hoạch: 10 điểm"),
    ("1.2", "Tổ chức học tập, quán triệt văn bản", "20"),
    ("2", "Thực hiện dân chủ ở cơ sở", "70"),
]


def _import(agency, content, year=2024, **kwargs):
    criteria, ratings = criteria_read(content, filename="tieu-chi.xlsx")
    return criteria_import(agency=agency, year=year, criteria=criteria, ratings=ratings, **kwargs)


def test_criteria_import_builds_the_tree_and_bands_all_or_nothing(agency):
    content = _book(CRITERIA)
    assert _import(agency, content, dry_run=True).line() == "imported 4 criteria, 4 ratings"
    assert not ScoringCriterion.objects.exists() and not RatingBand.objects.exists()
    assert _import(agency, content).line() == "imported 4 criteria, 4 ratings"
    c12 = ScoringCriterion.objects.get(code="1.2")
    assert c12.parent.code == "1" and c12.max_points == Decimal("20") and c12.level == 1
    assert ScoringCriterion.objects.get(code="1.1").guidance == "Có kế hoạch: 10 điểm"
    assert [b.rating for b in RatingBand.objects.order_by("-min_points")] == ["Tốt", "Khá", "Trung bình", "Kém"]
    # re-import replaces: criterion 2 gone, a new one in, self-score on a kept code survives
    SelfScore.objects.create(criterion=ScoringCriterion.objects.get(code="1.1"), points=9)
    _import(agency, _book(CRITERIA[:3] + [("3", "Cải cách hành chính", 70)]))
    assert sorted(ScoringCriterion.objects.values_list("code", flat=True)) == ["1", "1.1", "1.2", "3"]
    assert SelfScore.objects.get().criterion.code == "1.1"


def _problems(agency, criteria, ratings=(("Tốt", 80), ("Kém", 0))):
    with pytest.raises(ImportRefused) as refused:
        _import(agency, _book(criteria, ratings), year=2025)
    assert not ScoringCriterion.objects.filter(year=2025).exists()
    return [str(p) for p in refused.value.problems]


def test_criteria_import_names_sheet_row_and_column_of_every_fault(agency):
    messages = _problems(agency, [
        ("1", "Lãnh đạo", 30),           # row 2: 10 + 15 ≠ 30
        ("1.1", "Kế hoạch", 10),
        ("1.2", "Học tập", 15),
        ("1.1", "Trùng", 5),               # row 5: duplicate
        ("4.1", "Không có cha", 5),        # row 6: missing parent
        ("5", "Âm", -3),                   # row 7
        ("6", "Chữ", "mười"),              # row 8
        ("7", "Ba chữ số", "1.255"),       # row 9
        ("8", "Đo lạ", 5, "", "speed:dan-van-2024"),    # row 10
        ("9", "Kế hoạch không có", 5, "", "completion:khong-co"),  # row 11
    ], ratings=(("Tốt", 80), ("Khá", 80), ("Trung bình", 50)))
    joined = "\n".join(messages)
    assert 'trang tính "Tiêu chí", dòng 2, cột "Điểm tối đa": điểm tối đa 30 khác tổng' in joined
    assert 'trang tính "Tiêu chí", dòng 5, cột "Mã": mã "1.1" trùng với dòng 3' in messages
    assert any(m.startswith('trang tính "Tiêu chí", dòng 6, cột "Mã": tiêu chí cha "4"') for m in messages)
    assert 'trang tính "Tiêu chí", dòng 7, cột "Điểm tối đa": "-3" là số âm' in messages
    assert 'trang tính "Tiêu chí", dòng 8, cột "Điểm tối đa": "mười" không phải là số' in messages
    assert 'trang tính "Tiêu chí", dòng 9, cột "Điểm tối đa": "1.255" có quá hai chữ số thập phân' in messages
    assert any(m.startswith('trang tính "Tiêu chí", dòng 10, cột "Đo tự động": "speed:dan-van-2024"') for m in messages)
    assert any(m.startswith('trang tính "Tiêu chí", dòng 11, cột "Đo tự động": không có kế hoạch') for m in messages)
    assert any(m.startswith('trang tính "Xếp loại", dòng 3, cột "Từ điểm": mức xếp loại chồng lấn') for m in messages)
    assert any(m.startswith('trang tính "Xếp loại", dòng 4, cột "Từ điểm": thiếu mức xếp loại') for m in messages)


def test_province_import_gives_every_agency_the_table(agency, tmp_path):
    from org.models import Province

    province = Province.objects.create(code="TN", name="Tây Ninh")
    other = make_agency("SXD", "Sở Xây dựng Tây Ninh")
    type(agency).objects.filter(pk__in=[agency.pk, other.pk]).update(province=province)
    path = tmp_path / "tieu-chi.xlsx"
    path.write_bytes(_book(CRITERIA))
    out = io.StringIO()
    call_command("import_scoring_criteria", str(path), "--year", "2024", "--province", "TN", stdout=out,
                 stderr=io.StringIO())
    assert out.getvalue().strip() == "imported 4 criteria, 4 ratings"
    assert ScoringCriterion.objects.filter(agency=other, year=2024).count() == 4
    assert RatingBand.objects.filter(agency=agency, year=2024).count() == 4


def test_missing_rating_sheet_is_refused(agency):
    book = openpyxl.Workbook()
    book.active.title = "Tiêu chí"
    book.active.append(["Mã", "Nội dung", "Điểm tối đa"])
    book.active.append(["1", "A", 10])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(ImportRefused) as refused:
        criteria_read(buffer.getvalue(), filename="x.xlsx")
    assert str(refused.value.problems[0]).startswith('trang tính "Xếp loại"')


def test_command_prints_the_line_and_refuses_after_submission(agency, hr, tmp_path):
    path = tmp_path / "tieu-chi.xlsx"
    path.write_bytes(_book(CRITERIA))
    out = io.StringIO()
    call_command("import_scoring_criteria", str(path), "--year", "2024", "--agency", "SCT", "--dry-run", stdout=out,
                 stderr=io.StringIO())
    assert out.getvalue().strip() == "imported 4 criteria, 4 ratings" and not ScoringCriterion.objects.exists()
    call_command("import_scoring_criteria", str(path), "--year", "2024", stdout=out)
    assert ScoringCriterion.objects.count() == 4
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(_book([("1", "A", 10), ("1", "B", 5)]))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_scoring_criteria", str(bad), "--year", "2024", stderr=err)
    assert 'sheet "Tiêu chí", row 3, column "Mã"' in err.getvalue()
    with pytest.raises(CommandError, match='unknown province "TN"'):
        call_command("import_scoring_criteria", str(path), "--year", "2024", "--province", "TN")
    self_score_save(score=SelfScore(criterion=ScoringCriterion.objects.get(code="2"), points=60), actor=hr)
    dossier_submit(dossier=dossier_for(agency=agency, year=2024), actor=hr)
    with pytest.raises(CommandError, match="đã nộp"):
        call_command("import_scoring_criteria", str(path), "--year", "2024")


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
    RatingBand.objects.create(agency=scored, year=2024, rating="Khá", min_points=20)
    RatingBand.objects.create(agency=scored, year=2024, rating="Kém", min_points=0)
    rendered = exporters.get("scoring-self-assessment-xlsx").render(agency=scored, year=2024)
    assert rendered.filename == "tu-cham-diem-SCT-2024.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(rendered.content))
    rows = list(book["Tự chấm điểm"].values)
    assert rows[1][0] == "BẢNG TỰ CHẤM ĐIỂM NĂM 2024"
    assert rows[4] == ("Mã", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm đề xuất từ số liệu",
                       "Giải trình", "Minh chứng")
    assert rows[5] == ("1", "Ban hành kế hoạch công tác dân vận chính quyền", 10, 9.5, None, "Đúng hạn",
                       "MC 1-1: Kế hoạch số 12/KH-SCT")
    assert rows[6][:4] == ("2", "Học tập, quán triệt Quyết định 23-QĐ/TW", 20, 18)
    assert rows[7][:4] == ("3", "Chế độ báo cáo", 5, None)
    assert rows[8][1:4] == ("Tổng cộng", 35, 27.5)
    assert rows[9][1] == "Tự xếp loại" and rows[9][5] == "Khá"
    index = list(book["Minh chứng"].values)
    assert index[0][:4] == ("Số hiệu", "Mã tiêu chí", "Tiêu chí", "Loại minh chứng")
    assert index[1][:5] == ("MC 1-1", "1", "Ban hành kế hoạch công tác dân vận chính quyền", "Tài liệu tải lên",
                            "Kế hoạch số 12/KH-SCT")


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
    bad = io.BytesIO(_book([("1", "A", 10), ("1", "B", 5)]))
    bad.name = "tieu-chi.xlsx"
    response = client.post(reverse("scoring_import"), {"agency": agency.pk, "year": 2024, "file": bad})
    assert 'trang tính "Tiêu chí", dòng 3, cột "Mã"' in html.unescape(response.content.decode())
    upload = io.BytesIO(_book(CRITERIA))
    upload.name = "tieu-chi.xlsx"
    response = client.post(reverse("scoring_import"), {"agency": agency.pk, "year": 2024, "file": upload})
    assert response.status_code == 302 and ScoringCriterion.objects.count() == 4
    download = client.get(reverse("scoring_download"),
                          {"agency": agency.pk, "year": 2024, "format": "scoring-self-assessment-xlsx"})
    assert download.status_code == 200 and download["Content-Disposition"].endswith('2024.xlsx"')


def test_criteria_template_reads_back_through_the_import(client, agency, hr):
    client.force_login(hr)
    template = client.get(reverse("scoring_template"))
    assert template.status_code == 200
    assert _import(agency, template.content, dry_run=True).line() == "imported 2 criteria, 4 ratings"


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


def test_live_measure_proposes_override_needs_reason_and_submission_locks(agency, hr, tmp_path):
    import datetime as dt

    from reports.models import EvidenceLinkKind, ScoringDossier
    from reports.selectors.scoring import scoring_sheet
    from reports.services.scoring import DossierLocked
    from tests.learning.compliance_helpers import attend, make_campaign, make_directive, make_session

    d1 = make_directive("23-QĐ/TW")
    campaign = make_campaign(agency, [d1], start=dt.date(2024, 4, 1), due=dt.date(2024, 10, 31))
    session = make_session(campaign, dt.date(2024, 5, 2), [d1])
    attend(session, EmployeeFactory(agency=agency, employee_code="A1"))
    EmployeeFactory(agency=agency, employee_code="A2")
    # HR1 is in the audience too: 1 of 3 completed
    _import(agency, _book([("1", "Học tập", 30), ("1.1", "Tỷ lệ hoàn thành", 15, "", "completion:dan-van-2024"),
                           ("1.2", "Hội nghị", 15, "", "sessions:dan-van-2024")]))
    c11, c12 = ScoringCriterion.objects.get(code="1.1"), ScoringCriterion.objects.get(code="1.2")
    with pytest.raises(ScoreOutOfRange, match="cần ghi lý do"):
        self_score_save(score=SelfScore(criterion=c11, points=Decimal("15")), actor=hr)
    s11 = self_score_save(score=SelfScore(criterion=c11, points=Decimal("15"), override_reason="Hai người học bù"),
                          actor=hr)
    assert s11.proposed_points == Decimal("5.00")
    s12 = self_score_save(score=SelfScore(criterion=c12, points=Decimal("15")), actor=hr)  # 1/1 directive covered
    SelfScoreEvidence.objects.create(score=s12, kind=EvidenceLinkKind.SESSION, session=session)
    with pytest.raises(ScoreOutOfRange, match="tiêu chí con"):
        self_score_save(score=SelfScore(criterion=ScoringCriterion.objects.get(code="1"), points=1), actor=hr)
    sheet = scoring_sheet(agency=agency, year=2024)
    assert [r.points for r in sheet.rows] == [Decimal("30"), Decimal("15"), Decimal("15")]
    assert sheet.total_points == Decimal("30") and sheet.rating == "Kém"
    assert "Hội nghị quán triệt ngày 02/05/2024 (1 người dự)" in sheet.rows[2].evidence[0].description

    dossier = dossier_submit(dossier=dossier_for(agency=agency, year=2024), actor=hr)
    assert dossier.deadline == dt.date(2024, 11, 15) and dossier.snapshot["total_points"] == "30.00"
    with pytest.raises(DossierLocked):
        self_score_save(score=s11, actor=hr)
    ScoringCriterion.objects.filter(code="1.1").update(text="Đổi sau khi nộp")
    assert scoring_sheet(agency=agency, year=2024).rows[1].text == "Tỷ lệ hoàn thành"  # the snapshot
    out = tmp_path / "tu-cham.xlsx"
    call_command("export_scoring", "--year", "2024", "--format", "xlsx", "--out", str(out), stdout=io.StringIO())
    book = openpyxl.load_workbook(out)
    assert list(book["Minh chứng"].values)[1][:4] == ("MC 1.2-1", "1.2", "Hội nghị", "Hội nghị học tập")
    pdf = tmp_path / "tu-cham.pdf"
    call_command("export_scoring", "--year", "2024", "--format", "pdf", "--out", str(pdf), "--agency", "SCT",
                 stdout=io.StringIO())
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    for expected in ("Căn cứ Quyết định số 908/QĐ-UBND", "Tự xếp loại: Kém", "Tổng điểm tự chấm: 30/30 điểm",
                     "Nơi nhận:", "UBND tỉnh (qua Sở Nội vụ);", "MC 1.2-1", "Tỷ lệ hoàn thành"):
        assert expected in text, expected
    assert ScoringDossier.objects.get().is_submitted


def test_the_deadline_reminds_hr_until_the_dossier_is_submitted(agency, hr):
    import datetime as dt

    from django.core import mail

    from reports.models import ReminderKind
    from reports.services.reminders import reminders_send
    from tests.learning.compliance_helpers import make_campaign, make_directive

    make_campaign(agency, [make_directive("23-QĐ/TW")], start=dt.date(2024, 4, 1), due=dt.date(2024, 10, 31))
    _import(agency, _book(CRITERIA))
    kind = ReminderKind.DOSSIER_DEADLINE
    assert reminders_send(as_of=dt.date(2024, 10, 20)).sent[kind] == 0  # more than 14 days before 15/11
    first = reminders_send(as_of=dt.date(2024, 11, 5))
    assert first.sent[kind] == 1 and "dossier_deadline 1" in first.line()
    message = next(m for m in mail.outbox if "hồ sơ tự chấm điểm" in m.subject)
    assert message.subject == "[Nhắc nhở] Hạn nộp hồ sơ tự chấm điểm năm 2024: 15/11/2024"
    assert "còn 10 ngày" in message.body and "đã chấm 0/3 tiêu chí" in message.body
    assert reminders_send(as_of=dt.date(2024, 11, 6)).already[kind] == 1  # once a week
    self_score_save(score=SelfScore(criterion=ScoringCriterion.objects.get(code="2"), points=60), actor=hr)
    dossier_submit(dossier=dossier_for(agency=agency, year=2024), actor=hr)
    assert reminders_send(as_of=dt.date(2024, 11, 14)).sent[kind] == 0
