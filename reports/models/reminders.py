"""Reminders (nhắc nhở): every e-mail sent to a learner or a unit head is recorded here."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from learning.models import Campaign
from org.models import Employee, OrgUnit
from org.scoping import AgencyScopedManager


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Sắp đến hạn")
    OVERDUE = "overdue", _("Quá hạn")
    WEEKLY_SUMMARY = "weekly_summary", _("Tổng hợp hằng tuần cho trưởng đơn vị")
    MANUAL = "manual", _("Nhắc nhở trực tiếp")
    DOSSIER_DEADLINE = "dossier_deadline", _("Hạn nộp hồ sơ tự chấm điểm (cho Văn phòng)")
    GRADING_QUEUE = "grading_queue", _("Bài thu hoạch chờ chấm (cho người chấm)")
    REDO_REFLECTION = "redo_reflection", _("Bài thu hoạch được trả lại để sửa")


class ReminderStatus(models.TextChoices):
    SENT = "sent", _("Đã gửi")
    FAILED = "failed", _("Gửi lỗi")


class Reminder(models.Model):
    """One e-mail to one person about one campaign. `sent_on` (local date) is the idempotency key:
    a person gets at most one successful reminder of a kind per campaign per day."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("kế hoạch"))
    kind = models.CharField(_("loại"), max_length=16, choices=ReminderKind.choices)
    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("người nhận")
    )
    unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("đơn vị (tổng hợp)"), help_text=_("Với thư tổng hợp: đơn vị mà trưởng đơn vị phụ trách"),
    )
    email = models.EmailField(_("địa chỉ email"))
    requirements = models.JSONField(_("văn bản còn thiếu"), default=list, blank=True)
    status = models.CharField(_("kết quả"), max_length=8, choices=ReminderStatus.choices, default=ReminderStatus.SENT)
    error = models.CharField(_("lỗi"), max_length=500, blank=True)
    sent_on = models.DateField(_("ngày gửi"))
    sent_at = models.DateTimeField(_("thời điểm gửi"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("người gửi")
    )

    agency_lookup = "campaign__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("nhắc nhở")
        verbose_name_plural = _("nhắc nhở")
        db_table = "learning_reminder"  # created by the learning app before reports had its own
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "employee", "kind", "sent_on"],
                condition=models.Q(status="sent"),
                name="reminder_once_per_kind_per_day",
            ),
        ]
        indexes = [models.Index(fields=["campaign", "kind", "sent_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.employee} ({self.sent_on:%d/%m/%Y})"
