"""Background jobs of this app (bulk issuing, the ZIP of a campaign's PDFs) and their progress."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import BackgroundJob, JobStatus
from org.scoping import AgencyScopedManager


class JobKind(models.TextChoices):
    ISSUE = "issue", _("Cấp giấy chứng nhận hàng loạt")
    ZIP = "zip", _("Tệp ZIP giấy chứng nhận")


class CertificateJob(BackgroundJob):
    kind = models.CharField(_("loại"), max_length=16, choices=JobKind.choices)
    campaign = models.ForeignKey("learning.Campaign", on_delete=models.CASCADE, related_name="+",
                                 verbose_name=_("kế hoạch học tập"))
    as_of = models.DateField(_("tính đến ngày"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED)
    total = models.PositiveIntegerField(_("tổng số"), default=0)
    done = models.PositiveIntegerField(_("đã xong"), default=0)
    result = models.JSONField(_("kết quả"), default=dict, blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    # Set only once the file is complete (written aside, then renamed into place).
    file = models.FileField(_("tệp"), upload_to="certificates/jobs/", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    scratch_label = "certificate-job"
    publish_folder = "certificates/jobs"

    agency_lookup = "campaign__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("tác vụ giấy chứng nhận")
        verbose_name_plural = _("tác vụ giấy chứng nhận")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.campaign_id} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0
