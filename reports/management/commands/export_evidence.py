"""export_evidence --campaign SLUG --out FILE.zip [--as-of DATE]"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from core.cli import parse_day
from learning.cli import add_campaign_arguments, campaign_from_options
from reports.services.evidence_pack import evidence_pack_build


class Command(BaseCommand):
    help = "Write the evidence pack (ZIP with manifest.json) of a campaign for the province's scoring."

    def add_arguments(self, parser):
        add_campaign_arguments(parser)
        parser.add_argument("--out", required=True, help="the ZIP file to write")
        parser.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD (default: today)")

    def handle(self, *args, **opts):
        campaign = campaign_from_options(opts)
        as_of = parse_day(opts["as_of"]) if opts["as_of"] else None
        pack = evidence_pack_build(campaign=campaign, out=opts["out"], as_of=as_of)
        for identifier in pack.skipped:
            self.stdout.write(f"note: not included, exporter {identifier} is not available")
        total = sum(f.bytes for f in pack.files)
        signed = f", signed by {pack.signed_by}" if pack.signed_by else ""
        self.stdout.write(f"wrote {pack.path} ({len(pack.files)} files, {total} bytes, as of {pack.as_of.isoformat()}"
                          f"{signed})")
