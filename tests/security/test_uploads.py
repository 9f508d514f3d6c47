"""Uploads: limited in size and type, parsed safely (learning/tables.py is the shared reader).

Zip bombs and too many rows are refused before they exhaust memory, formulas are never evaluated,
XML entities (billion laughs) are refused both by our early check and by defusedxml inside
openpyxl, and every upload screen refuses an oversized or wrongly typed file without writing."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from openpyxl import Workbook

from core import tables
from core.errors import ImportRefused
from core.tables import Column, read_rows, read_table

COLUMNS = [Column("employee_code", "Mã cán bộ", required=True), Column("full_name", "Họ và tên")]

# The shared reader's refusals in English, as the commands print them (the web shows Vietnamese).
pytestmark = pytest.mark.usefixtures("english")


def workbook_bytes(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_part(data: bytes, name: str, content: bytes, compress=zipfile.ZIP_DEFLATED) -> bytes:
    """The workbook `data` with the part `name` replaced by `content`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compress) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info.filename))
    return out.getvalue()


SHEET = "xl/worksheets/sheet1.xml"


def refused(data, filename="x.xlsx") -> str:
    with pytest.raises(ImportRefused) as caught:
        read_rows(data, filename)
    return str(caught.value.problems[0])


def test_a_plain_workbook_reads():
    rows = read_rows(workbook_bytes([["Mã cán bộ"], ["NV1"]]), "a.xlsx")
    assert [r[0] for r in rows] == ["Mã cán bộ", "NV1"]


def test_zip_bomb_is_refused_fast_and_small(monkeypatch):
    # 60 MB of one repeated row: a few hundred kB compressed (ratio ≈ 500:1).
    row = b'<row><c t="inlineStr"><is><t>A</t></is></c></row>'
    bomb_sheet = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + (
        row * (60 * 1024 * 1024 // len(row))) + b"</sheetData></worksheet>"
    bomb = with_part(workbook_bytes([["x"]]), SHEET, bomb_sheet)
    del bomb_sheet
    assert len(bomb) < 1024 * 1024

    def never(*args, **kwargs):
        raise AssertionError("openpyxl must not open a zip bomb")

    monkeypatch.setattr("openpyxl.load_workbook", never)
    tracemalloc.start()
    started = time.perf_counter()
    message = refused(bomb)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "zip bomb" in message
    assert elapsed < 1.0
    assert peak < 5 * 1024 * 1024  # nothing was inflated


def test_unpacked_size_limit(monkeypatch):
    monkeypatch.setattr(tables, "MAX_XLSX_UNPACKED_BYTES", 10_000)
    data = workbook_bytes([["Mã cán bộ"], *[[f"NV{i:05d}"] for i in range(2000)]])
    assert "would unpack" in refused(data)


def test_too_many_parts(monkeypatch):
    monkeypatch.setattr(tables, "MAX_XLSX_PARTS", 5)
    assert "too many parts" in refused(workbook_bytes([["x"]]))


def test_too_many_rows_is_refused(monkeypatch):
    monkeypatch.setattr(tables, "MAX_ROWS", 100)
    data = workbook_bytes([["Mã cán bộ"], *[[f"NV{i}"] for i in range(150)]])
    assert "more than 100 rows" in refused(data)
    csv_data = ("Mã cán bộ\n" + "".join(f"NV{i}\n" for i in range(150))).encode()
    assert "more than 100 rows" in refused(csv_data, "a.csv")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"""


def test_billion_laughs_is_refused_early():
    data = with_part(workbook_bytes([["x"]]), SHEET, BILLION_LAUGHS)
    assert "DTD or entities" in refused(data)


def test_billion_laughs_is_refused_by_defusedxml_too(monkeypatch):
    """Without our early check, openpyxl's parser (defusedxml, a requirement) still refuses it."""
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML, "defusedxml must be installed (requirements.txt) for openpyxl to parse safely"
    monkeypatch.setattr(tables, "_check_xlsx_container", lambda data: None)
    data = with_part(workbook_bytes([["x"]]), SHEET, BILLION_LAUGHS)
    started = time.perf_counter()
    assert "not a readable .xlsx" in refused(data)
    assert time.perf_counter() - started < 2


def test_formulas_are_never_evaluated():
    data = workbook_bytes([["Mã cán bộ", "Họ và tên"], ["NV1", '=HYPERLINK("http://evil.example","x")'],
                           ["NV2", "=1+1"]])
    table = read_table(data, COLUMNS, filename="a.xlsx")
    # data_only: the cached value (none, as nothing computed it), never the formula nor its result
    assert [row.get("full_name") for row in table.rows] == [None, None]


def test_type_is_sniffed_not_trusted():
    assert "not an Excel workbook" in refused(b"%PDF-1.4 not a sheet", "roster.xlsx")
    assert "unsupported file type" in refused(b"MZ\x90\x00", "roster.exe")
    assert "not UTF-8" in refused(b"\xff\xfe\x00b\x00a\x00d", "a.csv")
    assert "not a readable CSV" in refused("Mã cán bộ\n" .encode() + b"x" * 200_000 + b"\n", "a.csv")


@override_settings(IMPORT_MAX_UPLOAD_BYTES=1000)
def test_uploaded_content_is_limited_in_size():
    big = ("Mã cán bộ\n" + "NV00001\n" * 200).encode()
    assert "larger than" in refused(big, "a.csv")
    assert "larger than" in refused(io.BytesIO(big), "a.csv")
    # A path given to a management command by the operator is not an upload.


# --- every upload screen ------------------------------------------------------------------------


def _hr_client(client):
    from tests.security import scenario

    s = scenario.build()
    client.force_login(s.users["hr_a"])
    return s


def _screens(s):
    """(url name, args, extra POST data) of every upload screen."""
    return [
        ("org_roster:upload", [], {"agency": s.agency_a.pk}),
        ("learning_studysession:import", [s.session.pk], {}),
        ("quizzes_admin:import", [], {"quiz": s.quiz.pk, "format": ""}),
        ("quizzes_admin:paper", [], {"quiz": s.quiz.pk}),
        ("scoring_import", [], {"agency": s.agency_a.pk, "year": 2024, "dry_run": ""}),
        ("learning_campaign:upload", [], {"agency": s.agency_a.pk}),
    ]


def _state():
    from learning.models import Campaign
    from org.models import AuditLog, Employee
    from quizzes.models import Attempt, Question
    from reports.models import ScoringCriterion

    return [m.objects.count() for m in (AuditLog, Campaign, Employee, ScoringCriterion, Attempt, Question)]


@pytest.mark.django_db
@pytest.mark.parametrize("name,content", [
    ("big.xlsx", b"PK\x03\x04" + b"\0" * 3000),      # over the limit
    ("big.csv", b"ma can bo\n" + b"NV1\n" * 800),      # over the limit
    ("evil.exe", b"MZ\x90\x00"),                        # not a spreadsheet (nor YAML/GIFT)
    ("fake.xlsx", b"%PDF-1.4 " + b"x" * 100),           # named .xlsx, is not one
])
def test_every_upload_screen_refuses_and_writes_nothing(client, settings, name, content):
    settings.IMPORT_MAX_UPLOAD_BYTES = 2000
    s = _hr_client(client)
    before = _state()
    for url_name, args, data in _screens(s):
        if url_name == "learning_campaign:upload" and name.endswith(".csv"):
            continue  # the YAML screen has its own, smaller limit (MAX_YAML_BYTES) tested below
        upload = SimpleUploadedFile(name, content)
        response = client.post(reverse(url_name, args=args), {**data, "file": upload})
        assert response.status_code in (200, 302), (url_name, response.status_code)
        if response.status_code == 302:  # a preview step would redirect; nothing may be pending
            assert "xem-truoc" not in response["Location"], url_name
        assert _state() == before, url_name


@pytest.mark.django_db
def test_campaign_yaml_alias_bomb_is_refused_quickly(client):
    """YAML aliases can make a small file a huge tree (the YAML 'billion laughs')."""
    s = _hr_client(client)
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    text = "\n".join(lines) + "\nslug: bomb\ntitle: *a8\n"
    started = time.perf_counter()
    response = client.post(reverse("learning_campaign:upload"),
                           {"agency": s.agency_a.pk, "file": SimpleUploadedFile("k.yaml", text.encode())})
    assert time.perf_counter() - started < 5
    assert response.status_code == 200
    assert "bí danh YAML" in response.content.decode()
    from learning.models import Campaign

    assert not Campaign.objects.filter(slug="bomb").exists()
