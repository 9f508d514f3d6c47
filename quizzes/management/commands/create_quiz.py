"""create_quiz --slug S --title T --directive REF [...] [--pass-mark 80] [--max-questions N]
[--time-limit MIN] [--attempts N] (CONTRACT.md)."""

from django.core.management.base import BaseCommand, CommandError

from core.cli import in_english
from quizzes.services.quizzes import QuizInvalid, quiz_create


class Command(BaseCommand):
    help = "Create a quiz linked to one or more directives (passing it proves study of each)."

    def add_arguments(self, parser):
        parser.add_argument("--slug", required=True)
        parser.add_argument("--title", required=True)
        parser.add_argument("--directive", action="append", default=[], required=True,
                            help="directive number as written in the plan (repeatable); NUMBER@YYYY-MM-DD when reused")
        parser.add_argument("--pass-mark", type=int, default=80, help="percent (default 80)")
        parser.add_argument("--max-questions", type=int, help="questions drawn at random for each attempt")
        parser.add_argument("--time-limit", type=int, help="minutes")
        parser.add_argument("--attempts", type=int, help="attempts allowed (default unlimited)")
        parser.add_argument("--draft", action="store_true", help="hidden from learners until published")

    @in_english
    def handle(self, *args, **o):
        try:
            quiz = quiz_create(slug=o["slug"], title=o["title"], directive_refs=o["directive"], pass_mark=o["pass_mark"],
                               max_questions=o["max_questions"], time_limit=o["time_limit"], attempts=o["attempts"],
                               draft=o["draft"])
        except QuizInvalid as exc:
            for problem in str(exc).split("; "):
                self.stderr.write(problem)
            raise CommandError("quiz not created", returncode=1) from None
        self.stdout.write(f"created quiz {quiz.slug}")
