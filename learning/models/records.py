"""Originals of a study session (biên bản, danh sách ký, ảnh hội nghị): the scanned signed sheet,
the minutes, photos and other files, kept byte for byte in the private storage."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.choices import choice_label
from core.storage import private_storage
from org.scoping import AgencyScopedManager

from .sessions import StudySession


class SessionRecordKind(models.TextChoices):
    SHEET = "sheet", _("Danh sách ký tên")
    MINUTES = "minutes", _("Biên bản")
    PHOTO = "photo", _("Ảnh hội nghị")
    OTHER = "other", _("Tài liệu khác")


def record_upload_to(instance, filename: str) -> str:
    """sessions/<year>/<random>.<ext>: unguessable, in the private storage; the uploaded name is
    kept in `original_name` for the download and the evidence pack."""
    return f"sessions/{timezone.now():%Y}/{secrets.token_urlsafe(16)}.{instance.extension}"


class SessionRecord(models.Model):
    session = models.ForeignKey(StudySession, on_delete=models.CASCADE, related_name="records",
                                verbose_name=_("hội nghị"))
    kind = models.CharField(_("loại"), max_length=16, choices=SessionRecordKind.choices,
                            default=SessionRecordKind.OTHER)
    # Served only by learning.views.records.download (object-level check); the storage has no URLs.
    file = models.FileField(_("tệp"), upload_to=record_upload_to, storage=private_storage, max_length=255)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255)
    content_type = models.CharField(_("định dạng"), max_length=32)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)

    agency_lookup = "session__campaign__agency"  # how a row reaches its agency (org.scoping)
    objects = AgencyScopedManager()

    class Meta:
        verbose_name = _("bản gốc hội nghị")
        verbose_name_plural = _("bản gốc hội nghị")
        ordering = ["session", "kind", "uploaded_at", "pk"]
        constraints = [
            # The same bytes attached twice to one session are one record (attach_record is idempotent).
            models.UniqueConstraint(fields=["session", "sha256"], name="session_record_unique_content"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"

    def get_kind_display(self) -> str:
        return choice_label(SessionRecordKind, self.kind)

    @property
    def extension(self) -> str:
        return {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}.get(self.content_type, "bin")
