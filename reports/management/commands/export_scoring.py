"""export_scoring --year YYYY --format xlsx|pdf --out FILE [--agency CODE] (docs/contract.md)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from core.cli import write_atomically
from org.cli import agency_from_option
from reports.exporters.scoring import scoring_pdf, scoring_xlsx
from reports.selectors.scoring import scoring_sheet


class Command(BaseCommand):
    help = "Write the self-assessment of a year (xlsx with the evidence index, or the NĐ 30/2020 PDF)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", required=True, choices=["xlsx", "pdf"])
        parser.add_argument("--out", required=True, help="output file")
        parser.add_argument("--agency", help="agency code (default: the only agency)")

    def handle(self, *args, **opts):
        agency = agency_from_option(opts["agency"])
        year = opts["year"]
        if opts["format"] == "pdf":
            content = scoring_pdf(agency=agency, year=year)
        else:
            content = scoring_xlsx(scoring_sheet(agency=agency, year=year))
        write_atomically(Path(opts["out"]), content)
        self.stdout.write(f"wrote {opts['out']} ({len(content)} bytes)")
