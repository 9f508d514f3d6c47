"""HR screens of one study session in the Wagtail admin: the roster grid with one-click statuses
(a POST per click, so it works without JavaScript), "mark all remaining absent", the sign-in sheet
upload (preview, then confirm), the refused-scan log, the originals (scanned signed sheets, minutes,
photos), and the sheet downloads."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core import exporters
from core.downloads import download_response
from core.errors import DomainError
from core.params import id_param
from core.uploads import UploadPreviewApplyView, spreadsheet_upload
from learning.models import AttendanceStatus, SessionRecord, SessionRecordKind, StudySession
from learning.selectors.sessions import (
    can_manage_session,
    refused_checkins,
    session_counts,
    session_records,
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
from learning.services.records import record_max_bytes, session_record_attach, session_record_delete
from org.models import Employee

STATUS_BUTTONS = [
    (AttendanceStatus.PRESENT, _("Có mặt")),
    (AttendanceStatus.LATE, _("Đi muộn")),
    (AttendanceStatus.EXCUSED, _("Vắng có lý do")),
    (AttendanceStatus.ABSENT, _("Vắng")),
]


class SessionMixin(WagtailAdminTemplateMixin):
    """Loads the session from the URL; only HR of its agency (or a superuser) gets further."""

    header_icon = "calendar-alt"

    def dispatch(self, request, *args, pk: int, **kwargs):
        self.session = get_object_or_404(StudySession.objects.for_actor(request.user).select_related("campaign__agency"), pk=pk)
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
            "records_url": reverse("learning_studysession:records", args=[pk]),
            "edit_url": reverse("learning_studysession:edit", args=[pk]),
            "projector_url": reverse("session_projector", args=[pk]),
            "downloads": [(cls.verbose_name, reverse("learning_studysession:download", args=[pk, cls.identifier]))
                          for cls in exporters.menu(exporters.Scope.SESSION)],
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
        employee = Employee.objects.for_agency(self.session.campaign.agency_id).filter(
            pk=id_param(request.POST.get("employee"))).first()
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
        return spreadsheet_upload(self.cleaned_data["file"])


class SheetImportView(SessionMixin, UploadPreviewApplyView):
    """A filled-in sign-in sheet: upload → dry-run preview (or every problem, row by row) → confirm."""

    page_title = _("Nhập danh sách điểm danh")
    template_name = "learning/admin/session_import.html"
    form_class = SheetUploadForm

    @property
    def upload_key(self) -> str:
        return f"attendance:{self.session.pk}"

    def may_upload(self, request) -> bool:
        return True  # SessionMixin let only HR of the session's agency in

    def run(self, *, data: bytes, filename: str, options: dict, dry_run: bool, actor=None) -> AttendanceImportResult:
        return attendance_import(session=self.session, file=data, filename=filename, dry_run=dry_run, actor=actor)

    def preview_context(self, result, options: dict, data: bytes) -> dict:
        return {"labels": dict(AttendanceStatus.choices)}

    def applied(self, result, options: dict) -> tuple[str, str]:
        message = _("Đã nhập điểm danh: thêm mới %(c)s, cập nhật %(u)s, không đổi %(n)s") % {
            "c": result.created, "u": result.updated, "n": result.unchanged}
        return message, reverse("learning_studysession:attendance", args=[self.session.pk])

    def render(self, **context):
        context.update(session=self.session, **self.session_links())
        return super().render(**context)


class CheckinLogView(SessionMixin, View):
    page_title = _("Lượt quét mã bị từ chối")
    template_name = "learning/admin/session_checkins.html"

    def get(self, request):
        return self.render(attempts=refused_checkins(self.session)[:500])


def session_download(request, pk: int, name: str):
    """A download of the session menu (sign-in sheet, attendance list, blank sheets to fill in)."""
    session = get_object_or_404(StudySession.objects.for_actor(request.user).select_related("campaign__agency"), pk=pk)
    if not can_manage_session(request.user, session):
        raise PermissionDenied
    if name not in {cls.identifier for cls in exporters.menu(exporters.Scope.SESSION)}:
        raise Http404
    rendered = exporters.get(name).render(session=session)
    return download_response(rendered)


class RecordUploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp bản gốc"),
                           help_text=_("PDF, JPEG hoặc PNG (nhận biết theo nội dung tệp), tối đa 20 MB."))
    kind = forms.ChoiceField(label=_("Loại"), choices=SessionRecordKind.choices, initial=SessionRecordKind.SHEET)
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > record_max_bytes():  # before reading it into memory
            raise forms.ValidationError(_("Tệp quá lớn (tối đa %(mb)d MB).") % {"mb": record_max_bytes() // (1024 * 1024)})
        return upload


class SessionRecordsView(SessionMixin, View):
    """The originals of a session (scanned signed sheets, minutes, photos): list, upload, remove."""

    page_title = _("Bản gốc hội nghị")
    template_name = "learning/admin/session_records.html"

    def get(self, request, form=None):
        records = session_records(self.session)
        return self.render(records=records, form=form or RecordUploadForm(), kinds=dict(SessionRecordKind.choices))

    def post(self, request):
        if request.POST.get("action") == "delete":
            record = get_object_or_404(SessionRecord.objects.for_agency(self.session.campaign.agency_id),
                                       pk=id_param(request.POST.get("record")), session=self.session)
            session_record_delete(record=record, actor=request.user)
            messages.success(request, _("Đã gỡ “%(name)s” khỏi hội nghị.") % {"name": record.original_name})
            return redirect("learning_studysession:records", self.session.pk)
        form = RecordUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.get(request, form=form)
        upload = form.cleaned_data["file"]
        try:
            result = session_record_attach(session=self.session, content=upload.read(), filename=upload.name,
                                           kind=form.cleaned_data["kind"], note=form.cleaned_data["note"],
                                           actor=request.user)
        except DomainError as exc:
            form.add_error("file", RECORD_REFUSALS.get(exc.code, str(exc)))
            return self.get(request, form=form)
        if result.created:
            messages.success(request, _("Đã đính kèm “%(name)s” (SHA-256 %(hash)s).") % {
                "name": result.record.original_name, "hash": result.short_hash})
        else:
            messages.info(request, _("Tệp này đã được đính kèm trước đó: “%(name)s”.") % {
                "name": result.record.original_name})
        return redirect("learning_studysession:records", self.session.pk)


RECORD_REFUSALS = {
    "bad_type": _("Tệp không phải PDF, JPEG hay PNG (xét theo nội dung tệp, không theo tên)."),
    "empty": _("Tệp rỗng."),
    "too_large": _("Tệp quá lớn (tối đa 20 MB)."),
}


def record_download(request, pk: int, record_id: int):
    """One original, as an attachment, to HR of the session's agency only (private storage, no URL)."""
    session = get_object_or_404(StudySession.objects.for_actor(request.user).select_related("campaign__agency"),
                                pk=pk)
    if not can_manage_session(request.user, session):
        raise PermissionDenied
    record = get_object_or_404(SessionRecord.objects.for_agency(session.campaign.agency_id), pk=record_id,
                               session=session)
    try:
        handle = record.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=True, filename=record.original_name,
                            content_type=record.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
