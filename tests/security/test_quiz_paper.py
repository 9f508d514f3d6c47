"""H1 (issue 13): HR of agency B recorded paper quiz results for agency A's staff.

`quizzes/services/paper.py` looked staff up by code in every agency: B's HR uploading
`SCT0021,10,01/12/2026` made A's SCT0021 pass (evidence, certificate), and the preview showed A's
names for any code typed in. Now codes are looked up in the acting HR's agency only, and a foreign
code gets exactly the refusal of a code that exists nowhere.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.errors import ImportRefused, PermissionDenied
from core.tables import read_table
from org import roles
from quizzes.models import Attempt
from quizzes.services.paper import COLUMNS, paper_results_import
from tests.factories import EmployeeFactory, give_role, make_agency
from tests.quizzes.factories import make_directive, make_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    agency_a = make_agency("SCT", "Sở Công Thương")
    agency_b = make_agency("SXD", "Sở Xây dựng")
    victim = EmployeeFactory(agency=agency_a, unit=agency_a, employee_code="SCT0021", full_name="Trần Thị Bí Mật")
    hr_b = EmployeeFactory(agency=agency_b, unit=agency_b, employee_code="SXD0001")
    give_role(hr_b.user, roles.HR)
    own = EmployeeFactory(agency=agency_b, unit=agency_b, employee_code="SXD0002", full_name="Lê Văn Nhà")
    quiz = make_quiz(slug="dan-van", directives=[make_directive("23-QĐ/TW")], pass_mark=50)
    return victim, hr_b, own, quiz


def _table(*codes: str):
    text = "Mã cán bộ,Điểm,Ngày làm bài\n" + "".join(f"{c},10,01/12/2025\n" for c in codes)
    return read_table(text.encode(), COLUMNS, filename="ketqua.csv")


def _messages(refused: ImportRefused) -> list[str]:
    return [f"{p.row}:{p.column}:{p.message}" for p in refused.problems]


def test_h1_hr_of_another_agency_cannot_record_results_of_foreign_staff(world, english):
    victim, hr_b, own, quiz = world
    with pytest.raises(ImportRefused) as foreign:
        paper_results_import(quiz=quiz, table=_table("SCT0021"), actor=hr_b.user)
    with pytest.raises(ImportRefused) as unknown:
        paper_results_import(quiz=quiz, table=_table("ZZZ0021"), actor=hr_b.user)
    assert not Attempt.objects.filter(employee=victim).exists()
    # the same words for a foreign code as for one that exists nowhere (only the code differs)
    assert _messages(foreign.value) == ['2:Mã cán bộ:unknown staff code "SCT0021"']
    assert _messages(unknown.value) == ['2:Mã cán bộ:unknown staff code "ZZZ0021"']
    # the agency's own staff are recorded as before
    result = paper_results_import(quiz=quiz, table=_table("SXD0002"), actor=hr_b.user)
    assert result.created == 1 and Attempt.objects.get(employee=own).passed


def test_h1_the_preview_is_no_oracle_for_foreign_names(client, world):
    victim, hr_b, own, quiz = world
    client.force_login(hr_b.user)
    upload = SimpleUploadedFile("ketqua.csv", "Mã cán bộ,Điểm,Ngày làm bài\nSCT0021,10,01/12/2025\n".encode())
    html = client.post(reverse("quizzes_admin:paper"), {"action": "preview", "quiz": quiz.pk, "file": upload}
                       ).content.decode()
    assert "Trần Thị Bí Mật" not in html and "không có mã cán bộ" in html
    assert not Attempt.objects.exists()


def test_h1_only_hr_records_results_and_the_command_line_sees_every_agency(world):
    victim, hr_b, own, quiz = world
    with pytest.raises(PermissionDenied):
        paper_results_import(quiz=quiz, table=_table("SXD0002"), actor=own.user)
    result = paper_results_import(quiz=quiz, table=_table("SCT0021", "SXD0002"), actor=None)
    assert result.created == 2
