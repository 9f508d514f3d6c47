"""The certificate register (sổ cấp giấy chứng nhận) as an xlsx, one of the shared exporters,
so the evidence pack and the admin register download the same file."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pandas as pd
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from certificates.codes import format_code
from certificates.models import Certificate, CertificateStatus
from core.exporters import Exporter, Rendered, Scope, register, safe_cell
from learning.models import Campaign
from org.models import OrgUnit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET = "Sổ cấp GCN"
HEADER_ROW = 4
COLUMNS = {
    "STT": 6,
    "Số hiệu": 18,
    "Ngày cấp": 12,
    "Họ và tên": 28,
    "Mã cán bộ": 12,
    "Đơn vị": 30,
    "Nội dung chứng nhận": 50,
    "Mã xác thực": 27,
    "Trạng thái": 14,
    "Ngày thu hồi": 13,
    "Lý do thu hồi": 30,
}
THIN = Side(style="thin", color="808080")


def register_frame(certificates: QuerySet[Certificate], as_of: dt.date | None = None) -> pd.DataFrame:
    """One row per certificate, in serial order; as of a date, later issues are left out and a
    later revocation does not show yet."""
    if as_of is not None:
        certificates = certificates.filter(issued_on__lte=as_of)
    rows = certificates.order_by("serial_year", "serial_number").values_list(
        "serial", "issued_on", "holder_name", "employee__employee_code", "employee__unit__name", "wording", "title",
        "code", "status", "revoked_at", "revoked_reason",
    )
    records = []
    for number, (serial, issued_on, name, code, unit, wording, title, vcode, status, revoked_at, reason) in enumerate(
        rows, start=1
    ):
        revoked_on = timezone.localtime(revoked_at).date() if revoked_at else None
        if as_of is not None and revoked_on and revoked_on > as_of:
            status, revoked_on, reason = CertificateStatus.VALID, None, ""
        records.append([
            number, serial, issued_on.strftime("%d/%m/%Y"), safe_cell(name), safe_cell(code), safe_cell(unit),
            safe_cell(f"{wording} {title}".strip()), format_code(vcode), str(CertificateStatus(status).label),
            revoked_on.strftime("%d/%m/%Y") if revoked_on else "", safe_cell(reason),
        ])
    return pd.DataFrame(records, columns=list(COLUMNS))


def register_xlsx(frame: pd.DataFrame, *, heading: str, subheading: str) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=SHEET, index=False, startrow=HEADER_ROW - 1)
        sheet = writer.sheets[SHEET]
        sheet["A1"] = heading
        sheet["A1"].font = Font(bold=True, size=14)
        sheet["A2"] = subheading
        sheet["A2"].font = Font(italic=True)
        for index, width in enumerate(COLUMNS.values(), start=1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = width
            head = sheet.cell(row=HEADER_ROW, column=index)
            head.font = Font(bold=True)
            head.fill = PatternFill("solid", fgColor="D9E1F2")
            head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for row in sheet.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW + len(frame), max_col=len(COLUMNS)):
            for cell in row:
                cell.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
                if cell.row > HEADER_ROW:
                    cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
        sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return buffer.getvalue()


@register
class CertificateRegisterXlsx(Exporter):
    identifier = "certificate-register"
    scope = Scope.CAMPAIGN
    format = "xlsx"
    menu = 4
    hr_only = True
    verbose_name = _("Sổ cấp giấy chứng nhận (Excel)")

    def render(self, *, campaign: Campaign | None = None, agency: OrgUnit | None = None, as_of: dt.date | None = None,
               queryset: QuerySet[Certificate] | None = None, **_: Any) -> Rendered:
        certificates = queryset if queryset is not None else Certificate.objects.all()
        if campaign is not None:
            certificates = certificates.filter(campaign=campaign)
        if agency is not None:
            certificates = certificates.filter(agency=agency)
        frame = register_frame(certificates, as_of=as_of)
        scope = campaign.title if campaign is not None else (agency.name if agency is not None else "")
        stamp = f"tính đến ngày {as_of:%d/%m/%Y}" if as_of else f"lập ngày {timezone.localdate():%d/%m/%Y}"
        content = register_xlsx(frame, heading="SỔ CẤP GIẤY CHỨNG NHẬN", subheading=f"{scope} — {stamp}".strip(" —"))
        name = f"so-cap-giay-chung-nhan-{campaign.slug}.xlsx" if campaign is not None else "so-cap-giay-chung-nhan.xlsx"
        return Rendered(name, XLSX, content)
