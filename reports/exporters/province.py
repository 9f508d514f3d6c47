"""The province's consolidated report of one province-wide campaign (`province_report`): the CSV of
docs/contract.md "Province", a workbook, and the PDF "Báo cáo tổng hợp" from UBND tỉnh / Sở Nội
vụ's side in the layout of Nghị định 30/2020/NĐ-CP. Aggregates only: no person is named.

Every renderer takes the figures of `reports.selectors.province` (computed once by the caller and
passed as `figures`/`directives`, or computed here)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from xml.sax.saxutils import escape

import pandas as pd
import xlsxwriter
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from core.exporters import Exporter, Rendered, Scope, neutralise_text, register
from core.pdf import PdfDocument, governing_recipient, national_header, styles
from learning.selectors.province import province_campaigns
from learning.selectors.summaries import Summary
from learning.statuses import PEOPLE_RATE, PEOPLE_RATE_HELP, ROWS_RATE, ROWS_RATE_HELP
from org.models import Province
from reports.selectors.province import (
    by_agency,
    by_agency_directive,
    province_csv_frame,
    province_table,
)

from .compliance_labels import TARGET_PERCENT
from .compliance_pdf import _grid, _pct


@dataclass
class ProvinceFigures:
    province: Province
    slug: str
    as_of: dt.date
    agencies: pd.DataFrame  # by_agency
    table: pd.DataFrame  # the province table the figures come from
    title: str = ""

    @cached_property
    def directives(self) -> pd.DataFrame:
        """by_agency_directive, computed only by the outputs that show it (not the CSV)."""
        return by_agency_directive(self.table)


def province_figures(*, province: Province, slug: str, as_of: dt.date | None = None) -> ProvinceFigures:
    as_of = as_of or timezone.localdate()
    table = province_table(province=province, slug=slug, as_of=as_of)
    titles = [c.title for _, c in province_campaigns(province=province, slug=slug) if c is not None]
    return ProvinceFigures(province=province, slug=slug, as_of=as_of,
                           agencies=by_agency(province=province, slug=slug, table=table), table=table,
                           title=titles[0] if titles else slug)


def totals(agencies: pd.DataFrame) -> Summary:
    """The province as a whole, summed over its agencies (people belong to one agency each)."""
    names = ["people", "exempt_people", "done_people", "overdue_people", "rows", "completed", "completed_late",
             "pending", "overdue", "exempt"]
    return Summary(**{name: int(agencies[name].sum()) for name in names})


def filename(figures: ProvinceFigures, extension: str) -> str:
    return f"bao-cao-tong-hop-{figures.province.code}-{figures.slug}-{figures.as_of.isoformat()}.{extension}"


def _figures(kwargs: dict) -> ProvinceFigures:
    figures = kwargs.get("figures")
    if figures is None:
        figures = province_figures(province=kwargs["province"], slug=kwargs["slug"], as_of=kwargs.get("as_of"))
    return figures


@register
class ProvinceCsv(Exporter):
    identifier = "province-csv"
    scope = Scope.PROVINCE
    format = "csv"
    family = "province"
    menu = 3
    verbose_name = _("Tổng hợp theo cơ quan (CSV)")

    def render(self, **kwargs: Any) -> Rendered:
        figures = _figures(kwargs)
        frame = province_csv_frame(figures.agencies)
        frame["agency"] = neutralise_text(frame["agency"])
        buffer = io.StringIO()
        frame.to_csv(buffer, index=False, lineterminator="\n")
        return Rendered(filename(figures, "csv"), "text/csv; charset=utf-8", buffer.getvalue().encode("utf-8"))


@register
class ProvinceXlsx(Exporter):
    identifier = "province-xlsx"
    scope = Scope.PROVINCE
    format = "xlsx"
    family = "province"
    menu = 2
    verbose_name = _("Báo cáo tổng hợp (Excel)")

    def render(self, **kwargs: Any) -> Rendered:
        figures = _figures(kwargs)
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        head = book.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True,
                                "valign": "vcenter"})
        cell = book.add_format({"border": 1})
        pct = book.add_format({"border": 1, "num_format": "0.0"})
        title = book.add_format({"bold": True, "font_size": 13})
        sheet = book.add_worksheet("Tổng hợp")
        sheet.write(0, 0, f"Tổng hợp kết quả học tập — {figures.title} — {figures.province.name}", title)
        sheet.write(1, 0, f"Tính đến ngày {figures.as_of:%d/%m/%Y}. {PEOPLE_RATE}: {PEOPLE_RATE_HELP}. "
                          f"{ROWS_RATE}: {ROWS_RATE_HELP}.")
        headers = ["STT", "Mã cơ quan", "Cơ quan", "Số người thuộc đối tượng", "Miễn học", "Phải học",
                   "Hoàn thành tất cả", f"{PEOPLE_RATE} (%)", "Lượt đúng hạn", "Lượt muộn", "Lượt còn hạn",
                   "Lượt quá hạn", f"{ROWS_RATE} (%)", "Đã triển khai"]
        sheet.write_row(3, 0, headers, head)
        for number, a in enumerate(figures.agencies.to_dict("records"), start=1):
            values = [number, a["agency_code"], a["agency"], a["people"], a["exempt_people"], a["counted_people"],
                      a["done_people"], a["people_rate"], a["completed"], a["completed_late"], a["pending"],
                      a["overdue"], a["rows_rate"], "Có" if a["adopted"] else "Chưa"]
            for column, value in enumerate(values):
                fmt = pct if column in (7, 12) else cell
                if isinstance(value, float) and pd.isna(value):
                    sheet.write_blank(3 + number, column, None, fmt)
                else:
                    sheet.write(3 + number, column, value, fmt)
        sheet.set_column(0, 0, 5)
        sheet.set_column(2, 2, 40)
        sheet.set_column(3, 13, 13)
        sheet.freeze_panes(4, 3)
        self._directive_sheet(book, figures, head, cell, pct)
        book.close()
        return Rendered(filename(figures, "xlsx"),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer.getvalue())

    def _directive_sheet(self, book, figures: ProvinceFigures, head, cell, pct) -> None:
        sheet = book.add_worksheet("Theo văn bản")
        directives = figures.directives
        order = list(dict.fromkeys(directives["requirement"])) if len(directives) else []
        sheet.write(0, 0, f"{ROWS_RATE} (%) theo cơ quan × văn bản")
        sheet.write_row(2, 0, ["Mã cơ quan", "Cơ quan", *order], head)
        rates = directives.pivot(index="agency_id", columns="requirement", values="rows_rate") if order else None
        for row, a in enumerate(figures.agencies.to_dict("records"), start=3):
            sheet.write(row, 0, a["agency_code"], cell)
            sheet.write(row, 1, a["agency"], cell)
            for column, requirement in enumerate(order, start=2):
                value = rates.at[a["agency_id"], requirement] if rates is not None and a["agency_id"] in rates.index \
                    else None
                if value is None or pd.isna(value):
                    sheet.write_blank(row, column, None, pct)
                else:
                    sheet.write(row, column, float(value), pct)
        sheet.set_column(1, 1, 40)
        sheet.set_column(2, 2 + len(order), 12)


class ProvinceReportPdf(PdfDocument):
    """BÁO CÁO tổng hợp — UBND tỉnh (governing body), Sở Nội vụ (issuer) — Nghị định 30/2020."""

    def __init__(self, figures: ProvinceFigures, report_date: dt.date):
        self.f = figures
        self.report_date = report_date
        self.s = styles()
        self.title = f"Báo cáo tổng hợp — {figures.title}"

    def story(self) -> list:
        s, f, p = self.s, self.f, self.f.province
        overall = totals(f.agencies)
        issuer = p.issuing_body or "SỞ NỘI VỤ"
        code = "".join(word[:1] for word in issuer.split()).upper() or "SNV"
        title = f.title[:1].lower() + f.title[1:]
        story = [national_header(s, governing_body=p.governing_body, agency_name=issuer,
                                 number=f"      /BC-{code}", date=self.report_date),
                 Spacer(1, 8 * mm), Paragraph("BÁO CÁO TỔNG HỢP", s["title"]),
                 Paragraph(f"<b>Kết quả {escape(title)} của các cơ quan, đơn vị trên địa bàn "
                           f"{escape(p.name[:1].lower() + p.name[1:])} "
                           f"(tính đến ngày {f.as_of:%d/%m/%Y})</b>", s["center_bold"]),
                 Paragraph("<para>" + "_" * 14 + "</para>", s["center"]), Spacer(1, 4 * mm)]
        adopted = int(f.agencies["adopted"].sum())
        story.append(Paragraph(escape(
            f"Trên cơ sở số liệu của {len(f.agencies)} cơ quan, đơn vị trên địa bàn ({adopted} cơ quan đã triển khai "
            f"kế hoạch), kết quả học tập, quán triệt được tổng hợp như sau:"),
            s["body"]))
        story.append(Paragraph("I. KẾT QUẢ CHUNG", s["heading"]))
        lines = [
            f"Tổng số người thuộc đối tượng học tập: {overall.people}; miễn học: {overall.exempt_people}; "
            f"phải học: {overall.counted_people}.",
            f"Số người hoàn thành tất cả văn bản: {overall.done_people}/{overall.counted_people}; "
            f"{str(PEOPLE_RATE).lower()}: {_pct(overall.people_rate)}% (chỉ tiêu {TARGET_PERCENT:.0f}%).",
            f"Theo lượt người × văn bản: đúng hạn {overall.completed}, muộn {overall.completed_late}, còn hạn "
            f"{overall.pending}, quá hạn {overall.overdue}; {str(ROWS_RATE).lower()}: {_pct(overall.rows_rate)}%.",
        ]
        story += [Paragraph(escape("- " + line), s["body"]) for line in lines]
        story.append(Paragraph("II. KẾT QUẢ THEO CƠ QUAN, ĐƠN VỊ", s["heading"]))
        head = ["STT", "Cơ quan, đơn vị", "Phải học", "Hoàn thành tất cả", f"{PEOPLE_RATE} (%)",
                "Lượt quá hạn", f"{ROWS_RATE} (%)"]
        rows = [[Paragraph(h, s["cell_head"]) for h in head]]
        for number, a in enumerate(f.agencies.itertuples(index=False), start=1):
            name = a.agency if a.adopted else f"{a.agency} (chưa triển khai)"
            rows.append([Paragraph(str(number), s["cell_center"]), Paragraph(escape(name), s["cell"]),
                         Paragraph(str(a.counted_people), s["cell_center"]),
                         Paragraph(str(a.done_people), s["cell_center"]),
                         Paragraph(_pct(a.people_rate), s["cell_center"]),
                         Paragraph(str(a.overdue), s["cell_center"]),
                         Paragraph(_pct(a.rows_rate), s["cell_center"])])
        story.append(_grid(rows, [11 * mm, 56 * mm, 17 * mm, 20 * mm, 22 * mm, 17 * mm, 22 * mm]))
        story.append(Paragraph("III. ĐÁNH GIÁ, KIẾN NGHỊ", s["heading"]))
        lagging = f.agencies[f.agencies["adopted"] & (f.agencies["people_rate"].fillna(0) < TARGET_PERCENT)]
        missing = f.agencies[~f.agencies["adopted"]]
        text = (f"Có {len(lagging)} cơ quan, đơn vị chưa đạt chỉ tiêu 100%" +
                (f"; {len(missing)} cơ quan chưa triển khai kế hoạch" if len(missing) else "") +
                ". Đề nghị thủ trưởng các cơ quan, đơn vị chỉ đạo hoàn thành việc học tập, quán triệt và gửi báo cáo "
                "về Sở Nội vụ đúng thời hạn." if len(lagging) or len(missing)
                else "Tất cả các cơ quan, đơn vị đã đạt chỉ tiêu học tập, quán triệt.")
        story.append(Paragraph(escape(text), s["body"]))
        small = s["small"]
        left = [Paragraph("<b><i>Nơi nhận:</i></b>", small.clone("noi_nhan", fontSize=12, leading=14))]
        left += [Paragraph(escape(line), small.clone("rcp", fontSize=11)) for line in (
            f"- {governing_recipient(p.governing_body) or 'UBND tỉnh'} (để báo cáo);",
            "- Ban Dân vận Tỉnh ủy;", "- Các cơ quan, đơn vị;", "- Lưu: VT.")]
        right = [Paragraph(f"<b>{escape('GIÁM ĐỐC')}</b>", s["center_bold"]), Spacer(1, 22 * mm)]
        block = Table([[left, right]], colWidths=[85 * mm, 80 * mm])
        block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story += [Spacer(1, 6 * mm), KeepTogether([block])]
        return story


@register
class ProvincePdf(Exporter):
    identifier = "province-pdf"
    scope = Scope.PROVINCE
    format = "pdf"
    family = "province"
    menu = 1
    verbose_name = _("Báo cáo tổng hợp (PDF)")

    def render(self, **kwargs: Any) -> Rendered:
        figures = _figures(kwargs)
        content = ProvinceReportPdf(figures, kwargs.get("report_date") or timezone.localdate()).render()
        return Rendered(filename(figures, "pdf"), "application/pdf", content)
