from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.errors import DomainError
from learning.services.campaigns import campaign_load
from org.cli import agency_from_option


class Command(BaseCommand):
    help = "Create or update a study campaign from a YAML file (CONTRACT.md, Campaigns)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="campaign YAML file")
        parser.add_argument("--agency", help="agency code (default: the only agency)")
        parser.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")

    def handle(self, *args, **opts):
        path = Path(opts["file"])
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {path}: {exc}") from exc
        agency = agency_from_option(opts["agency"])
        try:
            result = campaign_load(agency=agency, data=text, dry_run=opts["dry_run"], actor=None)
        except DomainError as exc:
            for problem in exc.problems or [exc]:
                self.stderr.write(f"{path.name}: {problem}")
            raise CommandError(f"campaign refused ({len(exc.problems) or 1} problem(s)); nothing was written",
                               returncode=1) from exc
        self.stdout.write(result.summary())
