"""Question bank categories: by default one per directive (GIFT `$CATEGORY:`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionCategory(models.Model):
    name = models.CharField(_("tên nhóm câu hỏi"), max_length=255, unique=True)
    directive = models.ForeignKey(
        "courses.DirectivePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="question_categories",
        verbose_name=_("văn bản"),
    )
    description = models.TextField(_("mô tả"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nhóm câu hỏi")
        verbose_name_plural = _("nhóm câu hỏi")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
