"""MỤC LỤC HỒ SƠ MINH CHỨNG: the table of contents of the evidence pack, laid out as the other
administrative documents (Nghị định 30/2020: national header, place and date, title), one row per
file of the pack — its path, what it is and what it proves — grouped by folder. Rendered last, from
the files actually written, and signed like every issued PDF."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from core.pdf import SERIF, PdfDocument, national_header, styles
from learning.models import Campaign

CONTENT_WIDTH = 165 * mm

FOLDER_TITLES = {
    "1-bao-cao": "I. BÁO CÁO KẾT QUẢ VÀ SỐ LIỆU",
    "2-diem-danh": "II. HỘI NGHỊ HỌC TẬP, QUÁN TRIỆT: DANH SÁCH ĐIỂM DANH VÀ BẢN GỐC",
    "3-ket-qua-kiem-tra": "III. KẾT QUẢ BÀI KIỂM TRA",
    "4-giay-chung-nhan": "IV. GIẤY CHỨNG NHẬN",
    "5-tu-cham-diem": "V. TỰ ĐÁNH GIÁ, CHẤM ĐIỂM",
    "6-minh-chung-khac": "VI. MINH CHỨNG DO VĂN PHÒNG GHI NHẬN",
    "7-mien-hoc": "VII. MIỄN HỌC",
    "8-chi-tieu": "VIII. TÀI LIỆU MINH CHỨNG CHỈ TIÊU",
}


@dataclass(frozen=True)
class TocLine:
    path: str
    title: str  # what the file is
    proves: str  # what it proves and which figure or criterion it supports


class EvidenceTocPdf(PdfDocument):
    title = "Mục lục hồ sơ minh chứng"

    def __init__(self, *, campaign: Campaign, as_of: dt.date, issued_on: dt.date, lines: list[TocLine],
                 signed: bool):
        self.campaign, self.as_of, self.issued_on, self.lines, self.signed = campaign, as_of, issued_on, lines, signed
        self.agency = campaign.agency
        self.s = styles()

    def story(self) -> list:
        s = self.s
        story = [
            national_header(s, governing_body=self.agency.governing_body, agency_name=self.agency.name,
                            date=self.issued_on),
            Spacer(1, 8 * mm),
            Paragraph("MỤC LỤC", s["title"]),
            Paragraph("HỒ SƠ MINH CHỨNG KẾT QUẢ HỌC TẬP, QUÁN TRIỆT", s["center_bold"]),
            Paragraph(escape(self.campaign.title), s["center_bold"]),
            Paragraph(f"<i>(Số liệu tính đến ngày {self.as_of:%d/%m/%Y})</i>", s["center"]),
            Spacer(1, 5 * mm),
            *self.preamble(),
            Spacer(1, 3 * mm),
            self.table(),
        ]
        return story

    def preamble(self) -> list:
        s = self.s
        count = len(self.lines)
        signed = ("Các tệp PDF do hệ thống lập đều được ký số (PAdES) bằng chứng thư số của cơ quan; "
                  "tệp manifest.json liệt kê mã băm SHA-256 của từng tệp và được ký số tách rời "
                  "(manifest.json.p7s).") if self.signed else (
                  "Tệp manifest.json liệt kê mã băm SHA-256 và dung lượng của từng tệp để đối chiếu.")
        return [
            Paragraph(escape(f"Hồ sơ gồm {count} tệp (không kể mục lục này và tệp manifest), sắp xếp theo các "
                             "phần dưới đây. Bản gốc do cơ quan tải lên (danh sách ký tên, biên bản, ảnh, tài "
                             "liệu) được giữ nguyên, không chuyển đổi. " + signed), s["body"]),
        ]

    def table(self) -> Table:
        s = self.s
        cell, head, center = s["cell"], s["cell_head"], s["cell_center"]
        path_style = cell.clone("toc_path", fontSize=9, leading=11)
        rows = [[Paragraph("STT", head), Paragraph("Tệp", head), Paragraph("Nội dung", head),
                 Paragraph("Chứng minh cho", head)]]
        style = [
            ("GRID", (0, 0), (-1, -1), 0.5, "black"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), SERIF),
            ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        number, folder = 0, None
        for line in self.lines:
            top = line.path.split("/", 1)[0] if "/" in line.path else ""
            if top != folder:
                folder = top
                rows.append([Paragraph(f"<b>{escape(FOLDER_TITLES.get(top, top or 'Tệp khác'))}</b>", cell), "", "", ""])
                style += [("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)),
                          ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), "#f6f6f6")]
            number += 1
            # Break long paths after each "/" and "-" so they wrap inside the cell.
            path = escape(line.path).replace("/", "/\u200b").replace("-", "-\u200b")
            rows.append([Paragraph(str(number), center), Paragraph(path, path_style),
                         Paragraph(escape(line.title), cell), Paragraph(escape(line.proves), cell)])
        table = Table(rows, colWidths=[11 * mm, 52 * mm, 46 * mm, 56 * mm], repeatRows=1)
        table.setStyle(TableStyle(style))
        return table
