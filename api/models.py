"""API tokens, and the evidence an outside learning system sends through the API."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from org.models import Employee, OrgUnit, Province


class ApiToken(models.Model):
    """A bearer token of one agency, or of a province (read-only, aggregate figures of its agencies).
    Only the SHA-256 of the secret is stored: the secret is shown once, when the token is created
    (command or admin), and cannot be read back."""

    name = models.CharField(_("tên"), max_length=100, help_text=_("Hệ thống nào dùng khóa này"))
    agency = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("cơ quan"))
    province = models.ForeignKey(Province, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("tỉnh"))
    can_write = models.BooleanField(_("được ghi"), default=False,
                                    help_text=_("Được gửi danh sách cán bộ và minh chứng học tập"))
    digest = models.CharField(max_length=64, unique=True, editable=False)  # sha256 hex of the whole secret
    prefix = models.CharField(_("đầu khóa"), max_length=12, editable=False)  # to recognise a token in lists
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("người tạo"))
    last_used_at = models.DateTimeField(_("lần dùng gần nhất"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ngày thu hồi"), null=True, blank=True)

    class Meta:
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")
        ordering = ["-created_at", "-id"]
        constraints = [
            # one scope: an agency, or a province whose token never writes
            models.CheckConstraint(
                condition=(models.Q(agency__isnull=False, province__isnull=True)
                           | models.Q(agency__isnull=True, province__isnull=False, can_write=False)),
                name="api_token_one_scope",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def scope(self):
        """The agency or the province the token belongs to."""
        return self.agency if self.agency_id else self.province


class ExternalEvidence(models.Model):
    """Evidence of study recorded by an outside learning system (an e-learning platform of the
    province, …) through `POST /api/v1/evidence`. `external_id` is the caller's own id of the
    record: sending it again changes nothing (idempotent)."""

    agency = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan"))
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="external_evidence",
                                 verbose_name=_("cán bộ"))
    directive = models.ForeignKey("courses.DirectivePage", on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("văn bản"))
    date = models.DateField(_("ngày học"))
    source = models.CharField(_("hệ thống nguồn"), max_length=100)
    external_id = models.CharField(_("mã bản ghi ở hệ thống nguồn"), max_length=200)
    token = models.ForeignKey(ApiToken, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name=_("khóa API"))
    received_at = models.DateTimeField(_("thời điểm nhận"), auto_now_add=True)

    class Meta:
        verbose_name = _("minh chứng từ hệ thống ngoài")
        verbose_name_plural = _("minh chứng từ hệ thống ngoài")
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "external_id"], name="external_evidence_id_unique_per_agency"),
        ]
        indexes = [models.Index(fields=["directive", "date"])]

    def __str__(self) -> str:
        return f"{self.employee} — {self.directive.number} ({self.date:%d/%m/%Y}, {self.source})"
