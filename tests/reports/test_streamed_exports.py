"""The CSV exports are streamed (issue 17 item 3) and byte for byte what they were when they were
built whole in memory; the xlsx and the PDF report are computed slice by slice of people too (their
summaries added up); the evidence pack renders its attendance lists in worker processes and holds
exactly what one process renders."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pandas as pd
import pytest
import time_machine
from django.core.management import call_command
from django.http import StreamingHttpResponse
from reportlab import rl_config

from core.demo import demo_seed
from core.downloads import download_response
from core.exporters import Rendered
from core.spreadsheets import with_bom
from learning.models import Campaign
from learning.selectors.compliance import compliance_table, compliance_table_slices
from learning.selectors.summaries import REPORT_GROUPINGS, TableFigures, group_summary, rolled_up, summary
from org.models import Employee, OrgUnit
from reports.exporters import compliance as exporter
from reports.exporters import compliance_pdf, compliance_xlsx
from reports.services.evidence_pack import evidence_pack_build

pytestmark = pytest.mark.django_db
AS_OF = dt.date(2024, 12, 31)


def old_csv_bytes(table) -> bytes:
    """The CONTRACT CSV as it was written before streaming: the whole frame in one to_csv."""
    buffer = io.StringIO()
    exporter.csv_frame(table).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def old_vietnamese_csv_bytes(table) -> bytes:
    buffer = io.StringIO()
    exporter._vietnamese_frame(table).to_csv(buffer, index=False, lineterminator="\r\n")
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


@pytest.fixture
def world():
    """The demo's content and campaign with 80 synthetic staff and their evidence, plus names that
    need quoting or neutralising (commas, quotes, a formula, a line break)."""
    demo_seed(employees=80, seed=5, say=lambda line: None)
    awkward = ['Trần, Văn "Bình"', "=HYPERLINK(\"x\")", "Lê\nThị Hoa", "+84 Nguyễn", "-Ánh"]
    for person, name in zip(Employee.objects.order_by("employee_code")[:len(awkward)], awkward, strict=True):
        person.full_name = name
        person.save(update_fields=["full_name"])
    return Campaign.objects.get(slug="dan-van-2024")


def test_streamed_csv_is_byte_identical_to_the_whole_file(world, monkeypatch, tmp_path):
    table = compliance_table(campaign=world, as_of=AS_OF)
    assert len(table) > 1000
    expected = old_csv_bytes(table)
    for rows in (1, 7, 1000, len(table), len(table) + 1):
        chunks = list(exporter.csv_chunks(table, chunk_rows=rows))
        assert len(chunks) == max(1, -(-len(table) // rows))
        assert b"".join(chunks) == expected
        assert b"".join(exporter.vietnamese_csv_chunks(table, chunk_rows=rows)) == old_vietnamese_csv_bytes(table)
    assert b"".join(exporter.csv_chunks(table.iloc[:0])) == old_csv_bytes(table.iloc[:0])  # the header alone

    # The command writes chunk by chunk: the same bytes, and the size it prints is the file's.
    monkeypatch.setattr(exporter, "CSV_CHUNK_ROWS", 997)
    out, stdout = tmp_path / "report.csv", io.StringIO()
    call_command("compliance_report", "--campaign", world.slug, "--format", "csv", "--out", str(out),
                 "--as-of", AS_OF.isoformat(), stdout=stdout)
    assert out.read_bytes() == expected
    assert f"({len(expected)} bytes)" in stdout.getvalue()


def test_csv_computed_slice_by_slice_is_the_table_and_its_file(world, monkeypatch):
    """Without a table the CSV exporters compute the rows one slice of people at a time (the whole
    table of 100,000 staff is never in memory): the slices are the table, the files the same bytes."""
    table = compliance_table(campaign=world, as_of=AS_OF)
    per_person = len(table) // table["employee_id"].nunique()
    for rows in (1, per_person * 3 + 1, 1000, len(table) + 1):
        slices = list(compliance_table_slices(campaign=world, as_of=AS_OF, rows=rows))
        assert len(slices) == -(-len(table) // (max(1, rows // per_person) * per_person))
        assert all(len(part) % per_person == 0 for part in slices)  # whole people only
        pd.testing.assert_frame_equal(pd.concat(slices, ignore_index=True), table, check_exact=True)
    unit = table["unit_id"].value_counts().index[0]
    scoped = compliance_table_slices(campaign=world, as_of=AS_OF, unit=OrgUnit.objects.get(pk=unit), rows=100)
    assert len(pd.concat(list(scoped))) == len(compliance_table(campaign=world, as_of=AS_OF,
                                                                unit=OrgUnit.objects.get(pk=unit)))

    monkeypatch.setattr(exporter, "CSV_CHUNK_ROWS", 500)
    rendered = exporter.ComplianceCsv().render(campaign=world, as_of=AS_OF)
    assert len(list(rendered.iter_chunks())) > 1
    assert rendered.content == rendered.content == old_csv_bytes(table)  # iterable again, same bytes
    vietnamese = exporter.ComplianceCsvVietnamese().render(campaign=world, as_of=AS_OF)
    assert vietnamese.content == old_vietnamese_csv_bytes(table)
    # No rows (a day before the campaign's audience existed): the header alone, like the whole table's.
    empty = compliance_table(campaign=world, as_of=dt.date(1990, 1, 1))
    assert empty.empty
    assert exporter.ComplianceCsv().render(campaign=world, as_of=dt.date(1990, 1, 1)).content == old_csv_bytes(empty)


def test_web_download_streams_with_the_byte_order_mark(world):
    table = compliance_table(campaign=world, as_of=AS_OF)
    rendered = exporter.ComplianceCsv().render(campaign=world, as_of=AS_OF, table=table)
    assert rendered.streamed
    response = download_response(rendered, bom=True)
    assert isinstance(response, StreamingHttpResponse)
    assert b"".join(response.streaming_content) == with_bom(old_csv_bytes(table), "text/csv")
    assert response["Content-Disposition"] == f'attachment; filename="{rendered.filename}"'
    # Already marked (the Vietnamese CSV): no second mark; a whole file stays an ordinary response.
    vietnamese = exporter.ComplianceCsvVietnamese().render(campaign=world, as_of=AS_OF, table=table)
    assert b"".join(download_response(vietnamese, bom=True).streaming_content) == old_vietnamese_csv_bytes(table)
    assert download_response(Rendered("a.pdf", "application/pdf", b"%PDF-")).content == b"%PDF-"
    assert b"".join(download_response(Rendered("e.csv", "text/csv", chunks=lambda: iter(())),
                                      bom=True).streaming_content) == b"\xef\xbb\xbf"


def _pack_files(path) -> dict[str, bytes | dict]:
    """Each file of a pack; a workbook as its parts but the time it was saved (openpyxl stamps it)."""
    with zipfile.ZipFile(path) as pack:
        return {name: _members(pack.read(name)) if name.endswith(".xlsx") else pack.read(name)
                for name in pack.namelist()}


def _members(workbook: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(workbook)) as parts:
        return {name: parts.read(name) for name in parts.namelist() if name != "docProps/core.xml"}


def test_pack_rendered_in_worker_processes_holds_the_same_files(world, settings, tmp_path, monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)  # no creation time or random id in the PDFs
    with time_machine.travel(dt.datetime(2025, 1, 6, 3, 0, tzinfo=dt.UTC), tick=False):  # the xlsx title rows
        settings.RENDER_WORKERS = 0
        one = evidence_pack_build(campaign=world, out=tmp_path / "one.zip", as_of=AS_OF)
        settings.RENDER_WORKERS = 2
        two = evidence_pack_build(campaign=world, out=tmp_path / "two.zip", as_of=AS_OF)
    sheets = [f.path for f in one.files if f.path.startswith("2-diem-danh/")]
    assert len(sheets) >= 3  # several attendance lists went through the pool
    assert [f.path for f in one.files] == [f.path for f in two.files]
    first, second = _pack_files(one.path), _pack_files(two.path)
    pdfs = [name for name in first if name.endswith(".pdf")]
    assert {name: first[name] for name in pdfs} == {name: second[name] for name in pdfs}  # byte for byte
    first.pop("manifest.json"), second.pop("manifest.json")  # differs by the workbooks' checksums only
    assert first == second
    table = compliance_table(campaign=world, as_of=AS_OF)
    [csv_name] = [name for name in first if name.endswith(".csv")]
    assert first[csv_name] == old_csv_bytes(table)  # the streamed CSV, written into the ZIP chunk by chunk
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # scratch files removed


def test_figures_added_up_slice_by_slice_are_the_whole_tables(world):
    """The xlsx and PDF summaries come from each slice's figures added up (issue 17 item 3: no
    export holds the whole table): whatever the slices, the same figures, groups in the same order,
    the same floats as `group_summary` of the whole table."""
    table = compliance_table(campaign=world, as_of=AS_OF)
    whole = table.assign(top_path=table["unit_path"].str.slice(0, OrgUnit.steplen * 2))
    groupings = (*REPORT_GROUPINGS, ("unit_id", "requirement"))
    per_person = len(table) // table["employee_id"].nunique()
    departments = group_summary(rolled_up(table, depth=2), ["unit_id", "unit"])
    assert len(departments) > 1
    for rows in (1, per_person * 3 + 1, 1000, len(table) + 1):
        figures = TableFigures.of(compliance_table_slices(campaign=world, as_of=AS_OF, rows=rows), *groupings)
        assert figures.overall == summary(table)
        for keys in groupings:
            pd.testing.assert_frame_equal(figures.group(*keys), group_summary(whole, list(keys)), check_exact=True)
        pd.testing.assert_frame_equal(figures.departments(), departments, check_exact=True)
        assert figures.requirements() == list(dict.fromkeys(table["requirement"]))
    empty = TableFigures.of(compliance_table_slices(campaign=world, as_of=dt.date(1990, 1, 1)), *groupings)
    assert empty.empty and empty.overall == summary(table.iloc[:0]) and empty.departments().empty
    pd.testing.assert_frame_equal(empty.group("unit_id", "unit"), group_summary(table.iloc[:0], ["unit_id", "unit"]))


def test_xlsx_and_pdf_streamed_slice_by_slice_are_the_same_files(world, monkeypatch):
    """The workbook's detail is written slice after slice (sheets split at Excel's row limit across
    slices) and its summary sheet, first, last; the PDF report from figures added up: the same
    files whatever the slices, and from a table already computed."""
    monkeypatch.setattr(rl_config, "invariant", 1)  # no creation time or random id in the PDFs
    monkeypatch.setattr(compliance_xlsx, "MAX_SHEET_ROWS", 500)
    monkeypatch.setattr(compliance_pdf, "MAX_CHART_BARS", 3)  # the departments' chart and figures
    table = compliance_table(campaign=world, as_of=AS_OF)
    assert len(table) > 1000

    def files(**kw) -> tuple[dict, bytes]:
        xlsx = exporter.ComplianceXlsx().render(campaign=world, as_of=AS_OF, **kw)
        return _members(xlsx.content), exporter.CompliancePdf().render(campaign=world, as_of=AS_OF, **kw).content

    with time_machine.travel(dt.datetime(2025, 1, 6, 3, 0, tzinfo=dt.UTC), tick=False):
        monkeypatch.setattr(exporter, "REPORT_SLICE_ROWS", len(table) + 1)
        whole = files()  # one slice
        for rows in (1, 97, 1000):
            monkeypatch.setattr(exporter, "REPORT_SLICE_ROWS", rows)
            assert files() == whole
            assert files(table=table) == whole
    sheets = [name for name in whole[0] if name.startswith("xl/worksheets/")]
    assert len(sheets) == 1 + -(-len(table) // 500)  # "Tổng hợp", then the detail over several sheets
