"""Manual evidence: HR records that someone studied a directive outside the system."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .org import Employee


class ManualEvidence(models.Model):
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="manual_evidence", verbose_name=_("cán bộ"))
    directive = models.ForeignKey("courses.DirectivePage", on_delete=models.PROTECT, related_name="+", verbose_name=_("văn bản"))
    date = models.DateField(_("ngày học"))
    note = models.TextField(_("ghi chú"), blank=True)
    proof = models.FileField(_("minh chứng đính kèm"), upload_to="evidence/manual/%Y/", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("minh chứng thủ công")
        verbose_name_plural = _("minh chứng thủ công")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["directive", "date"])]

    def __str__(self) -> str:
        return f"{self.employee} — {self.directive.number} ({self.date:%d/%m/%Y})"
