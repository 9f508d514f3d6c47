"""import_questions FILE --quiz S [--format gift|aiken|xlsx|quizapp-json|moodle-xml] [--dry-run] (CONTRACT.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.cli import in_english
from core.errors import ImportRefused
from quizzes.formats import FORMATS, format_for
from quizzes.services.bank import questions_import, questions_parse

from ._common import add_quiz_arguments, quiz_for, refuse


class Command(BaseCommand):
    help = "Import questions into a quiz's bank, all-or-nothing; re-importing the same file changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")
        add_quiz_arguments(parser)
        parser.add_argument("--format", choices=FORMATS, help="default: from the extension (.gift .txt .xlsx .json .xml)")
        parser.add_argument("--dry-run", action="store_true")

    @in_english
    def handle(self, *args, **o):
        path = Path(o["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        fmt = format_for(path.name, o["format"])
        if not fmt:
            raise CommandError(f'cannot tell the format of "{path.name}": give --format {"|".join(FORMATS)}')
        quiz = quiz_for(o["quiz"], o["agency"])
        try:
            parsed = questions_parse(data=path.read_bytes(), fmt=fmt, quiz=quiz)
            result = questions_import(quiz=quiz, questions=parsed, dry_run=o["dry_run"])
        except ImportRefused as refused:
            refuse(self, refused)
        for question in parsed:
            for note in question.notes:
                self.stderr.write(f'question "{question.name or question.text[:40]}": {note}')
        self.stdout.write(f"imported {result.imported} questions")
        self.stderr.write(f"{result.created} new in the bank, {result.reused} already there")
        if result.dry_run:
            self.stderr.write("dry run: nothing written")
