"""Bài thu hoạch: one per person, campaign and directive, written online or uploaded, graded in rounds."""

import secrets
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage
from org.models import Employee
from org.scoping import AgencyScopedManager

# Documents and scans of a handwritten reflection; nothing a browser would run (served as a download).
FILE_EXTENSIONS = ["pdf", "doc", "docx", "odt", "jpg", "jpeg", "png"]


def file_upload_to(instance, filename: str) -> str:
    """reflections/<year>/<random>/<uploaded name>: unguessable, in the private storage only."""
    name = get_valid_filename(PurePath(filename).name) or "bai-thu-hoach"
    stem, dot, ext = name.rpartition(".")
    if len(name) > 100:
        name = f"{stem[:90]}.{ext[:9]}" if dot else name[:100]
    return f"reflections/{timezone.now():%Y}/{secrets.token_urlsafe(16)}/{name}"


def validate_file_size(file) -> None:
    if file.size > settings.IMPORT_MAX_UPLOAD_BYTES:
        raise ValidationError(_("Tệp quá lớn (tối đa %(mb)d MB)."),
                              params={"mb": settings.IMPORT_MAX_UPLOAD_BYTES // (1024 * 1024)}, code="too_large")


class ReflectionStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    SUBMITTED = "submitted", _("Chờ chấm")
    RETURNED = "returned", _("Được trả lại để sửa")
    PASSED = "passed", _("Đạt")
    FAILED = "failed", _("Chưa đạt")


# The learner may still change the text (and submit again) in these.
EDITABLE = (ReflectionStatus.DRAFT, ReflectionStatus.RETURNED, ReflectionStatus.FAILED)


class Reflection(models.Model):
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="reflections",
                                 verbose_name=_("cán bộ"))
    campaign = models.ForeignKey("learning.Campaign", on_delete=models.CASCADE, related_name="reflections",
                                 verbose_name=_("kế hoạch"))
    directive = models.ForeignKey("courses.DirectivePage", on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("văn bản"))
    text = models.TextField(_("nội dung"), blank=True)
    # Served only by the checking views (learner's own, grader's scope); the storage has no URLs.
    file = models.FileField(_("tệp đính kèm"), upload_to=file_upload_to, storage=private_storage, max_length=255,
                            blank=True, validators=[FileExtensionValidator(FILE_EXTENSIONS), validate_file_size])
    status = models.CharField(_("trạng thái"), max_length=10, choices=ReflectionStatus.choices,
                              default=ReflectionStatus.DRAFT)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    # The local day of the latest submission: the evidence date when it is graded Đạt.
    submitted_on = models.DateField(_("ngày nộp"), null=True, blank=True)
    score = models.DecimalField(_("điểm"), max_digits=5, decimal_places=2, null=True, blank=True)
    graded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name=_("người chấm"))
    graded_at = models.DateTimeField(_("chấm lúc"), null=True, blank=True)
    # MinHash of the submitted text (reflections.originality), compared within the campaign.
    signature = models.JSONField(default=list, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    agency_lookup = "campaign__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("bài thu hoạch")
        verbose_name_plural = _("bài thu hoạch")
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["employee", "campaign", "directive"], name="reflection_unique_per_person"),
        ]
        indexes = [models.Index(fields=["directive", "status", "submitted_on"]),
                   models.Index(fields=["campaign", "status"])]

    def __str__(self) -> str:
        return f"{self.employee} — {self.directive.number}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE

    @property
    def file_name(self) -> str:
        return PurePath(self.file.name).name if self.file else ""


class ReviewDecision(models.TextChoices):
    PASSED = "passed", _("Đạt")
    FAILED = "failed", _("Chưa đạt")
    RETURNED = "returned", _("Trả lại để sửa")


class ReflectionReview(models.Model):
    """One round of grading: who judged which submission, how, and what they said (append-only)."""

    reflection = models.ForeignKey(Reflection, on_delete=models.CASCADE, related_name="reviews")
    decision = models.CharField(_("kết quả"), max_length=10, choices=ReviewDecision.choices)
    score = models.DecimalField(_("điểm"), max_digits=5, decimal_places=2, null=True, blank=True)
    comment = models.TextField(_("nhận xét"), blank=True)
    grader = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("người chấm"))
    submitted_on = models.DateField(_("bài nộp ngày"), null=True)
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)

    agency_lookup = "reflection__campaign__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("lượt chấm bài thu hoạch")
        verbose_name_plural = _("lượt chấm bài thu hoạch")
        ordering = ["reflection", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.reflection} — {self.get_decision_display()}"
