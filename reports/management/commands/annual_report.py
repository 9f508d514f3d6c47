"""annual_report --campaign SLUG --format pdf|docx --out FILE [--as-of DATE] [--number TEXT]
[--date YYYY-MM-DD] [--signer-title TEXT] [--signer-name TEXT] (docs/contract.md)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from core.cli import parse_day, write_atomically
from learning.cli import add_campaign_arguments, campaign_from_options
from reports.services.annual_report import annual_report_docx, annual_report_pdf


class Command(BaseCommand):
    help = "Write the annual report (báo cáo kết quả) of a campaign, NĐ 30/2020 layout, as PDF or .docx."

    def add_arguments(self, parser):
        add_campaign_arguments(parser)
        parser.add_argument("--format", required=True, choices=["pdf", "docx"])
        parser.add_argument("--out", required=True, help="output file")
        parser.add_argument("--as-of", dest="as_of", help="figures as of YYYY-MM-DD (default: the saved report's, "
                                                          "else today)")
        parser.add_argument("--number", help='e.g. "45/BC-SCT" (printed "Số: 45/BC-SCT")')
        parser.add_argument("--date", help="date of the report, YYYY-MM-DD (the place-and-date line)")
        parser.add_argument("--signer-title", dest="signer_title", help=r'e.g. "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"')
        parser.add_argument("--signer-name", dest="signer_name")

    def handle(self, *args, **opts):
        campaign = campaign_from_options(opts)
        overrides = {
            "as_of": parse_day(opts["as_of"]) if opts["as_of"] else None,
            "issued_on": parse_day(opts["date"], "--date") if opts["date"] else None,
            "number": opts["number"], "signer_title": opts["signer_title"], "signer_name": opts["signer_name"],
        }
        render = annual_report_pdf if opts["format"] == "pdf" else annual_report_docx
        content = render(campaign=campaign, **overrides)
        write_atomically(Path(opts["out"]), content)
        self.stdout.write(f"wrote {opts['out']} ({len(content)} bytes)")
