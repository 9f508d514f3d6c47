"""The annual report (báo cáo kết quả) of a campaign, composed in the Wagtail admin.

Everything that makes it a document the province accepts is data the Văn phòng edits: number,
place and date (independent of the as-of date of the figures), căn cứ (the plan it reports on),
Nơi nhận, the signer block, and the narrative with blocks of live figures. Freezing keeps the
composed content (text and figures) exactly as issued in `frozen_content`."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from learning.models import Campaign
from org.scoping import AgencyScopedManager
from reports.blocks import AnnualReportBodyBlock

DEFAULT_RECIPIENTS = "UBND tỉnh (qua Sở Nội vụ);"


class AnnualReport(models.Model):
    campaign = models.OneToOneField(Campaign, on_delete=models.PROTECT, related_name="annual_report",
                                    verbose_name=_("kế hoạch học tập"))
    number = models.CharField(_("số văn bản"), max_length=64, blank=True,
                              help_text=_("Ví dụ: 45/BC-SCT; để trống khi Văn phòng cấp số sau"))
    place = models.CharField(_("địa danh"), max_length=100, blank=True,
                             help_text=_("Để trống: lấy theo cơ quan (ví dụ Tây Ninh)"))
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True,
                                 help_text=_("Ngày ghi trên báo cáo; để trống: ngày in"))
    as_of = models.DateField(_("số liệu tính đến ngày"), null=True, blank=True,
                             help_text=_("Để trống: ngày in"))
    subject = models.CharField(_("trích yếu"), max_length=500, blank=True,
                               help_text=_("Để trống: \"Kết quả thực hiện\" + tên kế hoạch"))
    plan_reference = models.CharField(
        _("căn cứ (kế hoạch được báo cáo)"), max_length=500, blank=True,
        help_text=_("Ví dụ: Kế hoạch số 12/KH-SCT ngày 15/3/2024 của Sở Công Thương về thực hiện công tác "
                    "dân vận chính quyền năm 2024"),
    )
    recipients = models.TextField(_("nơi nhận"), default=DEFAULT_RECIPIENTS, blank=True,
                                  help_text=_("Mỗi dòng một nơi nhận"))
    archive = models.CharField(_("lưu"), max_length=100, default="VT, VP",
                               help_text=_("In thành \"- Lưu: VT, VP.\""))
    signer_title = models.TextField(_("chức vụ người ký"), blank=True,
                                    help_text=_("Mỗi dòng một dòng, ví dụ KT. GIÁM ĐỐC rồi PHÓ GIÁM ĐỐC; "
                                                "để trống: người ký của cơ quan"))
    signer_name = models.CharField(_("họ tên người ký"), max_length=255, blank=True)
    body = StreamField(AnnualReportBodyBlock(), blank=True, verbose_name=_("nội dung báo cáo"))
    frozen_at = models.DateTimeField(_("chốt lúc"), null=True, blank=True, editable=False)
    frozen_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", editable=False, verbose_name=_("người chốt"))
    frozen_content = models.JSONField(_("nội dung đã chốt"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    agency_lookup = "campaign__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("báo cáo kết quả")
        verbose_name_plural = _("báo cáo kết quả")
        ordering = ["-campaign__year", "campaign__title"]

    def __str__(self) -> str:
        return f"{self.number or '…'} — {self.campaign.title}"

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None
