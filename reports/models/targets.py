"""Targets of the year's plan (chỉ tiêu): target 1 is measured live from compliance, the others
are recorded by HR with a result and evidence documents."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from learning.models import Campaign
from org.scoping import AgencyScopedManager


class TargetKind(models.TextChoices):
    LIVE_COMPLETION = "live_completion", _("Tự động: tỷ lệ cán bộ hoàn thành học tập")
    MANUAL = "manual", _("Văn phòng cập nhật kết quả")


class TargetStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    ACHIEVED = "achieved", _("Đạt")
    NOT_ACHIEVED = "not_achieved", _("Không đạt")


class CampaignTarget(ClusterableModel):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="targets", verbose_name=_("kế hoạch"))
    order = models.PositiveIntegerField(_("thứ tự"), default=1)
    text = models.TextField(_("nội dung chỉ tiêu"))
    kind = models.CharField(_("cách đánh giá"), max_length=20, choices=TargetKind.choices, default=TargetKind.MANUAL)
    goal_percent = models.PositiveIntegerField(
        _("mức phải đạt (%)"), default=100, help_text=_("Chỉ dùng cho chỉ tiêu tự động")
    )
    status = models.CharField(_("tình trạng"), max_length=16, choices=TargetStatus.choices,
                              default=TargetStatus.NOT_STARTED)
    result = models.TextField(_("kết quả thực hiện"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("người cập nhật"),
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    agency_lookup = "campaign__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        db_table = "learning_campaigntarget"  # created by the learning app before reports had its own
        ordering = ["campaign", "order", "id"]

    def __str__(self) -> str:
        return f"{self.order}. {self.text[:80]}"


class CampaignTargetEvidence(Orderable):
    """A document (from the Wagtail document library) proving a target."""

    target = ParentalKey(CampaignTarget, on_delete=models.CASCADE, related_name="evidence")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("tài liệu minh chứng"))
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    agency_lookup = "target__campaign__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta(Orderable.Meta):
        verbose_name = _("minh chứng chỉ tiêu")
        verbose_name_plural = _("minh chứng chỉ tiêu")
        db_table = "learning_campaigntargetevidence"  # created by the learning app before reports had its own
