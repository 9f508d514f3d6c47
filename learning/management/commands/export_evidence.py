"""export_evidence --campaign SLUG --out FILE.zip [--as-of DATE]"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from learning.management.commands.compliance_report import find_campaign, parse_day
from learning.services.evidence_pack import evidence_pack_build


class Command(BaseCommand):
    help = "Write the evidence pack (ZIP with manifest.json) of a campaign for the province's scoring."

    def add_arguments(self, parser):
        parser.add_argument("--campaign", required=True, help="campaign slug")
        parser.add_argument("--out", required=True, help="the ZIP file to write")
        parser.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD (default: today)")

    def handle(self, *args, **opts):
        campaign = find_campaign(opts["campaign"])
        as_of = parse_day(opts["as_of"]) if opts["as_of"] else None
        pack = evidence_pack_build(campaign=campaign, out=opts["out"], as_of=as_of)
        for identifier in pack.skipped:
            self.stdout.write(f"note: not included, exporter {identifier} is not available")
        total = sum(f.bytes for f in pack.files)
        self.stdout.write(f"wrote {pack.path} ({len(pack.files)} files, {total} bytes, as of {pack.as_of.isoformat()})")
