"""import_scoring_criteria FILE.xlsx --year YYYY [--agency CODE|--province CODE] [--dry-run] (docs/contract.md)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from core.errors import DomainError, ImportRefused
from org.cli import agency_from_option
from org.selectors.provinces import province_agencies, province_find
from reports.services.scoring import criteria_import, criteria_read


class Command(BaseCommand):
    help = "Import the province's scoring criteria (sheet Tiêu chí) and rating bands (sheet Xếp loại) of a year."

    def add_arguments(self, parser):
        parser.add_argument("file", help=".xlsx with sheets 'Tiêu chí' and 'Xếp loại'")
        parser.add_argument("--year", type=int, required=True)
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--agency", help="agency code (default: the only agency)")
        scope.add_argument("--province", help="province code: the same table for every agency of the province")
        parser.add_argument("--dry-run", action="store_true", help="validate and report without writing")

    def handle(self, *args, **opts):
        path = Path(opts["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        try:
            agencies = (list(province_agencies(province_find(code=opts["province"]))) if opts["province"]
                        else [agency_from_option(opts["agency"])])
            criteria, ratings = criteria_read(path, filename=path.name)
            with transaction.atomic():  # a province-wide import is all or nothing too
                results = [criteria_import(agency=agency, year=opts["year"], criteria=criteria, ratings=ratings,
                                           dry_run=opts["dry_run"]) for agency in agencies]
        except ImportRefused as refused:
            # Where in English (`sheet "Tiêu chí", row 3, column "Mã"`, docs/contract.md); the scoring
            # rules' messages stay Vietnamese, as this command has always printed them.
            with translation.override("en"):
                for problem in refused.problems:
                    self.stderr.write(str(problem))
            raise CommandError(f"import refused: {len(refused.problems)} problem(s), nothing written",
                               returncode=1) from None
        except DomainError as exc:
            raise CommandError(str(exc)) from None
        if not results:
            raise CommandError(f'province "{opts["province"]}" has no agencies')
        self.stdout.write(results[0].line())
        if len(results) > 1:
            self.stderr.write(f"into {len(results)} agencies")
        if opts["dry_run"]:
            self.stderr.write("dry run: nothing written")
