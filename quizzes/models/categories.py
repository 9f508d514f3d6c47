"""Question bank categories: by default one per directive (GIFT `$CATEGORY:`).

A category — and with it every question in it — belongs to one agency, or to none: shared content,
which only superusers (and the command line) change and every agency may draw from (docs/security.md,
"Quiz ownership"). Names are unique within an owner."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from org.scoping import AgencyScopedManager


class QuestionCategory(models.Model):
    name = models.CharField(_("tên nhóm câu hỏi"), max_length=255)
    agency = models.ForeignKey("org.OrgUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("cơ quan sở hữu"),
                               help_text=_("Để trống: ngân hàng dùng chung, chỉ quản trị hệ thống được sửa"))
    directive = models.ForeignKey(
        "courses.DirectivePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="question_categories",
        verbose_name=_("văn bản"),
    )
    description = models.TextField(_("mô tả"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    agency_lookup = "agency"  # how a row reaches its agency (org.scoping); shared when none (quizzes.selectors: own + shared)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("nhóm câu hỏi")
        verbose_name_plural = _("nhóm câu hỏi")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="question_category_unique_name_per_agency"),
            models.UniqueConstraint(fields=["name"], condition=models.Q(agency__isnull=True),
                                    name="question_category_unique_shared_name"),
        ]

    def __str__(self) -> str:
        return self.name
