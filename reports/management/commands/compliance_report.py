"""compliance_report --campaign SLUG --format csv|xlsx|pdf --out FILE [--as-of YYYY-MM-DD] [--unit CODE]"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core import exporters
from core.cli import parse_day, write_atomically
from learning.cli import add_campaign_arguments, campaign_from_options
from learning.models import Campaign
from org.models import OrgUnit


def find_unit(campaign: Campaign, code: str) -> OrgUnit:
    unit = OrgUnit.objects.filter(path__startswith=campaign.agency.path, code__iexact=code.strip()).first()
    if unit is None:
        raise CommandError(f'unknown unit "{code}" in {campaign.agency.code}')
    return unit


class Command(BaseCommand):
    help = "Write the compliance report of a campaign as CSV (CONTRACT.md), xlsx or the PDF BÁO CÁO."

    def add_arguments(self, parser):
        add_campaign_arguments(parser)
        parser.add_argument("--format", required=True, choices=sorted(exporters.family("compliance")))
        parser.add_argument("--out", required=True, help="output file")
        parser.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD (default: today)")
        parser.add_argument("--unit", help="unit code: limit to that unit and its sub-units")

    def handle(self, *args, **opts):
        campaign = campaign_from_options(opts)
        as_of = parse_day(opts["as_of"]) if opts["as_of"] else None
        unit = find_unit(campaign, opts["unit"]) if opts["unit"] else None
        rendered = exporters.family("compliance")[opts["format"]]().render(campaign=campaign, as_of=as_of, unit=unit)
        size = write_atomically(Path(opts["out"]), rendered.iter_chunks())  # streamed: never whole in memory
        self.stdout.write(f"wrote {opts['out']} ({size} bytes)")
