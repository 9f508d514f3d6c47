"""Study sessions (hội nghị học tập, quán triệt) and attendance at them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.choices import choice_label
from org.models import Employee, OrgUnit
from org.scoping import AgencyScopedManager

from .campaigns import Campaign


class StudySession(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("kế hoạch"))
    title = models.CharField(_("tên hội nghị"), max_length=500)
    directives = models.ManyToManyField("courses.DirectivePage", related_name="sessions", verbose_name=_("văn bản quán triệt"))
    date = models.DateField(_("ngày"))
    start_time = models.TimeField(_("bắt đầu"), null=True, blank=True)
    end_time = models.TimeField(_("kết thúc"), null=True, blank=True)
    location = models.CharField(_("địa điểm"), max_length=500, blank=True)
    online_url = models.URLField(_("đường dẫn trực tuyến"), blank=True)
    presenter = models.CharField(_("báo cáo viên"), max_length=255, blank=True)
    # Empty audience fields mean "the campaign's audience".
    audience_units = models.ManyToManyField(OrgUnit, blank=True, related_name="+", verbose_name=_("đơn vị tham dự"))
    audience_categories = models.JSONField(_("loại cán bộ tham dự"), default=list, blank=True)
    late_grace_minutes = models.PositiveIntegerField(_("số phút cho phép đến muộn"), default=15)
    # A make-up session (học bù) lists only those of the audience who have not yet attended a
    # session covering the same directives.
    is_makeup = models.BooleanField(
        _("học bù"), default=False, help_text=_("Danh sách chỉ gồm những người chưa dự học các văn bản này")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    agency_lookup = "campaign__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("hội nghị học tập")
        verbose_name_plural = _("hội nghị học tập")
        ordering = ["-date", "-start_time"]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d/%m/%Y})"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Có mặt")
    LATE = "late", _("Đi muộn")
    EXCUSED = "excused", _("Vắng có lý do")
    ABSENT = "absent", _("Vắng không lý do")


class AttendanceMethod(models.TextChoices):
    QR = "qr", _("Quét mã QR")
    HR = "hr", _("Văn phòng điểm danh")
    SHEET = "sheet", _("Nhập danh sách ký tên")


# How the method reads to the learner (the choices above are the office's words).
LEARNER_METHOD_LABELS = {
    AttendanceMethod.QR: _("Quét mã QR"),
    AttendanceMethod.HR: _("Văn phòng ghi nhận"),
    AttendanceMethod.SHEET: _("Ký tên tại hội nghị"),
}


class Attendance(models.Model):
    session = models.ForeignKey(StudySession, on_delete=models.CASCADE, related_name="attendances")
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("cán bộ"))
    status = models.CharField(_("trạng thái"), max_length=16, choices=AttendanceStatus.choices)
    method = models.CharField(_("cách ghi nhận"), max_length=16, choices=AttendanceMethod.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    recorded_at = models.DateTimeField(_("thời điểm ghi nhận"), auto_now=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    agency_lookup = "session__campaign__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("điểm danh")
        verbose_name_plural = _("điểm danh")
        constraints = [
            models.UniqueConstraint(fields=["session", "employee"], name="attendance_unique_person"),
        ]

    def __str__(self) -> str:
        return f"{self.employee} — {self.session} — {self.get_status_display()}"

    def get_status_display(self) -> str:
        return choice_label(AttendanceStatus, self.status)

    @property
    def method_for_learner(self) -> str:
        return str(LEARNER_METHOD_LABELS.get(self.method, self.get_method_display()))

    def get_method_display(self) -> str:
        return choice_label(AttendanceMethod, self.method)


class CheckinAttempt(models.Model):
    """Every QR scan, accepted or refused, with its reason (pretix Checkin)."""

    class Reason(models.TextChoices):
        EXPIRED = "expired", _("Mã đã hết hạn")
        REPLAYED = "replayed", _("Mã đã được dùng")
        INVALID = "invalid", _("Mã không hợp lệ")
        WRONG_SESSION = "wrong_session", _("Mã của hội nghị khác")
        OUTSIDE_WINDOW = "outside_window", _("Ngoài thời gian hội nghị")
        NOT_IN_AUDIENCE = "not_in_audience", _("Không thuộc thành phần tham dự")
        NO_EMPLOYEE = "no_employee", _("Tài khoản không gắn với cán bộ")

    session = models.ForeignKey(StudySession, null=True, on_delete=models.CASCADE, related_name="checkin_attempts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    employee = models.ForeignKey(Employee, null=True, on_delete=models.SET_NULL)
    successful = models.BooleanField(default=False)
    error_reason = models.CharField(max_length=32, choices=Reason.choices, blank=True)
    nonce = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    agency_lookup = "session__campaign__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("lượt quét mã")
        verbose_name_plural = _("lượt quét mã")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        outcome = "ok" if self.successful else self.error_reason
        return f"{self.created_at:%d/%m/%Y %H:%M:%S} {self.employee_id or self.user_id} {outcome}"
