"""The scoring dossier (hồ sơ tự chấm điểm): the province's criteria are data entered by HR,
never code (Quyết định 908/QĐ-UBND's table is not public); the agency self-scores each one."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from org.models import OrgUnit


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


class SelfScore(ClusterableModel):
    criterion = models.OneToOneField(ScoringCriterion, on_delete=models.CASCADE, related_name="self_score",
                                     verbose_name=_("tiêu chí"))
    points = models.DecimalField(_("điểm tự chấm"), max_digits=6, decimal_places=2,
                                 validators=[MinValueValidator(0)])
    comment = models.TextField(_("giải trình"), blank=True)
    scored_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name=_("người chấm"))
    scored_at = models.DateTimeField(_("chấm lúc"), auto_now=True)

    class Meta:
        verbose_name = _("tự chấm điểm")
        verbose_name_plural = _("tự chấm điểm")
        db_table = "learning_selfscore"  # created by the learning app before reports had its own
        ordering = ["criterion__order", "criterion__code"]

    def __str__(self) -> str:
        return f"{self.criterion.code}: {self.points}/{self.criterion.max_points}"


class SelfScoreEvidence(Orderable):
    score = ParentalKey(SelfScore, on_delete=models.CASCADE, related_name="evidence")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("tài liệu minh chứng"))
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("minh chứng tự chấm")
        verbose_name_plural = _("minh chứng tự chấm")
        db_table = "learning_selfscoreevidence"  # created by the learning app before reports had its own
