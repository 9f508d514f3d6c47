"""Lists of a campaign for the evidence pack: the exemptions with their reasons (danh sách miễn học)
and the manual evidence records (minh chứng do Văn phòng ghi nhận) with the name of each proof file.
Not in a download menu (the admin screens list them); the evidence pack renders them."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.exporters import Exporter, Rendered, Scope, neutralise_code, register, safe_cell
from learning.models import Campaign, Exemption, ManualEvidence
from learning.selectors.audience import campaign_audience

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _workbook(title: str, subtitle: str, headers: list[str], rows: Iterable[list], widths: list[int]) -> bytes:
    """A titled list, written row by row (XlsxWriter's constant memory): a list of 100,000 manual
    records held as openpyxl cells took ≈ 2 GiB, the evidence pack's peak."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"constant_memory": True})
    sheet = workbook.add_worksheet(title[:31])
    cell = workbook.add_format({"text_wrap": True, "valign": "top"})
    bold = workbook.add_format({"bold": True})
    sheet.write_string(0, 0, title.upper(), workbook.add_format({"bold": True, "font_size": 13}))
    sheet.write_string(1, 0, subtitle)
    for column, (header, width) in enumerate(zip(headers, widths, strict=True)):
        sheet.set_column(column, column, width)
        sheet.write_string(3, column, header, bold)
    sheet.freeze_panes(4, 0)
    for number, row in enumerate(rows, start=4):
        for column, value in enumerate(row):
            if isinstance(value, str):
                sheet.write_string(number, column, safe_cell(value), cell)  # text, never a formula
            elif value is None:
                sheet.write_blank(number, column, None, cell)
            else:
                sheet.write(number, column, value, cell)
    workbook.close()
    return buffer.getvalue()


def campaign_exemptions(campaign: Campaign):
    return (Exemption.objects.filter(campaign=campaign)
            .select_related("employee__unit", "created_by").order_by("employee__employee_code"))


def campaign_manual_evidence(campaign: Campaign, as_of: dt.date):
    """Manual records that can count for the campaign: people of its audience, its directives,
    dated from its start to `as_of` (the window of the status rule)."""
    directive_ids = campaign.requirements.values_list("directive_id", flat=True)
    return (ManualEvidence.objects.filter(employee__in=campaign_audience(campaign=campaign, as_of=as_of),
                                          directive_id__in=directive_ids, date__gte=campaign.start, date__lte=as_of)
            .select_related("employee__unit", "directive", "recorded_by").order_by("employee__employee_code", "date", "pk"))


def manual_evidence_file_name(evidence: ManualEvidence) -> str:
    """The proof's name in the pack: the record's number first, so the list points at it."""
    from pathlib import PurePosixPath

    return f"{evidence.pk}-{PurePosixPath(evidence.proof.name).name}"


@register
class ExemptionsXlsx(Exporter):
    identifier = "campaign-exemptions-xlsx"
    scope = Scope.CAMPAIGN
    format = "xlsx"
    verbose_name = _("Danh sách miễn học (.xlsx)")

    def render(self, *, campaign: Campaign, **kwargs) -> Rendered:
        rows = ([neutralise_code(e.employee.employee_code), e.employee.full_name, e.employee.unit.name,
                 e.reason, f"{timezone.localtime(e.created_at):%d/%m/%Y}",
                 (e.created_by.get_full_name() or e.created_by.get_username()) if e.created_by else ""]
                for e in campaign_exemptions(campaign).iterator(chunk_size=2000))
        content = _workbook("Danh sách miễn học", campaign.title,
                            ["Mã cán bộ", "Họ và tên", "Đơn vị", "Lý do miễn học", "Ngày ghi nhận", "Người ghi nhận"],
                            rows, [14, 28, 30, 50, 14, 24])
        return Rendered(f"mien-hoc-{campaign.slug}.xlsx", XLSX, content)


@register
class ManualEvidenceXlsx(Exporter):
    identifier = "campaign-manual-evidence-xlsx"
    scope = Scope.CAMPAIGN
    format = "xlsx"
    verbose_name = _("Danh sách minh chứng do Văn phòng ghi nhận (.xlsx)")

    def render(self, *, campaign: Campaign, as_of: dt.date, **kwargs) -> Rendered:
        rows = ([e.pk, neutralise_code(e.employee.employee_code), e.employee.full_name, e.employee.unit.name,
                 e.directive.number, f"{e.date:%d/%m/%Y}", e.note,
                 manual_evidence_file_name(e) if e.proof else "",
                 (e.recorded_by.get_full_name() or e.recorded_by.get_username()) if e.recorded_by else ""]
                for e in campaign_manual_evidence(campaign, as_of).iterator(chunk_size=2000))
        content = _workbook("Minh chứng do Văn phòng ghi nhận", f"{campaign.title} — tính đến ngày {as_of:%d/%m/%Y}",
                            ["Số", "Mã cán bộ", "Họ và tên", "Đơn vị", "Văn bản", "Ngày học", "Ghi chú",
                             "Tệp minh chứng", "Người ghi nhận"],
                            rows, [7, 14, 28, 28, 16, 12, 40, 40, 22])
        return Rendered(f"minh-chung-thu-cong-{campaign.slug}.xlsx", XLSX, content)
