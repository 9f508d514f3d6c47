"""A certificate (giấy chứng nhận): what the holder keeps and what an auditor verifies.

Everything printed on the PDF is snapshotted here at issue time (holder name as in the roster,
title, agency names, signer), so re-rendering a certificate years later gives the same paper
even after the roster or the template settings changed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from certificates.codes import format_code
from org.scoping import AgencyScopedManager


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Còn hiệu lực")
    REVOKED = "revoked", _("Đã thu hồi")


class Certificate(models.Model):
    agency = models.ForeignKey(
        "org.OrgUnit", on_delete=models.PROTECT, related_name="certificates", verbose_name=_("cơ quan cấp")
    )
    employee = models.ForeignKey(
        "org.Employee", on_delete=models.PROTECT, related_name="certificates", verbose_name=_("người được cấp")
    )
    # What it certifies: a whole campaign, or one quiz flagged for it. Exactly one is set.
    campaign = models.ForeignKey(
        "learning.Campaign", null=True, blank=True, on_delete=models.PROTECT, related_name="certificates",
        verbose_name=_("kế hoạch học tập"),
    )
    quiz = models.ForeignKey(
        "quizzes.Quiz", null=True, blank=True, on_delete=models.PROTECT, related_name="certificates",
        verbose_name=_("bài kiểm tra"),
    )

    holder_name = models.CharField(_("họ và tên"), max_length=255)
    # "Ông" or "Bà" from the roster's gender at issue; empty when unknown (the lead keeps "Ông/Bà").
    holder_honorific = models.CharField(_("danh xưng"), max_length=8, blank=True)
    title = models.CharField(_("nội dung chứng nhận"), max_length=600)
    wording = models.CharField(_("lời chứng nhận"), max_length=255, blank=True)
    governing_body = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)
    agency_name = models.CharField(_("cơ quan cấp"), max_length=255)
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=255, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=255, blank=True)

    serial_year = models.PositiveIntegerField(_("năm cấp"))
    serial_number = models.PositiveIntegerField(_("số thứ tự"))
    serial = models.CharField(_("số hiệu"), max_length=64)
    code = models.CharField(_("mã xác thực"), max_length=32, unique=True, help_text=_("Lưu không có dấu gạch"))

    issued_on = models.DateField(_("ngày cấp"))
    issued_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("người cấp"),
    )

    status = models.CharField(
        _("trạng thái"), max_length=16, choices=CertificateStatus.choices, default=CertificateStatus.VALID
    )
    revoked_reason = models.TextField(_("lý do thu hồi"), blank=True)
    revoked_at = models.DateTimeField(_("thời điểm thu hồi"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("người thu hồi"),
    )

    agency_lookup = "agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("giấy chứng nhận")
        verbose_name_plural = _("sổ cấp giấy chứng nhận")
        ordering = ["-serial_year", "-serial_number"]
        permissions = [("revoke_certificate", _("Thu hồi giấy chứng nhận"))]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "serial_year", "serial_number"], name="certificate_serial_unique_per_agency_year"
            ),
            # A person never holds two valid certificates for the same campaign.
            models.UniqueConstraint(
                fields=["employee", "campaign"],
                condition=models.Q(status="valid", campaign__isnull=False),
                name="certificate_one_valid_per_campaign",
            ),
            models.UniqueConstraint(
                fields=["employee", "quiz"],
                condition=models.Q(status="valid", quiz__isnull=False),
                name="certificate_one_valid_per_quiz",
            ),
            models.CheckConstraint(
                condition=models.Q(campaign__isnull=False, quiz__isnull=True)
                | models.Q(campaign__isnull=True, quiz__isnull=False),
                name="certificate_certifies_one_thing",
            ),
        ]
        indexes = [models.Index(fields=["campaign", "status"])]

    def __str__(self) -> str:
        return f"{self.serial} — {self.holder_name}"

    @property
    def display_code(self) -> str:
        return format_code(self.code)

    @property
    def is_valid(self) -> bool:
        return self.status == CertificateStatus.VALID

    def verify_path(self) -> str:
        return reverse("certificates:verify", args=[self.display_code])

    def verify_url(self) -> str:
        return settings.SITE_URL + self.verify_path()
