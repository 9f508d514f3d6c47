"""The province above its agencies (UBND tỉnh, through Sở Nội vụ; Ban Dân vận Tỉnh ủy follows it).

Agencies stay the roots of the organisation tree (`OrgUnit`, depth 1): every agency-scoped query
keeps working unchanged. A province is its own model that agencies point to, not a new tree level,
so that moving an agency between provinces never rewrites `path`s.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from org.scoping import AgencyScopedManager


class Province(models.Model):
    code = models.CharField(_("mã tỉnh"), max_length=32, unique=True)
    name = models.CharField(_("tên tỉnh"), max_length=255)
    governing_body = models.CharField(
        _("cơ quan chủ quản"), max_length=255, blank=True,
        help_text=_("Dòng đầu của báo cáo tổng hợp, ví dụ UBND TỈNH TÂY NINH"),
    )
    issuing_body = models.CharField(
        _("cơ quan tổng hợp"), max_length=255, blank=True, default="SỞ NỘI VỤ",
        help_text=_("Cơ quan ban hành báo cáo tổng hợp, ví dụ SỞ NỘI VỤ"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tỉnh")
        verbose_name_plural = _("tỉnh")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class ProvinceOfficer(models.Model):
    """A user of the province (Sở Nội vụ, Ban Dân vận): reads every agency's aggregate figures."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="province_officer")
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="officers",
                                 verbose_name=_("tỉnh"))
    body = models.CharField(_("cơ quan"), max_length=255, blank=True, help_text=_("Sở Nội vụ, Ban Dân vận Tỉnh ủy…"))

    class Meta:
        verbose_name = _("cán bộ cấp tỉnh")
        verbose_name_plural = _("cán bộ cấp tỉnh")

    def __str__(self) -> str:
        return f"{self.user} — {self.province}"


class ProvinceAccessGrant(models.Model):
    """An explicit grant letting one province officer read one agency's person-level data for a
    stated purpose until a date (Nghị định 13/2023/NĐ-CP: minimum personal data, a purpose, a
    term). Granted by the agency (its HR) or a superuser; granting and revoking are audited."""

    officer = models.ForeignKey(ProvinceOfficer, on_delete=models.CASCADE, related_name="grants",
                                verbose_name=_("cán bộ cấp tỉnh"))
    agency = models.ForeignKey("org.OrgUnit", on_delete=models.CASCADE, related_name="province_grants",
                               verbose_name=_("cơ quan"))
    purpose = models.TextField(_("mục đích"))
    valid_until = models.DateField(_("hiệu lực đến hết ngày"))
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("người cấp quyền"))
    granted_at = models.DateTimeField(_("thời điểm cấp"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("thời điểm thu hồi"), null=True, blank=True)

    agency_lookup = "agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("quyền xem dữ liệu cá nhân của cơ quan")
        verbose_name_plural = _("quyền xem dữ liệu cá nhân của cơ quan")
        ordering = ["-granted_at"]

    def __str__(self) -> str:
        return f"{self.officer} → {self.agency} ({self.valid_until:%d/%m/%Y})"
