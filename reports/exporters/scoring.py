"""The self-assessment sheet of the scoring dossier (bảng tự chấm điểm), in xlsx and PDF.

The criteria are whatever HR entered for the agency and year (never code). Called with a
`campaign` (the evidence pack does) the agency and year are the campaign's; or with `agency` and `year`.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from core.exporters import Exporter, Rendered, Scope, register, safe_cell
from core.pdf import PdfDocument, national_header, styles
from org.models import OrgUnit
from reports.models import ScoringCriterion

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class SheetRow:
    code: str
    text: str
    max_points: Decimal
    points: Decimal | None
    comment: str
    evidence: list[str]


def scoring_rows(*, agency: OrgUnit, year: int) -> list[SheetRow]:
    criteria = (ScoringCriterion.objects.filter(agency=agency, year=year).order_by("order", "code")
                .select_related("self_score").prefetch_related("self_score__evidence__document"))
    rows = []
    for criterion in criteria:
        score = getattr(criterion, "self_score", None)  # the reverse one-to-one raises AttributeError
        rows.append(SheetRow(
            code=criterion.code, text=criterion.text, max_points=criterion.max_points,
            points=score.points if score else None, comment=score.comment if score else "",
            evidence=[e.document.title for e in score.evidence.all()] if score else [],
        ))
    return rows


def _scope(campaign=None, agency=None, year=None) -> tuple[OrgUnit, int]:
    if campaign is not None:
        return campaign.agency, campaign.year
    if agency is None or year is None:
        raise ValueError("scoring exporters need a campaign, or an agency and a year")
    return agency, int(year)


def _num(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


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
        rows = scoring_rows(agency=agency, year=year)
        book = Workbook()
        sheet = book.active
        sheet.title = "Tự chấm điểm"
        bold = Font(name="Times New Roman", bold=True, size=12)
        normal = Font(name="Times New Roman", size=12)
        thin = Side(style="thin")
        grid = Border(left=thin, right=thin, top=thin, bottom=thin)
        wrap = Alignment(wrap_text=True, vertical="top")
        sheet.append([agency.name.upper()])
        sheet.append([f"BẢNG TỰ CHẤM ĐIỂM NĂM {year}"])
        sheet.append(["Tiêu chí do Văn phòng nhập theo văn bản của tỉnh; điểm tự chấm có giải trình và minh chứng."])
        sheet.append([])
        header = ["Mã tiêu chí", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Giải trình", "Minh chứng"]
        sheet.append(header)
        for cell in sheet[5]:
            cell.font, cell.border, cell.alignment = bold, grid, Alignment(wrap_text=True, horizontal="center")
            cell.fill = PatternFill("solid", fgColor="DDDDDD")
        for row in rows:
            sheet.append([safe_cell(row.code), safe_cell(row.text), float(row.max_points),
                          float(row.points) if row.points is not None else None, safe_cell(row.comment),
                          safe_cell("; ".join(row.evidence))])
        first, last = 6, 5 + len(rows)
        total = last + 1
        sheet.append(["", "Tổng cộng", f"=SUM(C{first}:C{last})" if rows else 0,
                      f"=SUM(D{first}:D{last})" if rows else 0, "", ""])
        for line in sheet.iter_rows(min_row=first, max_row=total):
            for cell in line:
                cell.font, cell.border, cell.alignment = normal, grid, wrap
        for cell in sheet[total]:
            cell.font = bold
        sheet["A1"].font = bold
        sheet["A2"].font = Font(name="Times New Roman", bold=True, size=14)
        sheet["A3"].font = Font(name="Times New Roman", italic=True, size=11)
        for column, width in zip("ABCDEF", (12, 60, 12, 12, 40, 30), strict=True):
            sheet.column_dimensions[column].width = width
        sheet.freeze_panes = "A6"
        sheet.print_title_rows = "5:5"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        buffer = io.BytesIO()
        book.save(buffer)
        return Rendered(f"tu-cham-diem-{agency.code}-{year}.xlsx", XLSX, buffer.getvalue())


class ScoringSheetPdf(PdfDocument):
    def __init__(self, *, agency: OrgUnit, year: int, rows: list[SheetRow], report_date: dt.date):
        self.agency, self.year, self.rows, self.report_date = agency, year, rows, report_date
        self.s = styles()
        self.title = f"Bảng tự chấm điểm năm {year} — {agency.name}"

    def header_block(self) -> list:
        return [national_header(self.s, governing_body=self.agency.governing_body, agency_name=self.agency.name,
                                date=self.report_date)]

    def grid(self) -> Table:
        s = self.s
        head = s["cell_head"]
        data = [[Paragraph(t, head) for t in ("Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm",
                                               "Giải trình, minh chứng")]]
        total_max = sum((r.max_points for r in self.rows), Decimal(0))
        total_points = sum((r.points or Decimal(0) for r in self.rows), Decimal(0))
        for row in self.rows:
            note = escape(row.comment)
            if row.evidence:
                note += ("<br/>" if note else "") + "<i>Minh chứng: " + escape("; ".join(row.evidence)) + "</i>"
            data.append([Paragraph(escape(row.code), s["cell_center"]), Paragraph(escape(row.text), s["cell"]),
                         Paragraph(_num(row.max_points), s["cell_center"]),
                         Paragraph(_num(row.points), s["cell_center"]), Paragraph(note, s["cell"])])
        data.append(["", Paragraph("<b>Tổng cộng</b>", s["cell"]),
                     Paragraph(f"<b>{_num(total_max)}</b>", s["cell_center"]),
                     Paragraph(f"<b>{_num(total_points)}</b>", s["cell_center"]), ""])
        table = Table(data, colWidths=[14 * mm, 66 * mm, 18 * mm, 18 * mm, 49 * mm], repeatRows=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "#000000"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BACKGROUND", (0, 0), (-1, 0), "#EEEEEE")]))
        return table

    def story(self) -> list:
        s = self.s
        story = self.header_block()
        story += [Spacer(1, 8 * mm), Paragraph("BẢNG TỰ CHẤM ĐIỂM", s["title"]),
                  Paragraph(f"Kết quả tự đánh giá, chấm điểm năm {self.year} của {escape(self.agency.name)}",
                            s["center_bold"]),
                  Paragraph("_" * 12, s["center"].clone("rule2", leading=8)), Spacer(1, 5 * mm)]
        if self.rows:
            story.append(self.grid())
        else:
            story.append(Paragraph("Chưa có tiêu chí chấm điểm nào được nhập cho năm này.", s["body"]))
        right = [Paragraph("<b>THỦ TRƯỞNG CƠ QUAN</b>", s["center_bold"]),
                 Paragraph("<i>(Ký, ghi rõ họ tên, đóng dấu)</i>", s["center_italic"].clone("sig", fontSize=11))]
        block = Table([["", right]], colWidths=[85 * mm, 80 * mm])
        story += [Spacer(1, 8 * mm), KeepTogether([block])]
        return story


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
        document = ScoringSheetPdf(agency=agency, year=year, rows=scoring_rows(agency=agency, year=year),
                                   report_date=report_date or timezone.localdate())
        return Rendered(f"tu-cham-diem-{agency.code}-{year}.pdf", "application/pdf", document.render())
