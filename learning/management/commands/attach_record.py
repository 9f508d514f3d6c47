"""attach_record --session ID FILE [--kind sheet|minutes|photo|other] [--note TEXT] (docs/contract.md,
"Session originals"): prints `attached KIND <first 12 hex of SHA-256>` or `already attached …`."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.errors import DomainError
from learning.models import SessionRecordKind, StudySession
from learning.services.records import record_max_bytes, session_record_attach


class Command(BaseCommand):
    help = "Attach an original (scanned signed sheet, minutes, photo) to a study session."

    def add_arguments(self, parser):
        parser.add_argument("--session", type=int, required=True, help="the session's id")
        parser.add_argument("file", help="a PDF, JPEG or PNG file (at most 20 MB)")
        parser.add_argument("--kind", choices=SessionRecordKind.values, default=SessionRecordKind.OTHER)
        parser.add_argument("--note", default="")

    def handle(self, *args, **opts):
        session = StudySession.objects.select_related("campaign__agency").filter(pk=opts["session"]).first()
        if session is None:
            raise CommandError(f"session {opts['session']} not found")
        path = Path(opts["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        if path.stat().st_size > record_max_bytes():  # refuse before reading a huge file into memory
            raise CommandError(f"{path}: larger than {record_max_bytes() // (1024 * 1024)} MB")
        try:
            result = session_record_attach(session=session, content=path.read_bytes(), filename=path.name,
                                           kind=opts["kind"], note=opts["note"])
        except DomainError as exc:
            raise CommandError(f"{path}: {exc}") from exc
        if result.created:
            self.stdout.write(f"attached {result.record.kind} {result.short_hash}")
        else:
            self.stdout.write(f"already attached {result.record.kind} {result.short_hash}")
