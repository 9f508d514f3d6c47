"""Sending the year's annual report and scoring dossier to the province, and the province's review
(thẩm định).

A `Submission` per agency and year carries the state: submitted → (returned with comments →
submitted again) → accepted. Each sending is a `SubmissionRound`: an immutable snapshot of what
was sent (the frozen report's content, the dossier sheet with self-scores and evidence, the
evidence pack stored privately with its SHA-256). Only the return (when, who, the comment) is ever
added to a round. The province scores each criterion (`CriterionReview`) beside the self-score;
finalising fixes the reviewed total and its rating by the year's bands; `ResultsPublication`
keeps the province's published results table as it was published."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage
from org.models import OrgUnit, Province
from org.scoping import AgencyScopedManager


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Đã gửi, chờ thẩm định")
    RETURNED = "returned", _("Tỉnh trả lại để bổ sung")
    ACCEPTED = "accepted", _("Đã thẩm định")


class Submission(models.Model):
    agency = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="province_submissions",
                               verbose_name=_("cơ quan"))
    year = models.PositiveIntegerField(_("năm"))
    dossier = models.OneToOneField("reports.ScoringDossier", on_delete=models.PROTECT, related_name="submission",
                                   verbose_name=_("hồ sơ tự chấm điểm"))
    status = models.CharField(_("tình trạng"), max_length=16, choices=SubmissionStatus.choices,
                              default=SubmissionStatus.SUBMITTED)
    first_submitted_at = models.DateTimeField(_("gửi lần đầu lúc"))
    reviewed_total = models.DecimalField(_("tổng điểm thẩm định"), max_digits=7, decimal_places=2, null=True,
                                         blank=True)
    rating = models.CharField(_("xếp loại"), max_length=120, blank=True)
    finalised_at = models.DateTimeField(_("hoàn thành thẩm định lúc"), null=True, blank=True)
    finalised_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("người hoàn thành thẩm định"))

    agency_lookup = "agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("hồ sơ gửi tỉnh")
        verbose_name_plural = _("hồ sơ gửi tỉnh")
        ordering = ["-year", "agency__code"]
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="submission_once_per_year")]

    def __str__(self) -> str:
        return f"{self.agency} — {self.year} ({self.get_status_display()})"


class SubmissionRound(models.Model):
    """One sending: what the agency sent, as it was sent. Saving it again may only record the return."""

    RETURN_FIELDS = frozenset({"returned_at", "returned_by", "return_comment"})

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="rounds",
                                   verbose_name=_("hồ sơ gửi tỉnh"))
    number = models.PositiveIntegerField(_("lần gửi"))
    submitted_at = models.DateTimeField(_("gửi lúc"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("người gửi"))
    annual_report = models.ForeignKey("reports.AnnualReport", on_delete=models.PROTECT, related_name="+",
                                      verbose_name=_("báo cáo kết quả"))
    report_content = models.JSONField(_("báo cáo đã gửi"))
    sheet = models.JSONField(_("bảng tự chấm điểm đã gửi"))
    pack = models.FileField(_("hồ sơ minh chứng"), storage=private_storage, upload_to="submissions/%Y/",
                            max_length=255)
    pack_sha256 = models.CharField(_("SHA-256 của hồ sơ minh chứng"), max_length=64)
    pack_bytes = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    returned_at = models.DateTimeField(_("trả lại lúc"), null=True, blank=True)
    returned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("người trả lại"))
    return_comment = models.TextField(_("ý kiến khi trả lại"), blank=True)

    agency_lookup = "submission__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("lần gửi hồ sơ")
        verbose_name_plural = _("lần gửi hồ sơ")
        ordering = ["submission", "number"]
        constraints = [models.UniqueConstraint(fields=["submission", "number"], name="submission_round_unique")]

    def __str__(self) -> str:
        return f"{self.submission} — lần {self.number}"

    def save(self, *args, **kwargs):
        # what was sent never changes: a saved round takes only its return
        if self.pk is not None:
            fields = set(kwargs.get("update_fields") or ())
            if not fields or not fields <= self.RETURN_FIELDS:
                raise ValueError("a submission round is immutable; only its return may be recorded")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("a submission round is kept for the record")


class CriterionReview(models.Model):
    """The province's score (thẩm định) of one criterion of a submission, with its comment."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="reviews",
                                   verbose_name=_("hồ sơ gửi tỉnh"))
    code = models.CharField(_("mã tiêu chí"), max_length=32)
    points = models.DecimalField(_("điểm thẩm định"), max_digits=6, decimal_places=2)
    comment = models.TextField(_("ý kiến thẩm định"), blank=True)
    round_number = models.PositiveIntegerField(_("chấm ở lần gửi"))
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("người thẩm định"))
    reviewed_at = models.DateTimeField(_("thẩm định lúc"), auto_now=True)

    agency_lookup = "submission__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("điểm thẩm định")
        verbose_name_plural = _("điểm thẩm định")
        ordering = ["submission", "code"]
        constraints = [models.UniqueConstraint(fields=["submission", "code"], name="criterion_review_unique")]

    def __str__(self) -> str:
        return f"{self.submission} {self.code}: {self.points}"


class ResultsPublication(models.Model):
    """The province's results table of a year as published (agencies × self-score × reviewed score ×
    rating). A later publication supersedes it; each is kept."""

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="results_publications",
                                 verbose_name=_("tỉnh"))
    year = models.PositiveIntegerField(_("năm"))
    rows = models.JSONField(_("bảng kết quả"))
    published_at = models.DateTimeField(_("công bố lúc"))
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("người công bố"))

    class Meta:
        verbose_name = _("kết quả thẩm định đã công bố")
        verbose_name_plural = _("kết quả thẩm định đã công bố")
        ordering = ["province", "-year", "-published_at"]

    def __str__(self) -> str:
        return f"{self.province} — {self.year} ({self.published_at:%d/%m/%Y})"
