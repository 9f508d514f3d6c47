"""PDF building blocks shared by every document (reports, sign-in sheets, certificates).

Fonts come from a pip dependency (matplotlib ships DejaVu Serif regular/bold/italic/bold-italic),
never from the system, so a fresh machine renders every Vietnamese diacritic. Documents follow
a template method (pretix invoice renderer): subclasses give the story, the base does the rest.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from functools import cache
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from core.signing import sign_pdf

SERIF = "DejaVuSerif"
SERIF_BOLD = "DejaVuSerif-Bold"
SERIF_ITALIC = "DejaVuSerif-Italic"
SERIF_BOLD_ITALIC = "DejaVuSerif-BoldItalic"


def font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@cache
def register_fonts() -> str:
    """Register the serif family once per process; returns the regular font name."""
    from reportlab.lib.fonts import addMapping

    folder = font_dir()
    for name in (SERIF, SERIF_BOLD, SERIF_ITALIC, SERIF_BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(folder / f"{name}.ttf")))
    addMapping(SERIF, 0, 0, SERIF)
    addMapping(SERIF, 1, 0, SERIF_BOLD)
    addMapping(SERIF, 0, 1, SERIF_ITALIC)
    addMapping(SERIF, 1, 1, SERIF_BOLD_ITALIC)
    return SERIF


def styles(base_size: float = 13) -> dict[str, ParagraphStyle]:
    """Paragraph styles of Nghị định 30/2020/NĐ-CP (sizes 11–14, serif)."""
    register_fonts()
    lead = base_size * 1.3
    return {
        "body": ParagraphStyle("body", fontName=SERIF, fontSize=base_size, leading=lead, alignment=TA_JUSTIFY,
                               firstLineIndent=10 * mm, spaceAfter=4),
        "plain": ParagraphStyle("plain", fontName=SERIF, fontSize=base_size, leading=lead, alignment=TA_LEFT),
        "small": ParagraphStyle("small", fontName=SERIF, fontSize=11, leading=13.5, alignment=TA_LEFT),
        "cell": ParagraphStyle("cell", fontName=SERIF, fontSize=10.5, leading=12.5, alignment=TA_LEFT),
        "cell_center": ParagraphStyle("cell_center", fontName=SERIF, fontSize=10.5, leading=12.5, alignment=TA_CENTER),
        "cell_head": ParagraphStyle("cell_head", fontName=SERIF_BOLD, fontSize=10.5, leading=12.5, alignment=TA_CENTER),
        "center": ParagraphStyle("center", fontName=SERIF, fontSize=base_size, leading=lead, alignment=TA_CENTER),
        "center_bold": ParagraphStyle("center_bold", fontName=SERIF_BOLD, fontSize=base_size, leading=lead,
                                      alignment=TA_CENTER),
        "center_italic": ParagraphStyle("center_italic", fontName=SERIF_ITALIC, fontSize=base_size, leading=lead,
                                        alignment=TA_CENTER),
        "title": ParagraphStyle("title", fontName=SERIF_BOLD, fontSize=14, leading=18, alignment=TA_CENTER,
                                spaceBefore=6),
        "heading": ParagraphStyle("heading", fontName=SERIF_BOLD, fontSize=base_size, leading=lead, spaceBefore=6,
                                  spaceAfter=3),
    }


QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
_GOVERNING_PREFIXES = ("ỦY BAN NHÂN DÂN TỈNH ", "ỦY BAN NHÂN DÂN THÀNH PHỐ ", "UBND TỈNH ", "UBND THÀNH PHỐ ",
                       "UBND TP. ", "UBND TP ")


def place_name(governing_body: str) -> str:
    """The place on the date line, from the governing body: 'UBND TỈNH TÂY NINH' → 'Tây Ninh',
    'UBND TP HỒ CHÍ MINH' → 'Hồ Chí Minh' ("" when there is none)."""
    body = " ".join((governing_body or "").split())
    for prefix in _GOVERNING_PREFIXES:
        if body.upper().startswith(prefix):
            return body[len(prefix):].title()
    return body.title()


def issuing_agency_name(name: str, governing_body: str) -> str:
    """The issuing agency as printed under the governing body, in capitals, without the province
    the governing body already names: 'Sở Công Thương Tây Ninh' → 'SỞ CÔNG THƯƠNG'."""
    name = " ".join((name or "").split())
    place = place_name(governing_body)
    if place and name.lower().endswith(" " + place.lower()):
        name = name[: -len(place) - 1]
    return name.upper()


def governing_recipient(governing_body: str) -> str:
    """The governing body as written in a "Nơi nhận" list: 'UBND TỈNH TÂY NINH' → 'UBND tỉnh Tây Ninh'."""
    body = " ".join((governing_body or "").split())
    if body.upper().startswith(("UBND TỈNH", "ỦY BAN NHÂN DÂN TỈNH")):
        return f"UBND tỉnh {place_name(body)}"
    return body


def national_header(st: dict[str, ParagraphStyle], *, governing_body: str, agency_name: str,
                    number: str | None = None, place: str | None = None, date: dt.date | None = None,
                    widths: tuple[float, float] = (56 * mm, 109 * mm)) -> Table:
    """The header of every administrative document (Nghị định 30/2020/NĐ-CP): governing body and
    issuing agency top left (12, upper, the agency bold, a short rule under it, then "Số: …" when
    given), Quốc hiệu (12, bold) and Tiêu ngữ (13, bold, underlined) top right, then the place and
    date line in italics when a date is given. DejaVu Serif is wider than Times New Roman: the right
    column takes 109 of the 165 mm so the Quốc hiệu stays on one line."""
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph, Spacer

    size12 = st["center"].clone("national12", fontSize=12, leading=15)
    size13 = st["center"].clone("national13", fontSize=13, leading=16)
    left = [Paragraph(escape((governing_body or "").upper()), size12),
            Paragraph(f"<b>{escape(issuing_agency_name(agency_name, governing_body))}</b>", size12),
            Paragraph("_" * 8, size12.clone("national_rule", leading=6))]
    if number is not None:
        # "Số:      /BC-SCT" keeps the blank the office fills in by hand: spaces must not collapse.
        left += [Spacer(1, 3 * mm), Paragraph("Số: " + escape(number).replace(" ", "&nbsp;"), size13)]
    right = [Paragraph(f"<b>{QUOC_HIEU}</b>", size12), Paragraph(f"<b><u>{TIEU_NGU}</u></b>", size13)]
    if date is not None:
        where = place if place is not None else place_name(governing_body)
        line = vn_date_line(where, date) if where else vn_date_line("", date).lstrip(", ")
        right += [Spacer(1, 8.5 * mm if number is not None else 6 * mm),
                  Paragraph(f"<i>{escape(line)}</i>", size13)]
    header = Table([[left, right]], colWidths=list(widths))
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return header


def vn_date_line(place: str, date: dt.date) -> str:
    """'Tây Ninh, ngày 05 tháng 01 năm 2024': leading zero for days below 10 and months 1–2."""
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


class PdfDocument:
    """Template method: `render()` builds the document from `story()` on the page set-up below.

    Defaults are the administrative A4 portrait of Nghị định 30/2020: margins top/bottom 20 mm,
    left 30 mm, right 15 mm, page numbers from page 2, top centre. Every document the product issues
    is signed (PAdES, `core.signing`) when the agency's certificate is configured.
    """

    pagesize = A4
    margins = (20 * mm, 15 * mm, 20 * mm, 30 * mm)  # top, right, bottom, left
    title = ""
    number_pages = True

    def story(self) -> list:
        raise NotImplementedError

    def on_later_pages(self, canvas, doc) -> None:
        if self.number_pages:
            canvas.saveState()
            canvas.setFont(SERIF, 11)
            canvas.drawCentredString(self.pagesize[0] / 2, self.pagesize[1] - 12 * mm, str(doc.page))
            canvas.restoreState()

    def on_first_page(self, canvas, doc) -> None:
        pass

    def render(self) -> bytes:
        register_fonts()
        buffer = io.BytesIO()
        top, right, bottom, left = self.margins
        doc = SimpleDocTemplate(
            buffer, pagesize=self.pagesize, topMargin=top, rightMargin=right, bottomMargin=bottom, leftMargin=left,
            title=self.title, author="", creator="hoc-tap-quan-triet",
        )
        doc.build(self.story(), onFirstPage=self.on_first_page, onLaterPages=self.on_later_pages)
        return sign_pdf(buffer.getvalue())


class PagedTable(Flowable):
    """A long table under a header row repeated on every page, split in linear time.

    reportlab's `Table` builds and measures a new table of *all* remaining rows at every page
    break, so a 3,000-name sign-in sheet cost O(rows²) (issue 8, benchmarks/scale.py). This one
    holds the rows and a start index: each page break builds one page-sized `Table` from a slice.

    Rows are `row_height` high, or as high as their tallest cell when `grow=True` (each cell's
    paragraph is wrapped once to its column's width, so a long name, unit or title wraps inside its
    cell instead of running over the next row). `tail` flowables (totals, signature blocks) are
    drawn right under the last row and never leave it: when they do not fit under the last rows,
    the last `keep_rows` rows go to the next page with them (under the repeated header).
    """

    def __init__(self, header: list, rows: list[list], *, col_widths: list[float], row_height: float,
                 style: list, start: int = 0, grow: bool = False, tail: list | None = None, keep_rows: int = 3,
                 _heights: list[float] | None = None):
        super().__init__()
        self.header, self.rows, self.col_widths = header, rows, col_widths
        self.row_height, self.style_commands, self.start = row_height, style, start
        self.grow, self.tail, self.keep_rows = grow, tail or [], keep_rows
        self.heights = _heights if _heights is not None else self._measure()
        self._header_height: float | None = None
        self._tail_heights: dict[tuple[float, int], float] = {}  # shared with the rest after a split

    def _padding(self) -> float:
        top = bottom = 3.0  # reportlab's default cell padding
        for command in self.style_commands:
            if command[0] == "TOPPADDING":
                top = command[3]
            elif command[0] == "BOTTOMPADDING":
                bottom = command[3]
        return top + bottom

    def _measure(self) -> list[float]:
        if not self.grow:
            return [self.row_height] * len(self.rows)
        padding, heights = self._padding(), []
        widths = [width - 6 for width in self.col_widths]  # minus left and right padding (3 + 3)
        for row in self.rows:
            tallest = max((cell.wrap(width, 10 ** 6)[1] for cell, width in zip(row, widths, strict=True)
                           if hasattr(cell, "wrap")), default=0)
            heights.append(max(self.row_height, tallest + padding + 1))
        return heights

    def _copy(self, start: int, tail: list) -> PagedTable:
        rest = copy.copy(self)  # shares the rows and their measured heights
        for mark in ("_postponed", "_frame", "canv"):  # set by platypus on this one, not the rest
            rest.__dict__.pop(mark, None)
        rest.start, rest.tail = start, tail
        return rest

    def _table(self, stop: int) -> Table:
        rows = self.rows[self.start:stop]
        table = Table([self.header, *rows], colWidths=self.col_widths, repeatRows=1,
                      rowHeights=[None] + self.heights[self.start:stop])
        table.setStyle(TableStyle(self.style_commands))
        return table

    def _head(self, avail_width: float) -> float:
        if self._header_height is None:
            self._header_height = Table([self.header], colWidths=self.col_widths, style=TableStyle(
                self.style_commands)).wrap(avail_width, 10 ** 6)[1]
        return self._header_height

    def _tail_height(self, avail_width: float) -> float:
        # Measured once: the frame wraps the rest of the table at every page (hundreds at 11,000 names).
        if (avail_width, len(self.tail)) not in self._tail_heights:
            self._tail_heights[avail_width, len(self.tail)] = sum(
                flowable.wrap(avail_width, 10 ** 6)[1] for flowable in self.tail)
        return self._tail_heights[avail_width, len(self.tail)]

    def wrap(self, avail_width, avail_height):
        self.width = sum(self.col_widths)
        self.height = (self._head(avail_width) + sum(self.heights[self.start:])
                       + self._tail_height(avail_width))
        return self.width, self.height

    def split(self, avail_width, avail_height):
        room = avail_height - self._head(avail_width)
        stop, used = self.start, 0.0
        while stop < len(self.rows) and used + self.heights[stop] <= room + 1e-6:
            used += self.heights[stop]
            stop += 1
        if stop == self.start:
            return []  # not even one row: the frame moves the table to the next page
        if stop == len(self.rows):
            # Every row fits but the tail does not: take the last rows over with it.
            stop = len(self.rows) - min(self.keep_rows, len(self.rows) - self.start)
            if stop <= self.start:
                return []
        return [self._table(stop), self._copy(stop, self.tail)]

    def draw(self):
        table = self._table(len(self.rows))
        _, table_height = table.wrapOn(self.canv, self.width, self.height)
        y = self.height - table_height
        table.drawOn(self.canv, 0, y)
        for flowable in self.tail:
            _, height = flowable.wrapOn(self.canv, self.width, self.height)
            y -= height
            flowable.drawOn(self.canv, 0, y)


class TextPagedTable(PagedTable):
    """A PagedTable of plain-text cells drawn straight on the canvas: what a Table of one Paragraph
    per cell draws (same line breaks, baselines, grid), at a fraction of the cost — a Paragraph is
    parsed, wrapped and laid out per cell, ≈ 3 ms a row, the whole cost of a sheet of 11,000 names.

    `column_styles` give each column's font, size, leading and alignment (TA_LEFT or TA_CENTER);
    cells are vertically centred, padded 3 pt left and right, under a GRID of `grid_width` points.
    A cell wider than its column breaks where Paragraph would (its own line breaking, used only
    for those cells)."""

    def __init__(self, header: list, rows: list[tuple[str, ...]], *, column_styles: list[ParagraphStyle],
                 grid_width: float = 0.5, **kwargs):
        self.column_styles, self.grid_width = column_styles, grid_width
        super().__init__(header, rows, **kwargs)

    def _measure(self) -> list[float]:
        padding, heights, self.lines = self._padding(), [], []
        columns = [(style, width - 6) for style, width in zip(self.column_styles, self.col_widths, strict=True)]
        known: dict[tuple[int, str], tuple] = {}  # units and titles repeat: break each text once
        for row in self.rows:
            cells = []
            for column, (text, (style, width)) in enumerate(zip(row, columns, strict=True)):
                lines = known.get((column, text))
                if lines is None:
                    lines = known[column, text] = _text_lines(text or "", style, width)
                cells.append(lines)
            self.lines.append(cells)
            tallest = max(len(lines) * style.leading for lines, (style, _) in zip(cells, columns, strict=True))
            heights.append(max(self.row_height, tallest + padding + 1) if self.grow else self.row_height)
        return heights

    def _table(self, stop: int) -> Flowable:
        return _TextRows(self, self.start, stop)


def _text_lines(text: str, style: ParagraphStyle, width: float) -> tuple[tuple[str, float], ...]:
    """The lines a Paragraph of `text` in `style` would show at `width` (whitespace collapsed), each
    with its word spacing (negative when Paragraph squeezes a line's spaces to keep a word on it).
    Plain words and a single over-long word (a code) are broken here as Paragraph.breakLines does;
    anything rarer (a long word among others, no-break or soft hyphens) by Paragraph itself."""
    words = text.split()
    if not words:
        return ()
    font, size = style.fontName, style.fontSize
    line = " ".join(words)
    if "\xa0" in text or "\xad" in text:
        return _paragraph_lines(text, style, width)
    if stringWidth(line, font, size) <= width:
        return ((line, 0.0),)
    widths = [stringWidth(word, font, size) for word in words]
    if max(widths) > width:
        return _split_word(words[0], font, size, width) if len(words) == 1 else _paragraph_lines(text, style, width)
    space = stringWidth(" ", font, size)
    shrink = rl_config.spaceShrinkage * space
    lines, current, used = [], [], -space
    for word, word_width in zip(words, widths, strict=True):
        wider = used + space + word_width
        if wider <= width + shrink * len(current) or not current:
            current.append(word)
            used = wider
        else:
            lines.append(_spaced(current, width - used))
            current, used = [word], word_width
    lines.append(_spaced(current, width - used))
    return tuple(lines)


def _spaced(words: list[str], extra: float) -> tuple[str, float]:
    return " ".join(words), (extra / (len(words) - 1) if extra < -1e-8 and len(words) > 1 else 0.0)


def _split_word(word: str, font: str, size: float, width: float) -> tuple[tuple[str, float], ...]:
    """A word wider than its column, cut between characters where it reaches the width (Paragraph's
    splitLongWords)."""
    pieces, piece, used = [], "", 0.0
    for char in word:
        char_width = stringWidth(char, font, size)
        if used + char_width > width and piece:
            pieces.append((piece, 0.0))
            piece, used = "", 0.0
        piece += char
        used += char_width
    pieces.append((piece, 0.0))
    return tuple(pieces)


def _paragraph_lines(text: str, style: ParagraphStyle, width: float) -> tuple[tuple[str, float], ...]:
    from xml.sax.saxutils import escape

    lines = []
    for extra, words in Paragraph(escape(text), style).breakLines(width).lines:
        line = " ".join(str(word) for word in words)
        spaces = len(words) + line.count("\xa0") - 1
        lines.append((line, extra / spaces if extra < -1e-8 and spaces > 0 else 0.0))
    return tuple(lines)


class _TextRows(Flowable):
    """One page of a TextPagedTable: the header row (a Table, once a page) and rows start:stop."""

    def __init__(self, table: TextPagedTable, start: int, stop: int):
        super().__init__()
        self.table, self.start, self.stop = table, start, stop
        self.hAlign = "CENTER"  # placed as a Table is (the frame centres what is wider than it)

    def wrap(self, avail_width, avail_height):
        table = self.table
        self.width = sum(table.col_widths)
        self.height = table._head(avail_width) + sum(table.heights[self.start:self.stop])
        return self.width, self.height

    def draw(self):
        table, canvas = self.table, self.canv
        head = table._head(self.width)
        # Named by its order in the document, not by id(): the same sheet must give the same bytes in
        # any process (the evidence pack renders sheets in workers and checks them against serial runs).
        forms = canvas.__dict__.setdefault("_paged_table_forms", {})
        form = forms.get(id(table.header))
        if form is None:  # laid out once, placed on every page
            form = forms[id(table.header)] = f"paged-table-header-{len(forms) + 1}"
            header = Table([table.header], colWidths=table.col_widths, style=TableStyle(table.style_commands))
            header.wrap(self.width, self.height)
            canvas.beginForm(form, lowerx=-1, lowery=-1, upperx=self.width + 1, uppery=head + 1)
            header.drawOn(canvas, 0, 0)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(0, self.height - head)
        canvas.doForm(form)
        canvas.restoreState()
        edges = [0.0]
        for width in table.col_widths:
            edges.append(edges[-1] + width)
        text = canvas.beginText()
        font = None
        top = self.height - head
        rules = [top]
        for index in range(self.start, self.stop):
            height = table.heights[index]
            bottom = top - height
            for column, lines in enumerate(table.lines[index]):
                if not lines:
                    continue
                style = table.column_styles[column]
                if font != (style.fontName, style.fontSize, style.leading):
                    font = (style.fontName, style.fontSize, style.leading)
                    text.setFont(*font)
                left, right = edges[column] + 3, edges[column + 1] - 3
                y = bottom + (height + len(lines) * style.leading) / 2 - style.fontSize
                for line, word_space in lines:
                    if style.alignment == TA_CENTER and not word_space:
                        x = (left + right - stringWidth(line, style.fontName, style.fontSize)) / 2
                    else:
                        x = left
                    text.setTextOrigin(x, y)
                    if word_space:
                        text.setWordSpace(word_space)
                        text.textOut(line)
                        text.setWordSpace(0)
                    else:
                        text.textOut(line)
                    y -= style.leading
            rules.append(bottom)
            top = bottom
        canvas.saveState()
        canvas.setFillColor("black")
        canvas.drawText(text)
        canvas.setLineWidth(table.grid_width)
        canvas.setStrokeColor("black")
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        canvas.lines([(0, y, edges[-1], y) for y in rules[1:]]
                     + [(x, rules[0], x, rules[-1]) for x in edges])
        canvas.restoreState()


def signer_lines(title: str) -> list[str]:
    """The signer's title as printed lines: a line break, or the two characters `\\n` (as given on
    a command line), starts a new line ('KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC'); blank lines are dropped."""
    text = (title or "").replace("\\n", "\n")
    return [" ".join(line.split()).upper() for line in text.splitlines() if line.strip()]


def recipient_lines(recipients: list[str], archive: str) -> list[str]:
    """The "Nơi nhận" list as printed: '- X;' per recipient, the last ending '- Lưu: VT, …'."""
    lines = []
    for item in recipients:
        item = " ".join(item.split()).lstrip("-+• ").rstrip(";,.")
        if item:
            lines.append(f"- {item};")
    lines.append(f"- Lưu: {' '.join((archive or 'VT').split()).rstrip('.')}.")
    return lines


def closing_block(st: dict[str, ParagraphStyle], *, recipients: list[str], archive: str, signer_title: str,
                  signer_name: str, signature_space: float = 24 * mm) -> Table:
    """'Nơi nhận:' (12, bold italic) with its list (11) left; the signer's title (bold, upper, one or
    more lines: KT./TL./Q. forms), the space for signature and seal, and the name (bold) right."""
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph, Spacer

    small = st["small"]
    left = [Paragraph("<b><i>Nơi nhận:</i></b>", small.clone("noi_nhan", fontSize=12, leading=14))]
    left += [Paragraph(escape(line), small.clone("recipient", fontSize=11, leading=13.5))
             for line in recipient_lines(recipients, archive)]
    right = [Paragraph(f"<b>{escape(line)}</b>", st["center_bold"]) for line in signer_lines(signer_title)]
    right += [Spacer(1, signature_space)]
    if signer_name:
        right.append(Paragraph(f"<b>{escape(signer_name)}</b>", st["center_bold"]))
    block = Table([[left, right]], colWidths=[85 * mm, 80 * mm])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return block
