"""Study campaigns (kế hoạch / đợt học tập): what must be studied, by whom, by when."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from org.models import Employee, OrgUnit
from org.scoping import AgencyScopedManager


class Campaign(models.Model):
    agency = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="campaigns", verbose_name=_("cơ quan"))
    slug = models.SlugField(_("mã kế hoạch"), max_length=100)
    title = models.CharField(_("tên kế hoạch"), max_length=500)
    year = models.PositiveIntegerField(_("năm"))
    start = models.DateField(_("bắt đầu"), help_text=_("Minh chứng trước ngày này không được tính"))
    due = models.DateField(_("hạn hoàn thành"))
    new_hire_days = models.PositiveIntegerField(
        _("số ngày cho người mới"), null=True, blank=True,
        help_text=_("Người vào cơ quan sau ngày bắt đầu có hạn riêng: ngày vào + số ngày này "
                    "(hoặc hạn chung nếu muộn hơn). Để trống: mọi người cùng một hạn."),
    )
    # Empty audience fields mean "everyone": all units of the agency, all categories.
    audience_units = models.ManyToManyField(OrgUnit, blank=True, related_name="+", verbose_name=_("đơn vị áp dụng"))
    audience_categories = models.JSONField(_("loại cán bộ áp dụng"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    agency_lookup = "agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("kế hoạch học tập")
        verbose_name_plural = _("kế hoạch học tập")
        ordering = ["-year", "title"]
        # A province-wide campaign has the same slug in every agency (docs/contract.md).
        constraints = [
            models.UniqueConstraint(fields=["agency", "slug"], name="campaign_slug_unique_per_agency"),
        ]

    def __str__(self) -> str:
        return self.title


class Requirement(models.Model):
    """One directive that the audience of a campaign must study."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="requirements")
    directive = models.ForeignKey(
        "courses.DirectivePage", on_delete=models.PROTECT, related_name="requirements", verbose_name=_("văn bản")
    )
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    agency_lookup = "campaign__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("yêu cầu học tập")
        verbose_name_plural = _("yêu cầu học tập")
        ordering = ["campaign", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "directive"], name="requirement_unique_directive"),
        ]

    def __str__(self) -> str:
        return f"{self.campaign.slug}: {self.directive.number}"


class Exemption(models.Model):
    """Miễn học: maternity leave, long sick leave, secondment…"""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="exemptions")
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="exemptions", verbose_name=_("cán bộ"))
    reason = models.TextField(_("lý do"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    agency_lookup = "campaign__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("miễn học")
        verbose_name_plural = _("miễn học")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "employee"], name="exemption_unique_person"),
        ]

    def __str__(self) -> str:
        return f"{self.employee} — {self.campaign.slug}"


class ProvinceCampaign(models.Model):
    """A campaign the province loaded for every agency (`load_campaign --province`): what it asked
    for, kept to tell which agencies have not adopted it or have changed it. Each agency's own
    `Campaign` (same slug) is the one that counts; this is the province's reference."""

    province = models.ForeignKey("org.Province", on_delete=models.CASCADE, related_name="campaigns",
                                 verbose_name=_("tỉnh"))
    slug = models.SlugField(_("mã kế hoạch"), max_length=100)
    title = models.CharField(_("tên kế hoạch"), max_length=500)
    # campaign_snapshot() shape of what the province loaded (audience as in the file).
    snapshot = models.JSONField(_("nội dung tỉnh ban hành"), default=dict)
    loaded_at = models.DateTimeField(_("lần nạp gần nhất"), auto_now=True)

    class Meta:
        verbose_name = _("kế hoạch học tập toàn tỉnh")
        verbose_name_plural = _("kế hoạch học tập toàn tỉnh")
        constraints = [
            models.UniqueConstraint(fields=["province", "slug"], name="province_campaign_unique_slug"),
        ]

    def __str__(self) -> str:
        return f"{self.province.code}: {self.slug}"
