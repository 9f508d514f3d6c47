"""The self-assessment of the scoring dossier (báo cáo tự đánh giá, chấm điểm), in xlsx and PDF.

Both read one `Sheet` (reports.selectors.scoring): the criteria tree HR imported for the agency
and year, the self-scores rolled up, the rating from the bands, and an evidence index per
criterion; a submitted dossier is rendered from its snapshot. Called with a `campaign` (the
evidence pack does) the agency and year are the campaign's; or with `agency` and `year`.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from xml.sax.saxutils import escape

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from core.exporters import Exporter, Rendered, Scope, register, safe_cell
from core.pdf import PdfDocument, closing_block, national_header, styles
from org.models import OrgUnit
from reports.selectors.documents import agency_place, agency_signer
from reports.selectors.scoring import Sheet, scoring_sheet

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _scope(campaign=None, agency=None, year=None) -> tuple[OrgUnit, int]:
    if campaign is not None:
        return campaign.agency, campaign.year
    if agency is None or year is None:
        raise ValueError("scoring exporters need a campaign, or an agency and a year")
    return agency, int(year)


def _num(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}".replace(".", ",")


def evidence_ref(code: str, index: int) -> str:
    """The reference of one piece of evidence in the index: 'MC 2.1-1'."""
    return f"MC {code}-{index}"


def subject_line(year: int) -> str:
    return f"Tự đánh giá, chấm điểm kết quả thực hiện công tác dân vận chính quyền năm {year}"


@register
class ScoringSelfAssessmentXlsx(Exporter):
    identifier = "scoring-self-assessment-xlsx"
    scope = Scope.AGENCY_YEAR
    format = "xlsx"
    family = "scoring-self-assessment"
    menu = 1
    hr_only = True
    verbose_name = "Bảng tự chấm điểm (Excel)"

    def render(self, *, campaign=None, agency=None, year=None, **kwargs) -> Rendered:
        agency, year = _scope(campaign, agency, year)
        content = scoring_xlsx(scoring_sheet(agency=agency, year=year))
        return Rendered(f"tu-cham-diem-{agency.code}-{year}.xlsx", XLSX, content)


def scoring_xlsx(sheet: Sheet) -> bytes:
    """Sheet "Tự chấm điểm" (the tree, totals and rating) and sheet "Minh chứng" (the evidence
    index: one line per piece of evidence, referenced from the first sheet as MC <code>-<n>)."""
    book = Workbook()
    ws = book.active
    ws.title = "Tự chấm điểm"
    bold = Font(name="Times New Roman", bold=True, size=12)
    normal = Font(name="Times New Roman", size=12)
    thin = Side(style="thin")
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.append([sheet.agency_name.upper()])
    ws.append([f"BẢNG TỰ CHẤM ĐIỂM NĂM {sheet.year}"])
    ws.append([f"Căn cứ {sheet.basis}" if sheet.basis else subject_line(sheet.year)])
    ws.append([])
    header = ["Mã", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm đề xuất từ số liệu", "Giải trình",
              "Minh chứng"]
    ws.append(header)
    for cell in ws[5]:
        cell.font, cell.border, cell.alignment = bold, grid, Alignment(wrap_text=True, horizontal="center")
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
    for row in sheet.rows:
        refs = "; ".join(evidence_ref(row.code, i) + ": " + e.description
                         for i, e in enumerate(row.evidence, start=1))
        comment = row.comment + (f" (Lý do khác điểm đề xuất: {row.override_reason})" if row.override_reason else "")
        ws.append([safe_cell(row.code), safe_cell("    " * row.level + row.text), float(row.max_points),
                   float(row.points) if row.points is not None else None,
                   float(row.proposed) if row.proposed is not None else None, safe_cell(comment), safe_cell(refs)])
        if not row.is_leaf:
            for cell in ws[ws.max_row]:
                cell.font = bold
    first, last = 6, 5 + len(sheet.rows)
    ws.append(["", "Tổng cộng", float(sheet.total_max),
               float(sheet.total_points) if sheet.total_points is not None else None, None, "", ""])
    ws.append(["", "Tự xếp loại", None, None, None, sheet.rating or "", ""])
    for line in ws.iter_rows(min_row=first, max_row=ws.max_row):
        for cell in line:
            cell.border, cell.alignment = grid, wrap
            if cell.font != bold:
                cell.font = normal
    for row in (last + 1, last + 2):
        for cell in ws[row]:
            cell.font = bold
    ws["A1"].font = bold
    ws["A2"].font = Font(name="Times New Roman", bold=True, size=14)
    ws["A3"].font = Font(name="Times New Roman", italic=True, size=11)
    for column, width in zip("ABCDEFG", (10, 60, 11, 11, 13, 40, 50), strict=True):
        ws.column_dimensions[column].width = width
    ws.freeze_panes = "A6"
    _print_setup(ws, "5:5")

    index = book.create_sheet("Minh chứng")
    index.append(["Số hiệu", "Mã tiêu chí", "Tiêu chí", "Loại minh chứng", "Nội dung", "Tham chiếu", "Ghi chú"])
    for cell in index[1]:
        cell.font, cell.border, cell.alignment = bold, grid, Alignment(wrap_text=True, horizontal="center")
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
    for row in sheet.rows:
        for number, entry in enumerate(row.evidence, start=1):
            index.append([evidence_ref(row.code, number), safe_cell(row.code), safe_cell(row.text),
                          safe_cell(entry.label), safe_cell(entry.description), safe_cell(entry.reference),
                          safe_cell(entry.note)])
    for line in index.iter_rows(min_row=2, max_row=index.max_row):
        for cell in line:
            cell.font, cell.border, cell.alignment = normal, grid, wrap
    for column, width in zip("ABCDEFG", (12, 10, 45, 24, 55, 24, 30), strict=True):
        index.column_dimensions[column].width = width
    index.freeze_panes = "A2"
    _print_setup(index, "1:1")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _print_setup(ws, title_rows: str) -> None:
    ws.print_title_rows = title_rows
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


class ScoringSheetPdf(PdfDocument):
    """NĐ 30/2020 layout: header with Số and the place-and-date line, BÁO CÁO and the subject, căn
    cứ, the table, totals and rating, Nơi nhận and the signer."""

    def __init__(self, *, sheet: Sheet, report_date: dt.date, place: str, signer_title: str, signer_name: str):
        self.sheet, self.report_date, self.place = sheet, report_date, place
        self.signer_title, self.signer_name = signer_title, signer_name
        self.s = styles()
        self.title = f"Tự đánh giá, chấm điểm năm {sheet.year} — {sheet.agency_name}"

    def grid(self) -> Table:
        s, sheet = self.s, self.sheet
        head = s["cell_head"]
        data = [[Paragraph(t, head) for t in ("Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm",
                                               "Giải trình, minh chứng")]]
        parents = []
        for row in sheet.rows:
            note = escape(row.comment)
            if row.proposed is not None:
                note += ("<br/>" if note else "") + f"Số liệu đề xuất: {_num(row.proposed)} điểm"
                if row.override_reason:
                    note += f"; lý do chấm khác: {escape(row.override_reason)}"
            for number, entry in enumerate(row.evidence, start=1):
                note += ("<br/>" if note else "") + (f"<i>{evidence_ref(row.code, number)}</i>: "
                                                     f"{escape(entry.description)}")
            text = escape(row.text)
            cell_style = s["cell"].clone(f"cell_l{row.level}", leftIndent=3 * mm * row.level)
            if not row.is_leaf:
                text = f"<b>{text}</b>"
                parents.append(len(data))
            data.append([Paragraph(escape(row.code), s["cell_center"]), Paragraph(text, cell_style),
                         Paragraph(_num(row.max_points), s["cell_center"]),
                         Paragraph(_num(row.points), s["cell_center"]), Paragraph(note, s["cell"])])
        data.append(["", Paragraph("<b>Tổng cộng</b>", s["cell"]),
                     Paragraph(f"<b>{_num(sheet.total_max)}</b>", s["cell_center"]),
                     Paragraph(f"<b>{_num(sheet.total_points)}</b>", s["cell_center"]), ""])
        table = Table(data, colWidths=[14 * mm, 64 * mm, 17 * mm, 17 * mm, 53 * mm], repeatRows=1)
        commands = [("GRID", (0, 0), (-1, -1), 0.5, "#000000"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), "#EEEEEE")]
        commands += [("BACKGROUND", (0, i), (-1, i), "#F6F6F6") for i in parents]
        table.setStyle(TableStyle(commands))
        return table

    def _closing(self) -> Table:
        """Nơi nhận and the signer, kept on the page of the totals (never alone on the last page)."""
        return closing_block(self.s, recipients=self.sheet.recipients or ["UBND tỉnh (qua Sở Nội vụ)"],
                             archive="VT, VP", signer_title=self.signer_title, signer_name=self.signer_name)

    def story(self) -> list:
        s, sheet = self.s, self.sheet
        number = sheet.number or f"      /BC-{sheet.agency_code}"
        story = [national_header(s, governing_body=sheet.governing_body, agency_name=sheet.agency_name,
                                 number=number, place=self.place, date=self.report_date)]
        story += [Spacer(1, 8 * mm), Paragraph("BÁO CÁO", s["title"]),
                  Paragraph(escape(subject_line(sheet.year)), s["center_bold"]),
                  Paragraph("_" * 14, s["center"].clone("rule2", leading=8)), Spacer(1, 5 * mm)]
        opening = f"Căn cứ {sheet.basis}, " if sheet.basis else ""
        opening += (f"{sheet.agency_name} tự đánh giá, chấm điểm kết quả thực hiện công tác dân vận chính quyền "
                    f"năm {sheet.year} như sau:")
        story.append(Paragraph(escape(opening[:1].upper() + opening[1:]), s["body"]))
        if not sheet.rows:
            story.append(Paragraph("Chưa có tiêu chí chấm điểm nào được nhập cho năm này.", s["body"]))
        else:
            story += [Paragraph("I. BẢNG TỰ CHẤM ĐIỂM", s["heading"]), self.grid(), Spacer(1, 4 * mm)]
            closing = [Paragraph("II. TỔNG HỢP KẾT QUẢ", s["heading"])]
            total = _num(sheet.total_points) or "0"
            closing.append(Paragraph(escape(f"Tổng điểm tự chấm: {total}/{_num(sheet.total_max)} điểm."), s["body"]))
            if sheet.rating:
                closing.append(Paragraph(f"Tự xếp loại: <b>{escape(sheet.rating)}</b>.", s["body"]))
            if sheet.bands:
                bands = "; ".join(f"{name}: từ {_num(low)} điểm" for name, low in sheet.bands)
                closing.append(Paragraph(escape(f"(Mức xếp loại: {bands}.)"), s["body"]))
            evidence = sum(len(r.evidence) for r in sheet.rows)
            if evidence:
                closing.append(Paragraph(escape(f"Kèm theo {evidence} minh chứng, đánh số theo mã tiêu chí (MC <mã>-<số "
                                                f"thứ tự>) trong danh mục minh chứng."), s["body"]))
            story.append(KeepTogether(closing + [Spacer(1, 6 * mm), self._closing()]))
            return story
        story += [Spacer(1, 6 * mm), KeepTogether([self._closing()])]
        return story


def scoring_pdf(*, agency: OrgUnit, year: int, report_date: dt.date | None = None) -> bytes:
    """The self-assessment PDF of the agency's year (from the snapshot once submitted)."""
    sheet = scoring_sheet(agency=agency, year=year)
    signer = agency_signer(agency)
    date = report_date or (dt.date.fromisoformat(sheet.issued_on) if sheet.issued_on else timezone.localdate())
    document = ScoringSheetPdf(sheet=sheet, report_date=date, place=agency_place(agency),
                               signer_title=sheet.signer_title or signer.title,
                               signer_name=sheet.signer_name or signer.name)
    return document.render()


@register
class ScoringSelfAssessmentPdf(Exporter):
    identifier = "scoring-self-assessment-pdf"
    scope = Scope.AGENCY_YEAR
    format = "pdf"
    family = "scoring-self-assessment"
    menu = 2
    hr_only = True
    verbose_name = "Bảng tự chấm điểm (PDF)"

    def render(self, *, campaign=None, agency=None, year=None, report_date: dt.date | None = None,
               **kwargs) -> Rendered:
        agency, year = _scope(campaign, agency, year)
        return Rendered(f"tu-cham-diem-{agency.code}-{year}.pdf", "application/pdf",
                        scoring_pdf(agency=agency, year=year, report_date=report_date))
