"""HR screens of one study session in the Wagtail admin: the roster grid with one-click statuses
(a POST per click, so it works without JavaScript), "mark all remaining absent", the sign-in sheet
upload (preview, then confirm), the refused-scan log, and the sheet downloads."""

from __future__ import annotations

import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core import exporters
from core.errors import DomainError, ImportRefused
from learning.models import AttendanceStatus, StudySession
from learning.selectors.sessions import (
    can_manage_session,
    refused_checkins,
    session_counts,
    session_roster,
    session_roster_lines,
)
from learning.services.attendance import (
    AttendanceImportResult,
    attendance_import,
    attendance_mark_remaining_absent,
    attendance_record,
)
from learning.services.checkin import checkin_window
from org.models import Employee

UPLOAD_DIR = "attendance-uploads"
SESSION_KEY = "learning_attendance_upload"
STATUS_BUTTONS = [
    (AttendanceStatus.PRESENT, _("Có mặt")),
    (AttendanceStatus.LATE, _("Đi muộn")),
    (AttendanceStatus.EXCUSED, _("Vắng có lý do")),
    (AttendanceStatus.ABSENT, _("Vắng")),
]
DOWNLOADS = {
    "ky-ten.pdf": ("session-signin-sheet", {}),
    "diem-danh.pdf": ("session-signin-sheet", {"attendance": True}),
    "mau.xlsx": ("session-attendance-sheet-xlsx", {}),
    "mau.csv": ("session-attendance-sheet-csv", {}),
}


class SessionMixin(WagtailAdminTemplateMixin):
    """Loads the session from the URL; only HR of its agency (or a superuser) gets further."""

    header_icon = "calendar-alt"

    def dispatch(self, request, *args, pk: int, **kwargs):
        self.session = get_object_or_404(StudySession.objects.select_related("campaign__agency"), pk=pk)
        if not can_manage_session(request.user, self.session):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.session)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("learning_studysession:index"), "label": _("Hội nghị học tập")},
            {"url": reverse("learning_studysession:attendance", args=[self.session.pk]), "label": str(self.session)},
            {"url": "", "label": self.page_title},
        ]

    def session_links(self) -> dict:
        pk = self.session.pk
        return {
            "attendance_url": reverse("learning_studysession:attendance", args=[pk]),
            "import_url": reverse("learning_studysession:import", args=[pk]),
            "log_url": reverse("learning_studysession:checkins", args=[pk]),
            "edit_url": reverse("learning_studysession:edit", args=[pk]),
            "projector_url": reverse("session_projector", args=[pk]),
            "sheet_pdf_url": reverse("learning_studysession:download", args=[pk, "ky-ten.pdf"]),
            "list_pdf_url": reverse("learning_studysession:download", args=[pk, "diem-danh.pdf"]),
            "xlsx_url": reverse("learning_studysession:download", args=[pk, "mau.xlsx"]),
            "csv_url": reverse("learning_studysession:download", args=[pk, "mau.csv"]),
        }

    def render(self, **context):
        context.update(session=self.session, **self.session_links())
        return self.render_to_response(self.get_context_data(**context))


class AttendanceGridView(SessionMixin, View):
    page_title = _("Điểm danh")
    template_name = "learning/admin/session_attendance.html"

    def get(self, request):
        opens, closes = checkin_window(self.session)
        lines = session_roster_lines(self.session)
        return self.render(lines=lines, counts=session_counts(self.session, lines), status_buttons=STATUS_BUTTONS,
                           opens=opens, closes=closes)

    def post(self, request):
        if request.POST.get("action") == "absent_all":
            count = attendance_mark_remaining_absent(session=self.session, actor=request.user)
            messages.success(request, _("Đã đánh dấu vắng %(n)s người chưa điểm danh.") % {"n": count})
            return redirect("learning_studysession:attendance", self.session.pk)
        status = request.POST.get("status", "")
        employee = Employee.objects.filter(pk=request.POST.get("employee") or 0).first()
        if employee is None or status not in AttendanceStatus.values:
            messages.error(request, _("Yêu cầu điểm danh không hợp lệ."))
            return redirect("learning_studysession:attendance", self.session.pk)
        if not session_roster(self.session).filter(pk=employee.pk).exists():
            raise PermissionDenied  # only people on this session's roster can be marked here
        note = request.POST.get("note", "").strip()[:500]
        try:
            change = attendance_record(session=self.session, employee=employee, status=status, method="hr",
                                       actor=request.user, note=note)
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            if change.changed:
                messages.success(request, _("%(name)s: %(status)s") % {
                    "name": employee.full_name, "status": change.attendance.get_status_display()})
        return redirect(reverse("learning_studysession:attendance", args=[self.session.pk]) + f"#nv-{employee.pk}")


class SheetUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp danh sách điểm danh"),
        help_text=_("Tệp .xlsx hoặc .csv với các cột Mã cán bộ, Họ và tên (không bắt buộc), Trạng thái, Ghi chú."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in {".xlsx", ".csv"}:
            raise forms.ValidationError(_("Chỉ nhận tệp .xlsx hoặc .csv."))
        if upload.size > settings.IMPORT_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn."))
        return upload


class SheetImportView(SessionMixin, View):
    """Upload → dry-run preview (or every problem, row by row) → confirm. The stored file, not
    anything the browser sends back, is what the confirmation applies."""

    page_title = _("Nhập danh sách điểm danh")
    template_name = "learning/admin/session_import.html"

    def _pending(self, request) -> dict | None:
        pending = request.session.get(SESSION_KEY)
        return pending if pending and pending.get("session") == self.session.pk else None

    def _discard(self, request) -> None:
        pending = request.session.pop(SESSION_KEY, None)
        if pending and default_storage.exists(pending["path"]):
            default_storage.delete(pending["path"])

    def _run(self, pending: dict, *, dry_run: bool, actor=None) -> AttendanceImportResult:
        with default_storage.open(pending["path"], "rb") as stored:
            data = stored.read()
        return attendance_import(session=self.session, file=data, filename=pending["filename"], dry_run=dry_run,
                                 actor=actor)

    def get(self, request):
        self._discard(request)
        return self.render(form=SheetUploadForm())

    def post(self, request):
        if request.POST.get("action") == "apply":
            return self.apply(request)
        form = SheetUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form=form)
        self._discard(request)
        upload = form.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        path = default_storage.save(f"{UPLOAD_DIR}/{uuid.uuid4().hex}{suffix}", ContentFile(upload.read()))
        pending = {"token": uuid.uuid4().hex, "path": path, "filename": upload.name, "session": self.session.pk}
        request.session[SESSION_KEY] = pending
        try:
            result = self._run(pending, dry_run=True)
        except ImportRefused as refused:
            self._discard(request)
            return self.render(form=SheetUploadForm(), problems=refused.problems, filename=upload.name)
        return self.render(result=result, pending=pending, labels=dict(AttendanceStatus.choices))

    def apply(self, request):
        pending = self._pending(request)
        if not pending or request.POST.get("token") != pending["token"]:
            messages.error(request, _("Phiên nhập đã hết hạn hoặc đã được áp dụng. Hãy tải tệp lên lại."))
            return redirect("learning_studysession:import", self.session.pk)
        try:
            result = self._run(pending, dry_run=False, actor=request.user)
        except ImportRefused as refused:
            self._discard(request)
            return self.render(form=SheetUploadForm(), problems=refused.problems, filename=pending["filename"])
        self._discard(request)
        messages.success(request, _("Đã nhập điểm danh: thêm mới %(c)s, cập nhật %(u)s, không đổi %(n)s") % {
            "c": result.created, "u": result.updated, "n": result.unchanged})
        return redirect("learning_studysession:attendance", self.session.pk)


class CheckinLogView(SessionMixin, View):
    page_title = _("Lượt quét mã bị từ chối")
    template_name = "learning/admin/session_checkins.html"

    def get(self, request):
        return self.render(attempts=refused_checkins(self.session)[:500])


def session_download(request, pk: int, name: str):
    """The sign-in sheet PDF, the attendance list PDF, and the blank xlsx/CSV to fill in."""
    session = get_object_or_404(StudySession.objects.select_related("campaign__agency"), pk=pk)
    if not can_manage_session(request.user, session):
        raise PermissionDenied
    if name not in DOWNLOADS:
        raise Http404
    identifier, options = DOWNLOADS[name]
    rendered = exporters.get(identifier).render(session=session, **options)
    response = HttpResponse(rendered.content, content_type=rendered.mimetype)
    response["Content-Disposition"] = f'attachment; filename="{rendered.filename}"'
    return response
