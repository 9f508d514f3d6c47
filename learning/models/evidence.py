"""Manual evidence: HR records that someone studied a directive outside the system."""

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


def proof_upload_to(instance, filename: str) -> str:
    """evidence/manual/<year>/<random>/<uploaded name>: a path nobody can guess (in the private
    storage, never under a public URL); the uploaded name is kept for the download."""
    name = get_valid_filename(PurePath(filename).name) or "minh-chung"
    stem, dot, ext = name.rpartition(".")
    if len(name) > 100:
        name = f"{stem[:90]}.{ext[:9]}" if dot else name[:100]
    return f"evidence/manual/{timezone.now():%Y}/{secrets.token_urlsafe(16)}/{name}"


# Scans and photos of signed minutes or certificates, and office documents; nothing a browser
# would run (the download is an attachment anyway, docs/security.md).
PROOF_EXTENSIONS = ["pdf", "jpg", "jpeg", "png", "webp", "heic", "doc", "docx", "odt", "xlsx", "ods"]


def validate_proof_size(file) -> None:
    if file.size > settings.IMPORT_MAX_UPLOAD_BYTES:
        raise ValidationError(_("Tệp minh chứng quá lớn (tối đa %(mb)d MB)."),
                              params={"mb": settings.IMPORT_MAX_UPLOAD_BYTES // (1024 * 1024)}, code="too_large")


class ManualEvidence(models.Model):
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="manual_evidence", verbose_name=_("cán bộ"))
    directive = models.ForeignKey("courses.DirectivePage", on_delete=models.PROTECT, related_name="+", verbose_name=_("văn bản"))
    date = models.DateField(_("ngày học"))
    note = models.TextField(_("ghi chú"), blank=True)
    # Served only by learning.views.evidence.proof (object-level check); the storage has no URLs.
    proof = models.FileField(_("minh chứng đính kèm"), upload_to=proof_upload_to, storage=private_storage,
                             max_length=255, blank=True,
                             validators=[FileExtensionValidator(PROOF_EXTENSIONS), validate_proof_size])
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    recorded_at = models.DateTimeField(auto_now_add=True)

    agency_lookup = "employee__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("minh chứng thủ công")
        verbose_name_plural = _("minh chứng thủ công")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["directive", "date"])]

    def __str__(self) -> str:
        return f"{self.employee} — {self.directive.number} ({self.date:%d/%m/%Y})"
