"""PagedTable: the same pages as reportlab's Table with a repeated header, in work linear in the rows;
TextPagedTable: the same drawing as one Paragraph per cell, without a Paragraph per cell."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pypdf
import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core import pdf
from core.pdf import PagedTable, TextPagedTable, styles

WIDTHS = [12 * mm, 60 * mm, 40 * mm]
STYLE = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee")]


def _cells(n: int) -> tuple[list, list[list]]:
    st = styles()
    header = [Paragraph(h, st["cell_head"]) for h in ("STT", "Họ và tên", "Ký tên")]
    rows = [[Paragraph(str(i), st["cell"]), Paragraph(f"Nguyễn Thị Hồng {i}", st["cell"]), ""] for i in range(1, n + 1)]
    return header, rows


def _pages(table) -> list[str]:
    buffer = io.BytesIO()
    st = styles()
    SimpleDocTemplate(buffer).build([Paragraph("DANH SÁCH", st["title"]), Spacer(1, 60 * mm), table,
                                     Paragraph("Danh sách kết thúc.", st["plain"])])
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(buffer.getvalue())).pages]


def test_paged_table_lays_out_like_a_table_with_repeated_header():
    header, rows = _cells(130)
    reference = Table([header, *rows], colWidths=WIDTHS, repeatRows=1, rowHeights=[None] + [10 * mm] * len(rows))
    reference.setStyle(TableStyle(STYLE))
    expected = _pages(reference)

    header, rows = _cells(130)
    pages = _pages(PagedTable(header, rows, col_widths=WIDTHS, row_height=10 * mm, style=STYLE))

    assert pages == expected and len(pages) >= 5
    assert all("Họ và tên" in page for page in pages)  # the header on every page
    text = "\n".join(pages)
    positions = [text.index(f"Nguyễn Thị Hồng {i}\n") for i in range(1, 131)]
    assert positions == sorted(positions)  # every row, once, in order
    assert "Danh sách kết thúc." in pages[-1]


def test_paged_table_builds_each_row_about_once(monkeypatch):
    """reportlab's Table re-builds all remaining rows at every page break (quadratic at 3,000+ names)."""
    built = []

    class CountingTable(Table):
        def __init__(self, data, *args, **kwargs):
            built.append(len(data))
            super().__init__(data, *args, **kwargs)

    monkeypatch.setattr(pdf, "Table", CountingTable)
    header, rows = _cells(600)
    pages = _pages(PagedTable(header, rows, col_widths=WIDTHS, row_height=10 * mm, style=STYLE))

    assert len(pages) > 20
    assert sum(built) <= len(rows) + 2 * len(pages) + 2  # each row once, plus a header per table


def test_one_place_name_and_agency_name_for_every_document():
    from core.pdf import governing_recipient, issuing_agency_name, place_name

    assert place_name("UBND TỈNH TÂY NINH") == "Tây Ninh"
    assert place_name("UBND TP HỒ CHÍ MINH") == "Hồ Chí Minh"
    assert place_name("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI") == "Hà Nội"
    assert place_name("") == ""
    assert issuing_agency_name("Sở Công Thương Tây Ninh", "UBND TỈNH TÂY NINH") == "SỞ CÔNG THƯƠNG"
    assert issuing_agency_name("Sở Y tế", "UBND TỈNH TÂY NINH") == "SỞ Y TẾ"
    assert governing_recipient("UBND TỈNH TÂY NINH") == "UBND tỉnh Tây Ninh"


def _words(content: bytes, tmp_path) -> list[tuple[str, float, float]]:
    """Each word drawn and where (pdftotext -bbox), in drawing order."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "table.pdf"
    path.write_bytes(content)
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True, text=True).stdout
    return [(word, round(float(x), 2), round(float(y), 2))
            for x, y, word in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<', out)]


def _document(table) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([Paragraph("DANH SÁCH", styles()["title"]), Spacer(1, 60 * mm), table,
                                     Paragraph("Danh sách kết thúc.", styles()["plain"])])
    return buffer.getvalue()


def test_text_paged_table_draws_what_a_table_of_paragraphs_draws(tmp_path):
    """Same words at the same places as one Paragraph per cell: centred numbers, names wrapped inside
    their cell, a line whose spaces Paragraph squeezes to keep its last word, rows grown to fit."""
    st = styles()
    columns = [st["cell_center"], st["cell"], st["cell_center"]]
    texts = [(str(i), f"Nguyễn Thị Hồng {i}" + (" Phòng Kế hoạch – Tài chính và Tổng hợp" * (i % 4 == 0)),
              "Có mặt" if i % 3 else "") for i in range(1, 131)]
    texts[6] = ("7", "Nguyễn Thị Hồng Nguyễn Thị Hồng Nguyễn Nguyễn Nguyễn", "Vắng có lý do")  # squeezed
    header = [Paragraph(h, st["cell_head"]) for h in ("STT", "Họ và tên", "Ký tên")]
    paragraphs = [[Paragraph(text, style) for text, style in zip(row, columns, strict=True)] for row in texts]
    style = [*STYLE, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 3),
             ("RIGHTPADDING", (0, 0), (-1, -1), 3)]  # what TextPagedTable draws
    reference = PagedTable(header, paragraphs, col_widths=WIDTHS, row_height=10 * mm, style=style, grow=True)

    fast = TextPagedTable(header, texts, column_styles=columns, col_widths=WIDTHS, row_height=10 * mm,
                          style=style, grow=True)

    expected = _words(_document(reference), tmp_path)
    assert _words(_document(fast), tmp_path) == expected
    assert sum(1 for word in expected if word[0] == "Tổng") == 32  # the long cells are there, wrapped
