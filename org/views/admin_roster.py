"""Roster upload in the Wagtail admin (HR): upload → dry-run preview or the list of problems →
confirm. The uploaded file is kept in the default storage under a random name recorded in the
session, so the confirmation applies exactly the previewed file and never client-side data
(and works behind several web processes sharing the storage)."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.errors import ImportRefused
from org.models import EmployeeCategory, OrgUnit
from org.selectors.access import is_hr, visible_agencies
from org.services.roster import ROSTER_COLUMNS, RosterResult, roster_import

SESSION_KEY = "learning_roster_upload"
UPLOAD_DIR = "roster-uploads"
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
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in {".xlsx", ".csv"}:
            raise forms.ValidationError(_("Chỉ nhận tệp .xlsx hoặc .csv."))
        if upload.size > settings.IMPORT_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn."))
        return upload


def _pending(request) -> dict | None:
    return request.session.get(SESSION_KEY)


def _discard(request) -> None:
    pending = request.session.pop(SESSION_KEY, None)
    if pending and default_storage.exists(pending["path"]):
        default_storage.delete(pending["path"])


def _purge_stale(max_age=dt.timedelta(days=1)) -> None:
    """Uploads previewed but never confirmed nor cancelled: removed after a day."""
    try:
        _dirs, files = default_storage.listdir(UPLOAD_DIR)
    except (FileNotFoundError, NotImplementedError):
        return
    cutoff = timezone.now() - max_age
    for name in files:
        path = f"{UPLOAD_DIR}/{name}"
        try:
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
        except (FileNotFoundError, NotImplementedError):
            continue


def _run(pending: dict, *, dry_run: bool, actor=None) -> RosterResult:
    agency = OrgUnit.objects.get(pk=pending["agency"])
    with default_storage.open(pending["path"], "rb") as stored:
        data = stored.read()
    return roster_import(
        agency=agency,
        table_or_file=data,
        filename=pending["filename"],
        create_units=pending["create_units"],
        deactivate_missing=pending["deactivate_missing"],
        dry_run=dry_run,
        actor=actor,
    )


class RosterUploadView(WagtailAdminTemplateMixin, View):
    page_title = _("Nạp danh sách cán bộ")
    header_icon = "upload"
    template_name = "org/admin/roster_upload.html"

    def dispatch(self, request, *args, **kwargs):
        if not is_hr(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request):
        _discard(request)
        return self.render(form=RosterUploadForm(user=request.user))

    def post(self, request):
        if request.POST.get("action") == "apply":
            return self.apply(request)
        form = RosterUploadForm(request.POST, request.FILES, user=request.user)
        if not form.is_valid():
            return self.render(form=form)
        _discard(request)
        _purge_stale()
        upload = form.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        path = default_storage.save(f"{UPLOAD_DIR}/{uuid.uuid4().hex}{suffix}", ContentFile(upload.read()))
        pending = {
            "token": uuid.uuid4().hex,
            "path": path,
            "filename": upload.name,
            "agency": form.cleaned_data["agency"].pk,
            "create_units": form.cleaned_data["create_units"],
            "deactivate_missing": form.cleaned_data["deactivate_missing"],
        }
        request.session[SESSION_KEY] = pending
        try:
            result = _run(pending, dry_run=True)
        except ImportRefused as refused:
            _discard(request)
            return self.render(form=RosterUploadForm(user=request.user), problems=refused.problems,
                               filename=upload.name)
        return self.render(result=result, pending=pending)

    def apply(self, request):
        pending = _pending(request)
        if not pending or request.POST.get("token") != pending["token"]:
            messages.error(request, _("Phiên nạp danh sách đã hết hạn hoặc đã được áp dụng. Hãy tải tệp lên lại."))
            return redirect("org_roster:upload")
        try:
            result = _run(pending, dry_run=False, actor=request.user)
        except ImportRefused as refused:
            # The roster changed since the preview (another import, an edit): show why, keep nothing.
            _discard(request)
            return self.render(form=RosterUploadForm(user=request.user), problems=refused.problems,
                               filename=pending["filename"])
        _discard(request)
        summary = _("Đã nạp danh sách: thêm mới %(created)s, cập nhật %(updated)s, không đổi %(unchanged)s") % {
            "created": result.created, "updated": result.updated, "unchanged": result.unchanged}
        if pending["deactivate_missing"]:
            summary += str(_(", cho nghỉ %(n)s")) % {"n": result.deactivated}
        if result.units_created:
            summary += str(_("; đơn vị mới: %(units)s")) % {"units": ", ".join(result.units_created)}
        messages.success(request, summary)
        return redirect("org_employee:index")

    def render(self, **context):
        result = context.get("result")
        if result is not None:
            changed = result.changed_rows
            context["preview_rows"] = [(ACTION_LABELS[r.action], r) for r in changed[:PREVIEW_ROWS]]
            context["more_rows"] = max(0, len(changed) - PREVIEW_ROWS)
        context["template_url"] = reverse("org_roster:template")
        return self.render_to_response(self.get_context_data(**context))


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
    for cell, width in zip(sheet[1], (14, 30, 30, 34, 24, 18, 18), strict=True):
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
