"""import_roster FILE [--agency CODE] [--create-units] [--deactivate-missing] [--dry-run] (CONTRACT.md)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.cli import in_english
from core.errors import ImportRefused
from org.cli import agency_from_option
from org.services.roster import roster_import


class Command(BaseCommand):
    help = "Create or update the staff roster of an agency from an .xlsx or .csv file (all-or-nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="roster .xlsx (first sheet) or .csv (UTF-8)")
        parser.add_argument("--agency", help="agency code (default: the only agency)")
        parser.add_argument("--create-units", action="store_true", help="create units named in the file that do not exist")
        parser.add_argument(
            "--deactivate-missing", action="store_true", help="deactivate active staff of the agency absent from the file"
        )
        parser.add_argument("--dry-run", action="store_true", help="validate and report without writing")

    @in_english
    def handle(self, *args, **opts):
        path = Path(opts["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        agency = agency_from_option(opts["agency"])
        try:
            result = roster_import(
                agency=agency,
                table_or_file=path,
                filename=path.name,
                create_units=opts["create_units"],
                deactivate_missing=opts["deactivate_missing"],
                dry_run=opts["dry_run"],
                via="cli",
            )
        except ImportRefused as refused:
            for problem in refused.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"import refused: {len(refused.problems)} problem(s), nothing written", returncode=1
            ) from None
        self.stdout.write(result.summary(with_deactivated=opts["deactivate_missing"]))
        if result.units_created:
            verb = "would create" if result.dry_run else "created"
            self.stderr.write(f"{verb} units: {', '.join(result.units_created)}")
        if result.dry_run:
            self.stderr.write("dry run: nothing written")
