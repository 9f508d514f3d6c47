"""The certificate template, editable in the Wagtail admin (Cài đặt → Mẫu giấy chứng nhận)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="doc-full")
class CertificateTemplateSettings(BaseGenericSetting):
    governing_body = models.CharField(_("cơ quan chủ quản"), max_length=255, default="UBND TỈNH TÂY NINH")
    agency_name = models.CharField(_("cơ quan cấp"), max_length=255, default="SỞ CÔNG THƯƠNG")
    place = models.CharField(_("địa danh"), max_length=100, default="Tây Ninh")
    serial_suffix = models.CharField(
        _("ký hiệu số"), max_length=32, default="GCN", help_text=_("Số hiệu: 15/2024/GCN-<mã cơ quan>")
    )
    title = models.CharField(_("tiêu đề"), max_length=120, default="GIẤY CHỨNG NHẬN")
    lead = models.CharField(_("lời dẫn"), max_length=255, default="Chứng nhận Ông/Bà")
    wording = models.CharField(
        _("nội dung"), max_length=255, default="Đã hoàn thành chương trình học tập, quán triệt",
        help_text=_("In trước tên kế hoạch học tập"),
    )
    signer_title = models.CharField(_("chức vụ người ký"), max_length=255, default="GIÁM ĐỐC")
    signer_name = models.CharField(_("họ tên người ký"), max_length=255, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("biểu trưng"),
    )
    seal = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("con dấu và chữ ký"), help_text=_("Ảnh PNG nền trong suốt, đặt trên tên người ký"),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("governing_body"), FieldPanel("agency_name"), FieldPanel("place"), FieldPanel("serial_suffix")],
            heading=_("Cơ quan cấp"),
        ),
        MultiFieldPanel([FieldPanel("title"), FieldPanel("lead"), FieldPanel("wording")], heading=_("Nội dung")),
        MultiFieldPanel(
            [FieldPanel("signer_title"), FieldPanel("signer_name"), FieldPanel("seal"), FieldPanel("logo")],
            heading=_("Người ký"),
        ),
    ]

    class Meta:
        verbose_name = _("mẫu giấy chứng nhận")
