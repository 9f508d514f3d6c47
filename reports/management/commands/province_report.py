"""province_report --province CODE --campaign SLUG --format csv|xlsx|pdf --out FILE [--as-of DATE]"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core import exporters
from core.cli import parse_day, write_atomically
from learning.selectors.province import province_campaigns
from org.cli import province_from_option


class Command(BaseCommand):
    help = "Write the province's consolidated report of a province-wide campaign (docs/contract.md, Province)."

    def add_arguments(self, parser):
        parser.add_argument("--province", required=True, help="province code")
        parser.add_argument("--campaign", required=True, help="campaign slug (the same in every agency)")
        parser.add_argument("--format", required=True, choices=sorted(exporters.family("province")))
        parser.add_argument("--out", required=True, help="output file")
        parser.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD (default: today)")

    def handle(self, *args, **opts):
        province = province_from_option(opts["province"])
        if not any(campaign for _, campaign in province_campaigns(province=province, slug=opts["campaign"])):
            raise CommandError(f'no agency of province {province.code} has campaign "{opts["campaign"]}"')
        as_of = parse_day(opts["as_of"]) if opts["as_of"] else None
        rendered = exporters.family("province")[opts["format"]]().render(province=province, slug=opts["campaign"],
                                                                         as_of=as_of)
        size = write_atomically(Path(opts["out"]), rendered.iter_chunks())  # streamed: never whole in memory
        self.stdout.write(f"wrote {opts['out']} ({size} bytes)")
