"""Import problems read Vietnamese on the web and English from the commands (#16 item 2).

Every upload screen of the admin is given a faulty file: the page lists the problems, and none of the
English phrases of our catalogue or Wagtail's (tests/security/english.py) is on it — nor a command-line
flag. The command prints the very English lines docs/contract.md fixes."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import Workbook

from tests.security import scenario
from tests.security.english import english_on

pytestmark = pytest.mark.django_db

ROSTER = "Mã cán bộ,Họ và tên,Email,Đơn vị,Loại,Ngày vào cơ quan\nNV 1,,abc@,Phòng Ma,Bác sĩ,31/02/2024\n"
ATTENDANCE = "Mã cán bộ,Họ và tên,Trạng thái\nZZZ999,,Ngủ gật\nZZZ999,,\n"
PAPER = "Mã cán bộ,Điểm,Điểm tối đa,Ngày làm bài\nZZZ1,mười,0,31/02/2024\n,5,10,\n"
GIFT = "Câu 1 {=a ~b\n\nCâu 2 {#năm}\n\nCâu 3 {~a ~b}\n"
MOODLE = '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n<foo/>\n<question type="x"><name><text>Q</text></name></question>\n</quiz>\n'
CAMPAIGN = ("slug: có dấu\ntitle: ''\nstart: 2024-13-01\ndue: 2024-01-01\nowner: ai\n"
            "requirements:\n  - directive: 99/XX\n")


def _scoring_book() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Tiêu chí"
    sheet.append(["Mã", "Nội dung", "Điểm tối đa"])
    sheet.append(["1", "Lãnh đạo", 10])
    sheet.append(["1", "Trùng", "mười"])
    bands = book.create_sheet("Xếp loại")
    bands.append(["Xếp loại", "Từ điểm"])
    bands.append(["", 5])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _uploads(s):
    """(url name, args, POST data, file name, content) of every upload screen, each with faults."""
    return [
        ("org_roster:upload", [], {"agency": s.agency_a.pk}, "r.csv", ROSTER.encode()),
        ("learning_studysession:import", [s.session.pk], {}, "a.csv", ATTENDANCE.encode()),
        ("quizzes_admin:import", [], {"quiz": s.quiz.pk, "format": ""}, "q.gift", GIFT.encode()),
        ("quizzes_admin:import", [], {"quiz": s.quiz.pk, "format": ""}, "q.xml", MOODLE.encode()),
        ("quizzes_admin:paper", [], {"quiz": s.quiz.pk}, "p.csv", PAPER.encode()),
        ("scoring_import", [], {"agency": s.agency_a.pk, "year": 2024, "dry_run": ""}, "t.xlsx", _scoring_book()),
        ("learning_campaign:upload", [], {"agency": s.agency_a.pk}, "k.yaml", CAMPAIGN.encode()),
    ]


def test_every_import_lists_its_problems_in_vietnamese(client):
    s = scenario.build()
    client.force_login(s.users["hr_a"])
    for url_name, args, data, name, content in _uploads(s):
        response = client.post(reverse(url_name, args=args),
                               {**data, "action": "preview", "file": SimpleUploadedFile(name, content)})
        page = response.content.decode()
        assert response.status_code == 200, (url_name, name, response.status_code)
        assert "dòng" in page, (url_name, name)  # the problems are listed, with their rows or lines
        assert english_on(page) == [], (url_name, name, english_on(page))
        assert "--create-units" not in page, url_name
    # The unknown unit points at the form's checkbox instead of a flag.
    page = client.post(reverse("org_roster:upload"), {"agency": s.agency_a.pk, "action": "preview",
                                                      "file": SimpleUploadedFile("r.csv", ROSTER.encode())})
    assert "đánh dấu ô “Tạo các đơn vị chưa có trong hệ thống”" in page.content.decode()


def test_the_command_prints_the_contract_english(tmp_path):
    s = scenario.build()
    path = tmp_path / "r.csv"
    path.write_text(ROSTER, encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="import refused: 6 problem"):
        call_command("import_roster", str(path), "--agency", s.agency_a.code, stderr=err)
    assert err.getvalue().splitlines() == [
        'row 2, column "Mã cán bộ": employee code "NV 1" must not contain spaces',
        'row 2, column "Họ và tên": a value is required',
        'row 2, column "Email": "abc@" is not a valid email address',
        f'row 2, column "Đơn vị": "Phòng Ma" is not a unit of {s.agency_a.name} (use a unit name or code, or --create-units)',
        'row 2, column "Loại": "Bác sĩ" is not a staff category: use Cán bộ, Công chức, Viên chức, Người lao động '
        "(or can_bo, cong_chuc, vien_chuc, nguoi_lao_dong)",
        'row 2, column "Ngày vào cơ quan": "31/02/2024" is not a real date',
    ]
