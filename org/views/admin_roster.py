"""Roster upload in the Wagtail admin (HR): upload → dry-run preview or the list of problems →
confirm. The uploaded file is kept in the default storage under a random name recorded in the
session, so the confirmation applies exactly the previewed file and never client-side data
(and works behind several web processes sharing the storage)."""

from __future__ import annotations

import io

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.tables import xlsx_formulas_as_text
from core.uploads import UploadPreviewApplyView, spreadsheet_upload
from org.models import EmployeeCategory, OrgUnit
from org.selectors.access import is_hr, visible_agencies
from org.services.roster import ROSTER_COLUMNS, RosterResult, roster_import

PREVIEW_ROWS = 50
ACTION_LABELS = {
    "created": _("Thêm mới"),
    "updated": _("Cập nhật"),
    "unchanged": _("Không đổi"),
    "deactivated": _("Cho nghỉ"),
}


class RosterUploadForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=OrgUnit.objects.none(), label=_("Cơ quan"))
    file = forms.FileField(
        label=_("Tệp danh sách cán bộ"),
        help_text=_("Tệp .xlsx (trang tính đầu tiên) hoặc .csv (UTF-8), dòng đầu là tiêu đề cột."),
    )
    create_units = forms.BooleanField(
        required=False, label=_("Tạo các đơn vị chưa có trong hệ thống (đặt trực thuộc cơ quan)")
    )
    deactivate_missing = forms.BooleanField(
        required=False, label=_("Chuyển sang “nghỉ” những cán bộ đang công tác nhưng không có trong tệp")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = visible_agencies(user).order_by("name")
        self.fields["agency"].queryset = agencies
        if agencies.count() == 1:
            self.fields["agency"].initial = agencies.first()
            self.fields["agency"].widget = forms.HiddenInput()

    def clean_file(self):
        return spreadsheet_upload(self.cleaned_data["file"])


class RosterUploadView(UploadPreviewApplyView):
    page_title = _("Nạp danh sách cán bộ")
    header_icon = "upload"
    template_name = "org/admin/roster_upload.html"
    form_class = RosterUploadForm
    upload_key = "roster"

    def may_upload(self, request) -> bool:
        return is_hr(request.user)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def form_kwargs(self) -> dict:
        return {"user": self.request.user}

    def options(self, form) -> dict:
        return {"agency": form.cleaned_data["agency"].pk, "create_units": form.cleaned_data["create_units"],
                "deactivate_missing": form.cleaned_data["deactivate_missing"]}

    def run(self, *, data: bytes, filename: str, options: dict, dry_run: bool, actor=None) -> RosterResult:
        # The agency is re-read within the user's scope: a session cannot carry a foreign one.
        agency = visible_agencies(self.request.user).get(pk=options["agency"])
        return roster_import(agency=agency, table_or_file=data, filename=filename,
                             create_units=options["create_units"], deactivate_missing=options["deactivate_missing"],
                             dry_run=dry_run, actor=actor)

    def applied(self, result: RosterResult, options: dict) -> tuple[str, str]:
        summary = _("Đã nạp danh sách: thêm mới %(created)s, cập nhật %(updated)s, không đổi %(unchanged)s") % {
            "created": result.created, "updated": result.updated, "unchanged": result.unchanged}
        if options["deactivate_missing"]:
            summary += str(_(", cho nghỉ %(n)s")) % {"n": result.deactivated}
        if result.units_created:
            summary += str(_("; đơn vị mới: %(units)s")) % {"units": ", ".join(result.units_created)}
        return summary, reverse("org_employee:index")

    def preview_context(self, result: RosterResult, options: dict, data: bytes) -> dict:
        changed = result.changed_rows
        return {"preview_rows": [(ACTION_LABELS[r.action], r) for r in changed[:PREVIEW_ROWS]],
                "more_rows": max(0, len(changed) - PREVIEW_ROWS)}

    def render(self, **context):
        context["template_url"] = reverse("org_roster:template")
        return super().render(**context)


def roster_template(request):
    """A blank roster workbook: the Vietnamese headers on the first sheet, a guide on the second."""
    if not is_hr(request.user):
        raise PermissionDenied
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách"
    sheet.append([column.label for column in ROSTER_COLUMNS])
    for cell, width in zip(sheet[1], (14, 30, 30, 34, 24, 18, 18, 12, 18, 20), strict=True):
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.freeze_panes = "A2"
    guide = workbook.create_sheet("Hướng dẫn")
    guide.append(["Cột", "Bắt buộc", "Ghi chú"])
    notes = {
        "employee_code": "Mã duy nhất trong cơ quan; dùng để cập nhật ở các lần nạp sau",
        "email": "Không bắt buộc; nếu có phải đúng định dạng và không trùng",
        "unit": "Tên hoặc mã đơn vị (xem danh sách bên dưới)",
        "category": "Cán bộ, Công chức, Viên chức hoặc Người lao động",
        "start_date": "dd/mm/yyyy, yyyy-mm-dd hoặc ô ngày tháng của Excel",
        "gender": "Nam hoặc Nữ (để xưng Ông/Bà trên giấy chứng nhận)",
        "end_date": "Ngày nghỉ việc: từ ngày này không còn trong danh sách phải học",
        "moved_on": "Khi đổi Đơn vị: ngày bắt đầu ở đơn vị mới (để trống: ngày nạp)",
    }
    for column in ROSTER_COLUMNS:
        guide.append([f"{column.label} [{column.name}]", "có" if column.required else "không", notes.get(column.name, "")])
    guide.append([])
    guide.append(["Loại", "Mã"])
    for value, label in EmployeeCategory.choices:
        guide.append([str(label), value])
    guide.append([])
    guide.append(["Mã đơn vị", "Tên đơn vị"])
    for agency in visible_agencies(request.user):
        for unit in OrgUnit.objects.filter(path__startswith=agency.path).order_by("path"):
            guide.append([unit.code, "    " * (unit.depth - 1) + unit.name])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    xlsx_formulas_as_text(sheet, guide)  # unit names are HR's text: never a live formula
    guide.column_dimensions["A"].width = 34
    guide.column_dimensions["B"].width = 44
    guide.column_dimensions["C"].width = 60
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="mau-danh-sach-can-bo.xlsx"'
    return response
