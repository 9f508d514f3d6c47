"""import_attendance FILE --session ID [--dry-run] (CONTRACT.md): a filled-in sign-in sheet."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.cli import in_english
from core.errors import DomainError, ImportRefused
from learning.models import StudySession
from learning.services.attendance import attendance_import


class Command(BaseCommand):
    help = "Import attendance at a study session from an .xlsx or .csv sheet (all-or-nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file", help=".xlsx (first sheet) or .csv (UTF-8) with Mã cán bộ, Họ và tên, Trạng thái, Ghi chú")
        parser.add_argument("--session", required=True, type=int, help="session id (printed by create_session)")
        parser.add_argument("--dry-run", action="store_true", help="validate and report without writing")

    @in_english
    def handle(self, *args, **opts):
        path = Path(opts["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        session = StudySession.objects.select_related("campaign").filter(pk=opts["session"]).first()
        if session is None:
            raise CommandError(f'unknown session {opts["session"]}')
        try:
            result = attendance_import(session=session, file=path, filename=path.name, dry_run=opts["dry_run"])
        except ImportRefused as refused:
            for problem in refused.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"import refused: {len(refused.problems)} problem(s), nothing written") from None
        except DomainError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(result.summary())
        if result.dry_run:
            self.stderr.write("dry run: nothing written")
