"""The scoring dossier (hồ sơ tự chấm điểm): the province's criteria are data entered by HR,
never code (Quyết định 908/QĐ-UBND's table is not public); the agency self-scores each one.

Criteria form a tree by their codes (`1`, `1.2`, `1.2.a`): a parent's maximum is the sum of its
children's, and only leaves are scored (a parent's score is the sum of its children's). The rating
follows the year's bands (`RatingBand`). A `ScoringDossier` per agency and year carries the
deadline (15/11 by default), the signer block of the self-assessment and, once submitted, a
snapshot that every later rendering reads instead of the live rows."""

import datetime as dt

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from org.models import OrgUnit
from org.scoping import AgencyScopedManager


class ScoringCriterion(models.Model):
    agency = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="scoring_criteria",
                               verbose_name=_("cơ quan"))
    year = models.PositiveIntegerField(_("năm"))
    code = models.CharField(_("mã tiêu chí"), max_length=32, help_text=_("Ví dụ: I.1, 2.3"))
    text = models.TextField(_("nội dung tiêu chí"))
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2,
                                     validators=[MinValueValidator(0)])
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    source = models.CharField(_("căn cứ"), max_length=255, blank=True,
                              help_text=_("Ví dụ: Quyết định 908/QĐ-UBND ngày 14/04/2023"))
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children",
                               verbose_name=_("tiêu chí cha"))
    guidance = models.TextField(_("hướng dẫn chấm"), blank=True)
    measure = models.CharField(
        _("đo tự động"), max_length=120, blank=True,
        help_text=_("completion:SLUG, sessions:SLUG hoặc trained:SLUG — hệ thống đề xuất điểm từ số liệu"),
    )

    agency_lookup = "agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("tiêu chí chấm điểm")
        verbose_name_plural = _("tiêu chí chấm điểm")
        db_table = "learning_scoringcriterion"  # created by the learning app before reports had its own
        ordering = ["agency", "-year", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "code"], name="criterion_code_unique_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.text[:80]} ({self.year})"

    @property
    def level(self) -> int:
        return self.code.count(".")


class SelfScore(ClusterableModel):
    criterion = models.OneToOneField(ScoringCriterion, on_delete=models.CASCADE, related_name="self_score",
                                     verbose_name=_("tiêu chí"))
    points = models.DecimalField(_("điểm tự chấm"), max_digits=6, decimal_places=2,
                                 validators=[MinValueValidator(0)])
    comment = models.TextField(_("giải trình"), blank=True)
    proposed_points = models.DecimalField(
        _("điểm đề xuất từ số liệu"), max_digits=6, decimal_places=2, null=True, blank=True, editable=False,
    )
    override_reason = models.TextField(
        _("lý do chấm khác điểm đề xuất"), blank=True,
        help_text=_("Bắt buộc khi tiêu chí đo tự động và điểm tự chấm khác điểm hệ thống đề xuất"),
    )
    scored_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name=_("người chấm"))
    scored_at = models.DateTimeField(_("chấm lúc"), auto_now=True)

    agency_lookup = "criterion__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("tự chấm điểm")
        verbose_name_plural = _("tự chấm điểm")
        db_table = "learning_selfscore"  # created by the learning app before reports had its own
        ordering = ["criterion__order", "criterion__code"]

    def __str__(self) -> str:
        return f"{self.criterion.code}: {self.points}/{self.criterion.max_points}"


class EvidenceLinkKind(models.TextChoices):
    DOCUMENT = "document", _("Tài liệu tải lên")
    SESSION = "session", _("Hội nghị học tập")
    REPORT = "report", _("Báo cáo kết quả")
    CAMPAIGN = "campaign", _("Số liệu kế hoạch học tập")
    MANUAL = "manual", _("Minh chứng do Văn phòng ghi nhận")
    TARGET = "target", _("Chỉ tiêu của kế hoạch")


class SelfScoreEvidence(Orderable):
    """One piece of evidence for a self-score: exactly one of the links below, by `kind`."""

    score = ParentalKey(SelfScore, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("loại minh chứng"), max_length=16, choices=EvidenceLinkKind.choices,
                            default=EvidenceLinkKind.DOCUMENT)
    document = models.ForeignKey("wagtaildocs.Document", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("tài liệu minh chứng"))
    session = models.ForeignKey("learning.StudySession", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+", verbose_name=_("hội nghị học tập"))
    annual_report = models.ForeignKey("reports.AnnualReport", null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+", verbose_name=_("báo cáo kết quả"))
    campaign = models.ForeignKey("learning.Campaign", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("kế hoạch học tập (số liệu)"))
    manual_evidence = models.ForeignKey("learning.ManualEvidence", null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="+", verbose_name=_("minh chứng do Văn phòng ghi nhận"))
    target = models.ForeignKey("reports.CampaignTarget", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("chỉ tiêu"))
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    agency_lookup = "score__criterion__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    LINK_FIELDS = {EvidenceLinkKind.DOCUMENT: "document", EvidenceLinkKind.SESSION: "session",
                   EvidenceLinkKind.REPORT: "annual_report", EvidenceLinkKind.CAMPAIGN: "campaign",
                   EvidenceLinkKind.MANUAL: "manual_evidence", EvidenceLinkKind.TARGET: "target"}

    class Meta(Orderable.Meta):
        verbose_name = _("minh chứng tự chấm")
        verbose_name_plural = _("minh chứng tự chấm")
        db_table = "learning_selfscoreevidence"  # created by the learning app before reports had its own

    @property
    def linked(self):
        return getattr(self, self.LINK_FIELDS[self.kind])

    def clean(self):
        # the link the kind names must be given (the others are ignored and cleared)
        from django.core.exceptions import ValidationError

        wanted = self.LINK_FIELDS.get(self.kind)
        if wanted and getattr(self, f"{wanted}_id") is None:
            raise ValidationError({wanted: _("Chọn %(what)s cho loại minh chứng này")
                                   % {"what": self._meta.get_field(wanted).verbose_name}})
        for field in self.LINK_FIELDS.values():
            if field != wanted:
                setattr(self, f"{field}_id", None)


class RatingBand(models.Model):
    """A rating of the year's table: from `min_points` up to the next band's minimum."""

    agency = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="rating_bands",
                               verbose_name=_("cơ quan"))
    year = models.PositiveIntegerField(_("năm"))
    rating = models.CharField(_("xếp loại"), max_length=120)
    min_points = models.DecimalField(_("từ điểm"), max_digits=7, decimal_places=2, validators=[MinValueValidator(0)])

    agency_lookup = "agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("mức xếp loại")
        verbose_name_plural = _("mức xếp loại")
        ordering = ["agency", "-year", "-min_points"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "min_points"], name="rating_band_min_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.rating} (≥ {self.min_points:g}, {self.year})"


class DossierStatus(models.TextChoices):
    DRAFT = "draft", _("Đang tự chấm")
    SUBMITTED = "submitted", _("Đã nộp")


def default_deadline(year: int) -> dt.date:
    """15/11 of the year: the plan's date for the self-assessment dossier."""
    return dt.date(year, 11, 15)


class ScoringDossier(models.Model):
    """The agency's self-assessment of a year: deadline, how the sheet is issued, and its state.
    Submitted = locked: `snapshot` keeps the rows, totals and rating as sent."""

    agency = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="scoring_dossiers",
                               verbose_name=_("cơ quan"))
    year = models.PositiveIntegerField(_("năm"))
    deadline = models.DateField(_("hạn nộp"), help_text=_("Mặc định 15/11 của năm"))
    number = models.CharField(_("số văn bản"), max_length=64, blank=True, help_text=_("Ví dụ: 52/BC-SCT"))
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    basis = models.TextField(
        _("căn cứ"), blank=True,
        default="Quyết định số 908/QĐ-UBND ngày 14/04/2023 của Chủ tịch UBND tỉnh Tây Ninh",
        help_text=_("Văn bản quy định tiêu chí chấm điểm"),
    )
    recipients = models.TextField(_("nơi nhận"), blank=True, default="UBND tỉnh (qua Sở Nội vụ);",
                                  help_text=_("Mỗi dòng một nơi nhận; dòng \"Lưu: VT, …\" được thêm tự động"))
    signer_title = models.TextField(_("chức vụ người ký"), blank=True, default="GIÁM ĐỐC",
                                    help_text=_("Mỗi dòng một dòng: KT. GIÁM ĐỐC rồi PHÓ GIÁM ĐỐC"))
    signer_name = models.CharField(_("họ tên người ký"), max_length=255, blank=True)
    status = models.CharField(_("tình trạng"), max_length=16, choices=DossierStatus.choices,
                              default=DossierStatus.DRAFT)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("người nộp"))
    snapshot = models.JSONField(_("bản chốt khi nộp"), null=True, blank=True, editable=False)

    agency_lookup = "agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("hồ sơ tự chấm điểm")
        verbose_name_plural = _("hồ sơ tự chấm điểm")
        ordering = ["agency", "-year"]
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="dossier_once_per_year")]

    def __str__(self) -> str:
        return f"{self.agency} — {self.year} ({self.get_status_display()})"

    @property
    def is_submitted(self) -> bool:
        return self.status == DossierStatus.SUBMITTED
