"""The annual report laid out as Nghị định 30/2020/NĐ-CP, once as PDF (reportlab, core.pdf) and
once as .docx (python-docx, Times New Roman) for the office to finish in Word. Both take the
composed `content` (reports.services.annual_report) and nothing else, so they say the same."""

from __future__ import annotations

import datetime as dt
import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from core.exporters import Exporter, Rendered, Scope, register
from core.pdf import (
    QUOC_HIEU,
    TIEU_NGU,
    PdfDocument,
    closing_block,
    national_header,
    recipient_lines,
    styles,
    vn_date_line,
)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def number_text(content: dict) -> str:
    """'45/BC-SCT', or the blank the office fills in by hand: '      /BC-SCT'."""
    return content.get("number") or f"      /BC-{content['agency_code']}"


def date_line(content: dict) -> str:
    return vn_date_line(content["place"], dt.date.fromisoformat(content["date"]))


# --- PDF ----------------------------------------------------------------------------------------------


def block_table(block: dict, s: dict) -> list:
    """A figure table of the composed content as flowables: header row repeated on each page,
    sub-units indented under their unit, bold rows, the note under it."""
    header = [Paragraph(escape(h), s["cell_head"]) for h in block["columns"]]
    data = [header]
    bold = set(block.get("bold_rows", []))
    for index, row in enumerate(block["rows"]):
        level = block["levels"][index] if index < len(block.get("levels", [])) else 0
        cells = []
        for column, value in enumerate(row):
            style = s["cell_center"] if block["align"][column] == "c" else s["cell"]
            if column == 1 and level:
                style = style.clone(f"indent{level}", leftIndent=4 * mm * level)
            text = escape(str(value)).replace("\n", "<br/>")
            cells.append(Paragraph(f"<b>{text}</b>" if index in bold else text, style))
        data.append(cells)
    table = Table(data, colWidths=[w * mm for w in block["widths"]], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    out = [Spacer(1, 1 * mm), table] if block["rows"] else []
    if block.get("note"):
        out.append(Paragraph(f"<i>{escape(block['note'])}</i>", s["small"].clone("note", spaceBefore=2)))
    return [*out, Spacer(1, 3 * mm)]


class AnnualReportPdf(PdfDocument):
    def __init__(self, content: dict):
        self.c = content
        self.s = styles()
        self.title = f"Báo cáo {content['subject']}"

    def _table(self, block: dict) -> list:
        return block_table(block, self.s)

    def story(self) -> list:
        c, s = self.c, self.s
        story = [national_header(s, governing_body=c["governing_body"], agency_name=c["agency_full_name"],
                                 number=number_text(c), place=c["place"], date=dt.date.fromisoformat(c["date"]))]
        story += [Spacer(1, 8 * mm), Paragraph("BÁO CÁO", s["title"]),
                  Paragraph(f"<b>{escape(c['subject'])}</b>", s["center_bold"]),
                  Paragraph("_" * 14, s["center"].clone("rule", leading=8)), Spacer(1, 5 * mm),
                  Paragraph(escape(c["opening"]), s["body"])]
        for block in c["blocks"]:
            kind = block["type"]
            if kind == "heading":
                story.append(Paragraph(escape(block["text"]), s["heading"]))
            elif kind == "paragraph":
                story.append(Paragraph(escape(block["text"]), s["body"]))
            elif kind == "bullets":
                story += [Paragraph(escape(f"- {line}"), s["body"]) for line in block["lines"]]
            elif kind == "table":
                story += self._table(block)
        story += [Spacer(1, 6 * mm), KeepTogether([closing_block(
            s, recipients=c["recipients"], archive=c["archive"], signer_title="\n".join(c["signer_title"]),
            signer_name=c["signer_name"])])]
        return story


def render_pdf(content: dict) -> bytes:
    return AnnualReportPdf(content).render()


# --- .docx --------------------------------------------------------------------------------------------

FONT = "Times New Roman"


def _font(run, size: float, *, bold=False, italic=False, underline=False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _para(container, text: str, size: float = 14, *, align="left", bold=False, italic=False, underline=False,
          indent_first=False, space_after: float = 0, left_indent_mm: float = 0):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    paragraph = container.add_paragraph()
    paragraph.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                           "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(space_after)
    if indent_first:
        fmt.first_line_indent = Mm(10)
    if left_indent_mm:
        fmt.left_indent = Mm(left_indent_mm)
    if text:
        _font(paragraph.add_run(text), size, bold=bold, italic=italic, underline=underline)
    return paragraph


def _cell_text(cell, text: str, size: float, *, align="left", bold=False, italic=False, underline=False,
               left_indent_mm: float = 0):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    # a new cell holds one empty paragraph: the first line goes there, not below a blank
    first = cell.paragraphs[0]
    paragraph = first if len(cell.paragraphs) == 1 and not first.runs and not first.text else cell.add_paragraph()
    paragraph.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER}[align]
    paragraph.paragraph_format.space_after = Pt(0)
    if left_indent_mm:
        paragraph.paragraph_format.left_indent = Mm(left_indent_mm)
    if text:
        _font(paragraph.add_run(text), size, bold=bold, italic=italic, underline=underline)
    return paragraph


def _no_borders(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _shade(cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _widths(table, widths_mm: list[float]) -> None:
    """Fixed column widths, written where Word and LibreOffice each read them (the grid, the
    table's total and every cell); without the grid LibreOffice shares the width out evenly."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=False):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(width)
    properties = table._tbl.tblPr
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(int(sum(widths_mm) / 25.4 * 1440)))
    total.set(qn("w:type"), "dxa")
    for old in properties.findall(qn("w:tblW")):
        properties.remove(old)
    properties.append(total)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)


def _page_numbers(section) -> None:
    """Page numbers from page 2, top centre (the first page has its own, empty, header)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    _font(run, 13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def render_docx(content: dict) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    c = content
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    _page_numbers(section)

    header = document.add_table(rows=1, cols=2)
    _no_borders(header)
    _widths(header, [62, 103])
    left, right = header.rows[0].cells
    _cell_text(left, (c["governing_body"] or "").upper(), 13, align="center")
    _cell_text(left, c["agency_name"], 13, align="center", bold=True)
    _cell_text(left, "_" * 8, 8, align="center")
    _cell_text(left, f"Số: {number_text(c)}", 13, align="center")
    _cell_text(right, QUOC_HIEU, 13, align="center", bold=True)
    _cell_text(right, TIEU_NGU, 14, align="center", bold=True, underline=True)
    _cell_text(right, "", 8, align="center")
    _cell_text(right, date_line(c), 14, align="center", italic=True)

    _para(document, "", 14)
    _para(document, "BÁO CÁO", 14, align="center", bold=True)
    _para(document, c["subject"], 14, align="center", bold=True)
    _para(document, "_" * 14, 10, align="center", space_after=6)
    _para(document, c["opening"], 14, align="justify", indent_first=True, space_after=6)
    for block in c["blocks"]:
        kind = block["type"]
        if kind == "heading":
            _para(document, block["text"], 14, bold=True, space_after=3, align="justify")
        elif kind == "paragraph":
            _para(document, block["text"], 14, align="justify", indent_first=True, space_after=6)
        elif kind == "bullets":
            for line in block["lines"]:
                _para(document, f"- {line}", 14, align="justify", indent_first=True, space_after=3)
        elif kind == "table":
            _docx_table(document, block)

    _para(document, "", 14)
    closing = document.add_table(rows=1, cols=2)
    _no_borders(closing)
    _widths(closing, [85, 80])
    left, right = closing.rows[0].cells
    _cell_text(left, "Nơi nhận:", 12, bold=True, italic=True)
    for line in recipient_lines(c["recipients"], c["archive"]):
        _cell_text(left, line, 11)
    for line in c["signer_title"]:
        _cell_text(right, line, 14, align="center", bold=True)
    for _ in range(4):
        _cell_text(right, "", 14, align="center")
    if c["signer_name"]:
        _cell_text(right, c["signer_name"], 14, align="center", bold=True)
    buffer = io.BytesIO()
    document.core_properties.title = f"Báo cáo {c['subject']}"
    document.core_properties.author = ""
    document.save(buffer)
    return buffer.getvalue()


def _docx_table(document, block: dict) -> None:
    if block["rows"]:
        table = document.add_table(rows=1 + len(block["rows"]), cols=len(block["columns"]))
        table.style = "Table Grid"
        for index, title in enumerate(block["columns"]):
            cell = table.rows[0].cells[index]
            _cell_text(cell, title, 11, align="center", bold=True)
            _shade(cell, "EEEEEE")
        bold = set(block.get("bold_rows", []))
        for r, row in enumerate(block["rows"]):
            level = block["levels"][r] if r < len(block.get("levels", [])) else 0
            for index, value in enumerate(row):
                align = "center" if block["align"][index] == "c" else "left"
                _cell_text(table.rows[r + 1].cells[index], str(value), 11, align=align, bold=r in bold,
                           left_indent_mm=4 * level if index == 1 else 0)
        _widths(table, block["widths"])
        _repeat_header(table)
    if block.get("note"):
        _para(document, block["note"], 12, italic=True)
    _para(document, "", 6)


def _repeat_header(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = table.rows[0]._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


# --- exporters (the evidence pack includes them by identifier) -------------------------------------


@register
class AnnualReportPdfExporter(Exporter):
    identifier = "annual-report-pdf"
    scope = Scope.CAMPAIGN
    format = "pdf"
    family = "annual-report"
    hr_only = True
    verbose_name = "Báo cáo kết quả (PDF)"

    def render(self, *, campaign, as_of=None, compose=None, **kwargs) -> Rendered:
        from reports.services.annual_report import annual_report_compose  # the service renders with this module

        # `compose`: the evidence pack composes the content once for the PDF and the Word file.
        content = (compose or annual_report_compose)(campaign=campaign, as_of=as_of)
        return Rendered(f"bao-cao-ket-qua-{campaign.slug}.pdf", "application/pdf", render_pdf(content))


@register
class AnnualReportDocxExporter(Exporter):
    identifier = "annual-report-docx"
    scope = Scope.CAMPAIGN
    format = "docx"
    family = "annual-report"
    hr_only = True
    verbose_name = "Báo cáo kết quả (Word)"

    def render(self, *, campaign, as_of=None, compose=None, **kwargs) -> Rendered:
        from reports.services.annual_report import annual_report_compose  # the service renders with this module

        # `compose`: the evidence pack composes the content once for the PDF and the Word file.
        content = (compose or annual_report_compose)(campaign=campaign, as_of=as_of)
        return Rendered(f"bao-cao-ket-qua-{campaign.slug}.docx", DOCX, render_docx(content))
