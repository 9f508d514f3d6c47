"""export_questions --quiz S --format gift|xlsx|moodle-xml [--out FILE] (CONTRACT.md): text formats to
stdout, or a file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.cli import in_english
from core.errors import ImportRefused
from quizzes.services.bank import questions_export

from ._common import add_quiz_arguments, quiz_for


class Command(BaseCommand):
    help = "Export a quiz's questions; importing the export and exporting again gives the same bytes."

    def add_arguments(self, parser):
        add_quiz_arguments(parser)
        parser.add_argument("--format", choices=["gift", "xlsx", "aiken", "quizapp-json", "moodle-xml"], default="gift")
        parser.add_argument("--out", help="file to write (required for xlsx)")

    @in_english
    def handle(self, *args, **o):
        quiz = quiz_for(o["quiz"], o["agency"])
        if o["format"] == "xlsx" and not o["out"]:
            raise CommandError("--format xlsx needs --out FILE")
        try:
            data = questions_export(quiz=quiz, fmt=o["format"])
        except ImportRefused as refused:
            for problem in refused.problems:
                self.stderr.write(str(problem))
            raise CommandError("export refused", returncode=1) from None
        if o["out"]:
            Path(o["out"]).write_bytes(data)
            self.stderr.write(f"wrote {o['out']}")
        else:
            self.stdout.write(data.decode("utf-8"), ending="")
