"""Background export jobs (the evidence pack): queued → running → done | failed, with progress."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import BackgroundJob, JobStatus
from learning.models import Campaign
from org.scoping import AgencyScopedManager


class ExportJobKind(models.TextChoices):
    EVIDENCE_PACK = "evidence_pack", _("Hồ sơ minh chứng chấm điểm (ZIP)")


class ExportJob(BackgroundJob):
    """One requested export. `file` is set only once the whole file is written, so a failed or
    unfinished job never offers a partial download."""

    kind = models.CharField(_("loại"), max_length=32, choices=ExportJobKind.choices, default=ExportJobKind.EVIDENCE_PACK)
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="export_jobs",
                                 verbose_name=_("kế hoạch"))
    as_of = models.DateField(_("tính đến ngày"))
    status = models.CharField(_("trạng thái"), max_length=16, choices=JobStatus.choices,
                              default=JobStatus.QUEUED, db_index=True)
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    step = models.CharField(_("bước đang làm"), max_length=255, blank=True)
    file = models.FileField(_("tệp"), upload_to="exports/%Y/", blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("người yêu cầu"))
    created_at = models.DateTimeField(_("yêu cầu lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    scratch_label = "evidence-pack"
    publish_folder = "exports"

    agency_lookup = "campaign__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("tệp xuất")
        verbose_name_plural = _("tệp xuất")
        db_table = "learning_exportjob"  # created by the learning app before reports had its own
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.campaign.slug} ({self.as_of:%d/%m/%Y})"
