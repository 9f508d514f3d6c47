"""What a campaign asks a reflection for: which requirements accept one and how it is graded."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from org.scoping import AgencyScopedManager


class GradingScheme(models.TextChoices):
    RUBRIC = "rubric", _("Đạt / Chưa đạt")
    POINTS = "points", _("Chấm điểm")


class ReflectionPrompt(models.Model):
    """Đề bài thu hoạch: a requirement of the campaign (or, without a directive, every requirement)
    accepts a reflection, graded Đạt / Chưa đạt or with points and a pass mark."""

    campaign = models.ForeignKey("learning.Campaign", on_delete=models.CASCADE, related_name="reflection_prompts",
                                 verbose_name=_("kế hoạch"))
    directive = models.ForeignKey(
        "courses.DirectivePage", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
        verbose_name=_("văn bản"), help_text=_("Để trống: áp dụng cho mọi văn bản của kế hoạch"))
    instructions = models.TextField(_("yêu cầu của bài thu hoạch"), blank=True)
    scheme = models.CharField(_("cách chấm"), max_length=8, choices=GradingScheme.choices,
                              default=GradingScheme.RUBRIC)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=5, decimal_places=2, default=Decimal(10),
                                     validators=[MinValueValidator(Decimal("0.01"))])
    pass_mark = models.DecimalField(_("điểm đạt"), max_digits=5, decimal_places=2, default=Decimal(5),
                                    validators=[MinValueValidator(Decimal(0))],
                                    help_text=_("Khi chấm điểm: từ điểm này trở lên là Đạt"))

    agency_lookup = "campaign__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("đề bài thu hoạch")
        verbose_name_plural = _("đề bài thu hoạch")
        ordering = ["campaign", "id"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "directive"], name="reflection_prompt_unique_directive"),
            models.UniqueConstraint(fields=["campaign"], condition=models.Q(directive__isnull=True),
                                    name="reflection_prompt_unique_campaign_wide"),
        ]

    def __str__(self) -> str:
        return f"{self.campaign} — {self.directive.number if self.directive_id else _('mọi văn bản')}"

    def clean(self) -> None:
        if self.scheme == GradingScheme.POINTS and self.pass_mark > self.max_points:
            raise ValidationError({"pass_mark": _("Điểm đạt không được lớn hơn điểm tối đa.")})
