"""BÁO CÁO kết quả học tập, quán triệt — laid out as Nghị định 30/2020/NĐ-CP (Phụ lục I):
header block, "Số: …/BC-…", place and date line, title and subject, body with the figures and
tables (by unit, by requirement), a chart of completion by unit, "Nơi nhận" and the signer."""

from __future__ import annotations

import datetime as dt
import functools
import io
from xml.sax.saxutils import escape

import pandas as pd
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, Paragraph, Spacer, Table, TableStyle

from core.pdf import PdfDocument, closing_block, national_header, styles
from learning.models import Campaign
from learning.selectors.summaries import Summary, TableFigures
from learning.statuses import PEOPLE_RATE, ROWS_RATE, ComplianceStatus
from org.models import OrgUnit
from reports.exporters.annual_report import block_table
from reports.models.annual_report import DEFAULT_RECIPIENTS
from reports.selectors.documents import agency_signer
from reports.services.annual_report import units_block

from .compliance_labels import TARGET_PERCENT

CONTENT_WIDTH = 165 * mm  # A4 (210) minus 30 left and 15 right margins
MAX_CHART_BARS = 40  # what fits on one page at a legible size


def _pct(value) -> str:
    return "—" if value is None or pd.isna(value) else f"{value:.1f}".replace(".", ",")


def completion_chart(units: pd.DataFrame, *, width_mm: float = 165) -> Image:
    """Horizontal bars of the % of people who completed everything, per unit, with the 100% target."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    units = units.head(MAX_CHART_BARS)
    names = list(units["unit"])[::-1]
    values = [0.0 if pd.isna(v) else float(v) for v in units["people_rate"]][::-1]
    height = max(1.6, 0.32 * len(names) + 0.9)
    fig, ax = plt.subplots(figsize=(width_mm / 25.4, height), dpi=150)
    try:
        plt.rcParams["font.family"] = "DejaVu Sans"  # ships with matplotlib; full Vietnamese coverage
        bar_colors = ["#2e7d32" if v >= TARGET_PERCENT else "#c62828" if v < 50 else "#f9a825" for v in values]
        ax.barh(range(len(names)), values, color=bar_colors, height=0.6)
        ax.set_yticks(range(len(names)), [n if len(n) <= 48 else n[:46] + "…" for n in names], fontsize=7)
        ax.set_xlim(0, 105)
        ax.axvline(TARGET_PERCENT, color="#1b5e20", linestyle="--", linewidth=0.8)
        ax.set_xlabel(f"{PEOPLE_RATE} (%) — chỉ tiêu 100%", fontsize=7)
        ax.tick_params(axis="x", labelsize=7)
        for index, value in enumerate(values):
            ax.text(min(value + 1, 96), index, _pct(value), va="center", fontsize=6.5)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", metadata={"Software": None})
    finally:
        plt.close(fig)
    buffer.seek(0)
    return Image(buffer, width=width_mm * mm, height=height * 25.4 * mm)


def _grid(rows: list[list], widths: list[float], *, header_rows: int = 1, total_row: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=header_rows)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#eeeeee")),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    table.setStyle(TableStyle(commands))
    return table


class ComplianceReportPdf(PdfDocument):
    def __init__(self, *, campaign: Campaign, as_of: dt.date, unit: OrgUnit | None, figures: TableFigures,
                 report_date: dt.date, signer_title: str = ""):
        """`figures`: `report_figures` of the table (added up slice by slice: the table is not here)."""
        self.campaign = campaign
        self.agency = campaign.agency
        self.as_of = as_of
        self.unit = unit
        self.figures = figures
        self.report_date = report_date
        self.signer_title = signer_title
        self.s = styles()
        self.title = f"Báo cáo kết quả học tập, quán triệt — {campaign.title}"

    @functools.cached_property
    def departments(self) -> pd.DataFrame:
        """Figures per department (its teams included), computed once."""
        return self.figures.departments()

    # --- blocks ---------------------------------------------------------------------------

    def header_block(self) -> list:
        return [national_header(self.s, governing_body=self.agency.governing_body, agency_name=self.agency.name,
                                number=f"      /BC-{self.agency.code}", date=self.report_date)]

    def title_block(self) -> list:
        s = self.s
        scope = f" của {self.unit.name}" if self.unit is not None else ""
        title = self.campaign.title
        subject = f"Kết quả thực hiện {title[:1].lower()}{title[1:]}{scope} (tính đến ngày {self.as_of:%d/%m/%Y})"
        return [Spacer(1, 8 * mm), Paragraph("BÁO CÁO", s["title"]),
                Paragraph(f"<b>{escape(subject)}</b>", s["center_bold"]), Spacer(1, 1 * mm),
                Paragraph("<para>" + "_" * 14 + "</para>", s["center"]), Spacer(1, 4 * mm)]

    def general_section(self, overall: Summary) -> list:
        s = self.s
        c = self.campaign
        reached = overall.people_rate is not None and overall.people_rate >= TARGET_PERCENT
        lines = [
            f"Thực hiện {c.title[:1].lower()}{c.title[1:]} (thời gian thực hiện từ ngày {c.start:%d/%m/%Y} "
            f"đến ngày {c.due:%d/%m/%Y}), {self.agency.name} báo cáo kết quả học tập, quán triệt tính đến "
            f"ngày {self.as_of:%d/%m/%Y} như sau:",
        ]
        body = [Paragraph(escape(line), s["body"]) for line in lines]
        body.append(Paragraph("I. KẾT QUẢ CHUNG", s["heading"]))
        figures = [
            f"Tổng số cán bộ, công chức, viên chức, người lao động thuộc đối tượng học tập: {overall.people} "
            f"người; trong đó miễn học (nghỉ thai sản, ốm dài ngày, biệt phái…): {overall.exempt_people} người; "
            f"phải học: {overall.counted_people} người.",
            f"Số người đã học tập, quán triệt đầy đủ tất cả {len(self.figures.group('requirement'))} văn bản: "
            f"{overall.done_people}/{overall.counted_people} người; {str(PEOPLE_RATE).lower()}: "
            f"{_pct(overall.people_rate)}% (chỉ tiêu: {TARGET_PERCENT:.0f}%).",
            f"Theo từng lượt người × văn bản: hoàn thành đúng hạn {overall.completed}, hoàn thành muộn "
            f"{overall.completed_late}, {str(ComplianceStatus.PENDING.label).lower()} {overall.pending}, "
            f"quá hạn {overall.overdue}; {str(ROWS_RATE).lower()}: {_pct(overall.rows_rate)}%.",
            "Kết quả: " + ("đạt chỉ tiêu 100% cán bộ, công chức, viên chức được học tập, quán triệt." if reached
                           else "chưa đạt chỉ tiêu 100% cán bộ, công chức, viên chức được học tập, quán triệt."),
        ]
        body += [Paragraph(escape("- " + line), s["body"]) for line in figures]
        return body

    def unit_section(self, units: pd.DataFrame) -> list:
        s = self.s
        # departments in organisational order with their teams folded under them (the annual
        # report's table), not every team as a unit of its own in alphabetical order
        table = block_table(units_block(self.figures, self.agency), s)
        many = len(units) > MAX_CHART_BARS  # chart the departments (sub-units included) instead
        charted = self.departments if many else units
        return [Paragraph("II. KẾT QUẢ THEO ĐƠN VỊ", s["heading"]), *table,
                KeepTogether([completion_chart(charted),
                              Paragraph("<i>Biểu đồ: tỷ lệ cán bộ hoàn thành tất cả văn bản theo đơn vị"
                                        + (" (phòng, đơn vị trực thuộc, gồm cả các tổ)" if many else "") + "</i>",
                                        s["center_italic"].clone("cap", fontSize=11, leading=13))])]

    def requirement_section(self, requirements: pd.DataFrame) -> list:
        s = self.s
        head = ["STT", "Văn bản", "Đúng hạn", "Muộn", str(ComplianceStatus.PENDING.label), "Quá hạn", "Miễn học",
                f"{ROWS_RATE} (%)"]
        rows = [[Paragraph(h, s["cell_head"]) for h in head]]
        for number, r in enumerate(requirements.itertuples(index=False), start=1):
            rows.append([Paragraph(str(v), s["cell_center"]) for v in (
                number, escape(str(r.requirement)), r.completed, r.completed_late, r.pending, r.overdue, r.exempt,
                _pct(r.rows_rate))])
        table = _grid(rows, [12 * mm, 33 * mm, 18 * mm, 17 * mm, 24 * mm, 18 * mm, 18 * mm, 25 * mm])
        return [Paragraph("III. KẾT QUẢ THEO VĂN BẢN", s["heading"]), table]

    def assessment_section(self, overall: Summary) -> list:
        """What stands, addressed to the reader above the agency: no instruction to the agency's
        own units (a report to the province gives none)."""
        s = self.s
        departments = self.departments
        lagging = departments[departments["people_rate"].fillna(0) < TARGET_PERCENT].sort_values("people_rate")
        body = [Paragraph("IV. ĐÁNH GIÁ", s["heading"])]
        if overall.counted_people and lagging.empty:
            text = "Tất cả các đơn vị đã hoàn thành chỉ tiêu học tập, quán triệt."
        elif overall.counted_people:
            names = "; ".join(f"{u.unit} ({_pct(u.people_rate)}%)" for u in lagging.head(5).itertuples())
            if len(lagging) > 5:
                names += f" và {len(lagging) - 5} đơn vị khác"
            missing = overall.counted_people - overall.done_people
            text = (f"Còn {missing} người chưa học tập, quán triệt đầy đủ; các phòng, đơn vị chưa đạt chỉ tiêu: "
                    f"{names}.")
        else:
            text = "Chưa có cán bộ thuộc đối tượng học tập."
        body.append(Paragraph(escape(text), s["body"]))
        return body

    def closing_block(self) -> list:
        signer = agency_signer(self.agency)
        block = closing_block(self.s, recipients=[DEFAULT_RECIPIENTS, "Ban Giám đốc Sở"], archive=f"VT, {self._archive_unit()}",
                              signer_title=self.signer_title or signer.title, signer_name=signer.name)
        return [Spacer(1, 6 * mm), KeepTogether([block])]

    def _archive_unit(self) -> str:
        # "Lưu: VT, <the unit that drafted it>": the training office sits in the Văn phòng.
        office = OrgUnit.objects.filter(path__startswith=self.agency.path, depth=2, name__icontains="văn phòng").first()
        return office.code if office else "VP"

    # --- the document ---------------------------------------------------------------------

    def story(self) -> list:
        overall = self.figures.overall
        units = self.figures.group("unit_id", "unit")
        requirements = self.figures.group("requirement")
        return [
            *self.header_block(),
            *self.title_block(),
            *self.general_section(overall),
            *self.unit_section(units),
            *self.requirement_section(requirements),
            *self.assessment_section(overall),
            *self.closing_block(),
        ]
