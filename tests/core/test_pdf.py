"""PagedTable: the same pages as reportlab's Table with a repeated header, in work linear in the rows."""

from __future__ import annotations

import io

import pypdf
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core import pdf
from core.pdf import PagedTable, styles

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
