"""Sign-in sheets of a study session (danh sách ký tên): the printable PDF in the Vietnamese
administrative style, and the blank xlsx/CSV to fill in and import back (`import_attendance`).

`render(session=…)`; with `attendance=True` the PDF lists each person's recorded status instead of
an empty signature box (the attendance list of the evidence pack). Rows grow to fit the longest
name, unit or title; the totals (present, late, excused, absent) and the signature blocks of the
list-maker and the chair stay with the last rows of the table, never alone on a page.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import pickle
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from core.choices import choice_label
from core.exporters import Exporter, Rendered, Scope, register, safe_cell
from core.pdf import SERIF, SERIF_BOLD, PdfDocument, TextPagedTable, national_header, styles
from learning.models import Attendance, AttendanceStatus, StudySession
from learning.selectors.sessions import session_directive_numbers, session_roster

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_HEADERS = ["Mã cán bộ", "Họ và tên", "Đơn vị", "Chức vụ", "Trạng thái", "Ghi chú"]
STATUS_CHOICES = ["Có mặt", "Đi muộn", "Vắng có lý do", "Vắng"]
# STT, Mã cán bộ, Họ và tên, Đơn vị, Chức vụ, Ký tên / Điểm danh: the 165 mm between the margins.
COLUMN_WIDTHS = [11 * mm, 19 * mm, 46 * mm, 38 * mm, 26 * mm, 25 * mm]


def _slug(session: StudySession) -> str:
    return f"hoi-nghi-{session.pk}-{session.date:%Y%m%d}"


def _time_text(session: StudySession) -> str:
    day = f"ngày {session.date:%d/%m/%Y}"
    if not session.start_time:
        return day
    start = f"{session.start_time:%H} giờ {session.start_time:%M}"
    end = f" đến {session.end_time:%H} giờ {session.end_time:%M}" if session.end_time else ""
    return f"Từ {start}{end}, {day}"


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class SigninSheet:
    """What a sheet shows, read from the database once: plain values, so rendering needs no query
    and can run in another process (the evidence pack renders its sheets in parallel)."""

    title: str
    governing_body: str
    agency_name: str
    date: dt.date
    facts: tuple[tuple[str, str], ...]
    rows: tuple[tuple[int, str, str, str, str], ...]  # pk, code, name, unit, position
    statuses: dict[int, str]  # pk → attendance status (with_attendance only)
    with_attendance: bool


def signin_sheet_data(session: StudySession, *, with_attendance: bool = False) -> SigninSheet:
    directives = session_directive_numbers(session)
    facts = [
        ("Thời gian", _time_text(session)),
        ("Địa điểm", session.location or session.online_url or "…………………………"),
        ("Nội dung", f"Học tập, quán triệt {directives}"),
    ]
    if session.presenter:
        facts.append(("Báo cáo viên", session.presenter))
    statuses: dict[int, str] = {}
    if with_attendance:
        statuses = dict(Attendance.objects.filter(session=session).values_list("employee_id", "status"))
    rows = tuple((p.pk, p.employee_code, p.full_name, p.unit.name, p.position) for p in session_roster(session))
    agency = session.campaign.agency
    return SigninSheet(title=session.title, governing_body=agency.governing_body, agency_name=agency.name,
                       date=session.date, facts=tuple(facts), rows=rows, statuses=statuses,
                       with_attendance=with_attendance)


def signin_sheet_pdf(sheet: SigninSheet) -> bytes:
    """The PDF of a sheet (no database access: safe in a worker process)."""
    return SigninSheetDocument(sheet).render()


def signin_sheet_pdf_file(data_path: str) -> str:
    """Render the sheet pickled at `data_path` (written by this program: `signin_sheet_data`) to a
    PDF beside it; its path. Files, not arguments, keep the caller's memory flat: a process pool
    holds every queued argument until its task ends."""
    source = Path(data_path)
    sheet = pickle.loads(source.read_bytes())  # noqa: S301 (our own file, in our scratch folder)
    source.unlink()
    target = source.with_suffix(".pdf")
    target.write_bytes(signin_sheet_pdf(sheet))
    return str(target)


class SigninSheetDocument(PdfDocument):
    """A4 portrait; the table header row repeats on every page."""

    def __init__(self, sheet: SigninSheet):
        self.sheet = sheet
        self.with_attendance = sheet.with_attendance
        self.title = f"Danh sách ký tên — {sheet.title}"
        self.st = styles()

    def _header(self) -> Table:
        return national_header(self.st, governing_body=self.sheet.governing_body, agency_name=self.sheet.agency_name,
                               date=self.sheet.date)

    def _facts(self) -> list:
        return [Paragraph(f"<b>{label}:</b> {_esc(value)}", self.st["plain"]) for label, value in self.sheet.facts]

    def _table(self) -> TextPagedTable:
        st = self.st
        roster = self.sheet.rows
        statuses = self.sheet.statuses
        last = "Điểm danh" if self.with_attendance else "Ký tên"
        header = [Paragraph(h, st["cell_head"]) for h in ("STT", "Mã cán bộ", "Họ và tên", "Đơn vị", "Chức vụ", last)]
        code_style = st["cell"].clone("signin_code", fontSize=9.5, leading=11.5)
        labels = {value: str(choice_label(AttendanceStatus, value)) for value in AttendanceStatus.values}
        rows = [(str(number), code, name, unit, position, labels.get(status, status) if status else "")
                for number, (pk, code, name, unit, position) in enumerate(roster, start=1)
                for status in (statuses.get(pk),)]
        self.count = len(roster)
        self.counts = {value: sum(1 for row in roster if statuses.get(row[0]) == value)
                       for value in AttendanceStatus.values}
        self.counts["unmarked"] = sum(1 for row in roster if row[0] not in statuses)
        # Thousands of rows at province scale: TextPagedTable keeps the page breaks linear and draws
        # the plain-text cells itself (a Paragraph per cell was the whole cost of the evidence pack).
        # Rows grow with their longest cell (a long name, unit or title wraps inside it); the totals
        # and the two signature blocks stay with the last rows.
        columns = [st["cell_center"], code_style, st["cell"], st["cell"], st["cell"], st["cell_center"]]
        return TextPagedTable(header, rows, column_styles=columns, col_widths=COLUMN_WIDTHS, row_height=9 * mm,
                              grow=True, tail=self._closing(), style=[
                                  ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                                  ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                  ("FONTNAME", (0, 0), (-1, -1), SERIF),
                                  ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 3),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                              ])

    def _totals(self) -> Paragraph:
        st = self.st
        labels = [("present", "Có mặt"), ("late", "Đi muộn"), ("excused", "Vắng có lý do"),
                  ("absent", "Vắng không lý do")]
        if self.with_attendance:
            parts = [f"{label}: <b>{self.counts[key]}</b>" for key, label in labels]
            if self.counts["unmarked"]:
                parts.append(f"Chưa điểm danh: <b>{self.counts['unmarked']}</b>")
        else:  # a blank sheet: the list-maker counts at the end of the session
            parts = [f"{label}: ………" for _, label in labels]
        return Paragraph(f"Tổng số: <b>{self.count}</b> người. " + "; ".join(parts) + ".", st["plain"])

    def _closing(self) -> list:
        st = self.st
        hint = Paragraph("<i>(Ký, ghi rõ họ tên)</i>", st["center"])
        signers = Table(
            [[Paragraph("<b>NGƯỜI LẬP DANH SÁCH</b>", st["center"]), Paragraph("<b>CHỦ TRÌ HỘI NGHỊ</b>", st["center"])],
             [hint, hint],
             ["", ""]],
            colWidths=[82.5 * mm, 82.5 * mm], rowHeights=[None, None, 22 * mm],
        )
        signers.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SERIF_BOLD), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                     ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return [Spacer(1, 3 * mm), self._totals(), Spacer(1, 5 * mm), signers]

    def story(self) -> list:
        st = self.st
        title_sub = "DANH SÁCH ĐIỂM DANH" if self.with_attendance else "DANH SÁCH KÝ TÊN"
        return [
            self._header(),
            Spacer(1, 5 * mm),
            Paragraph(title_sub, st["title"]),
            Paragraph("Cán bộ, công chức, viên chức và người lao động tham dự", st["center_bold"]),
            Paragraph(_esc(self.sheet.title), st["center_bold"]),
            Spacer(1, 4 * mm),
            *self._facts(),
            Spacer(1, 4 * mm),
            self._table(),
        ]


@register
class SigninSheetPdf(Exporter):
    identifier = "session-signin-sheet"
    scope = Scope.SESSION
    format = "pdf"
    menu = 1
    verbose_name = _("Danh sách ký tên hội nghị (PDF)")

    def render(self, *, session: StudySession, attendance: bool = False, **kwargs) -> Rendered:
        content = signin_sheet_pdf(signin_sheet_data(session, with_attendance=attendance))
        suffix = "diem-danh" if attendance else "ky-ten"
        return Rendered(f"{_slug(session)}-{suffix}.pdf", "application/pdf", content)


@register
class AttendanceListPdf(SigninSheetPdf):
    """The sign-in sheet with each person's attendance filled in (after the session)."""

    identifier = "session-attendance-list"
    verbose_name = _("Danh sách điểm danh hội nghị (PDF)")
    menu = 2

    def render(self, *, session: StudySession, **kwargs) -> Rendered:
        return super().render(session=session, attendance=True)


def _sheet_rows(session: StudySession) -> list[list[str]]:
    return [[p.employee_code, p.full_name, p.unit.name, p.position, "", ""] for p in session_roster(session)]


@register
class AttendanceSheetXlsx(Exporter):
    identifier = "session-attendance-sheet-xlsx"
    scope = Scope.SESSION
    format = "xlsx"
    family = "session-attendance-sheet"
    menu = 3
    verbose_name = _("Mẫu nhập điểm danh hội nghị (.xlsx)")

    def render(self, *, session: StudySession, **kwargs) -> Rendered:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.worksheet.datavalidation import DataValidation

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Điểm danh"
        sheet.append(SHEET_HEADERS)
        rows = _sheet_rows(session)
        for row in rows:
            sheet.append([safe_cell(v) for v in row])
        for cell, width in zip(sheet[1], (14, 30, 34, 24, 18, 30), strict=True):
            cell.font = Font(bold=True)
            sheet.column_dimensions[cell.column_letter].width = width
        sheet.freeze_panes = "A2"
        choice = DataValidation(type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"', allow_blank=False,
                                showErrorMessage=True, errorTitle="Trạng thái",
                                error="Chọn: " + ", ".join(STATUS_CHOICES))
        sheet.add_data_validation(choice)
        choice.add(f"E2:E{max(2, len(rows) + 1)}")
        buffer = io.BytesIO()
        workbook.save(buffer)
        return Rendered(f"{_slug(session)}-mau-diem-danh.xlsx", XLSX, buffer.getvalue())


@register
class AttendanceSheetCsv(Exporter):
    identifier = "session-attendance-sheet-csv"
    scope = Scope.SESSION
    format = "csv"
    family = "session-attendance-sheet"
    menu = 4
    verbose_name = _("Mẫu nhập điểm danh hội nghị (.csv)")

    def render(self, *, session: StudySession, **kwargs) -> Rendered:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(SHEET_HEADERS)
        for row in _sheet_rows(session):
            writer.writerow([safe_cell(v) for v in row])
        return Rendered(f"{_slug(session)}-mau-diem-danh.csv", "text/csv", ("\ufeff" + buffer.getvalue()).encode())
