"""Session originals (biên bản, danh sách ký, ảnh): attach a scanned signed sheet, the minutes, photos
or another file to a study session, and remove one attached in error. Every change is audited.

A file is accepted by what it is, not by what it is called: its first bytes must be a PDF, JPEG or
PNG signature (an `.exe` renamed `.pdf` is refused, a `.PDF` photo taken by a phone is a JPEG). It
is kept byte for byte — never re-encoded or re-signed — so that its SHA-256, printed when it is
attached and listed in the evidence pack's manifest, stays the proof of what was handed in.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.text import get_valid_filename

from core.errors import DomainError
from learning.models import SessionRecord, SessionRecordKind, StudySession
from org.selectors.access import hr_of_agency_required
from org.services.audit import audit_log

# (leading bytes, MIME type): what the file is, whatever its name says.
SIGNATURES = [
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
]


class RecordRefused(DomainError):
    code = "record_refused"


@dataclass(frozen=True)
class AttachResult:
    record: SessionRecord
    created: bool  # False: the same bytes were already attached to this session, nothing changed

    @property
    def short_hash(self) -> str:
        return self.record.sha256[:12]


def record_content_type(content: bytes) -> str | None:
    """The MIME type of `content` from its magic bytes; None when it is none of PDF, JPEG, PNG."""
    for magic, mimetype in SIGNATURES:
        if content.startswith(magic):
            return mimetype
    return None


def record_max_bytes() -> int:
    return settings.SESSION_RECORD_MAX_BYTES


def record_snapshot(record: SessionRecord) -> dict:
    return {"session": record.session_id, "kind": record.kind, "name": record.original_name,
            "content_type": record.content_type, "sha256": record.sha256, "bytes": record.size,
            "note": record.note, "file": record.file.name}


def _clean_name(filename: str) -> str:
    name = get_valid_filename(PurePath(filename or "").name) or "ban-goc"
    if len(name) > 200:
        stem, dot, ext = name.rpartition(".")
        name = f"{stem[:180]}.{ext[:9]}" if dot else name[:200]
    return name


def session_record_attach(*, session: StudySession, content: bytes, filename: str,
                          kind: str = SessionRecordKind.OTHER, note: str = "", actor=None) -> AttachResult:
    """Attach one original to `session`. Refused (RecordRefused, with a code) when the kind is
    unknown, the file is empty, larger than SESSION_RECORD_MAX_BYTES or not a PDF/JPEG/PNG by
    content. The same bytes twice are not a second record: the existing one is returned."""
    hr_of_agency_required(actor=actor, agency=session.campaign.agency)
    if kind not in SessionRecordKind.values:
        raise RecordRefused(f'unknown kind "{kind}" (use {"|".join(SessionRecordKind.values)})', code="bad_kind")
    if not content:
        raise RecordRefused("the file is empty", code="empty")
    limit = record_max_bytes()
    if len(content) > limit:
        raise RecordRefused(f"the file is {len(content)} bytes, larger than {limit // (1024 * 1024)} MB",
                            code="too_large")
    content_type = record_content_type(content)
    if content_type is None:
        raise RecordRefused("the file is not a PDF, JPEG or PNG (judged by its content, not its name)",
                            code="bad_type")
    digest = hashlib.sha256(content).hexdigest()
    existing = SessionRecord.objects.filter(session=session, sha256=digest).first()
    if existing is not None:
        return AttachResult(existing, created=False)
    record = SessionRecord(session=session, kind=kind, original_name=_clean_name(filename),
                           content_type=content_type, sha256=digest, size=len(content), note=(note or "").strip()[:500],
                           uploaded_by=actor if getattr(actor, "is_authenticated", False) else None)
    try:
        with transaction.atomic():
            record.file.save(record.original_name, ContentFile(content), save=False)
            record.save()
            audit_log(actor=actor, action="session_record.attach", obj=record, after=record_snapshot(record))
    except IntegrityError:
        # Two uploads of the same file at once: the other one won; ours leaves no stray file.
        record.file.storage.delete(record.file.name)
        return AttachResult(SessionRecord.objects.get(session=session, sha256=digest), created=False)
    return AttachResult(record, created=True)


def session_record_delete(*, record: SessionRecord, actor=None) -> None:
    """Remove an original attached in error. The stored file is kept (the audit entry names it)."""
    hr_of_agency_required(actor=actor, agency=record.session.campaign.agency)
    with transaction.atomic():
        audit_log(actor=actor, action="session_record.delete", obj=record, before=record_snapshot(record))
        record.delete()
