"""import_quiz_results FILE --quiz S [--dry-run] (CONTRACT.md): results of a paper test."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.cli import in_english
from core.errors import ImportRefused
from core.tables import read_table
from quizzes.services.paper import COLUMNS, paper_results_import

from ._common import add_quiz_arguments, quiz_for, refuse


class Command(BaseCommand):
    help = "Record paper test results (Mã cán bộ, Điểm, Điểm tối đa, Ngày làm bài); idempotent."

    def add_arguments(self, parser):
        parser.add_argument("file")
        add_quiz_arguments(parser)
        parser.add_argument("--dry-run", action="store_true")

    @in_english
    def handle(self, *args, **o):
        path = Path(o["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        quiz = quiz_for(o["quiz"], o["agency"])
        try:
            table = read_table(path, COLUMNS, filename=path.name)
            result = paper_results_import(quiz=quiz, table=table, dry_run=o["dry_run"])
        except ImportRefused as refused:
            refuse(self, refused)
        self.stdout.write(f"imported {len(result.rows)} results: created {result.created}, updated {result.updated}, "
                          f"unchanged {result.unchanged} ({result.passed} passed)")
        if result.dry_run:
            self.stderr.write("dry run: nothing written")
