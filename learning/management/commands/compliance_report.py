"""compliance_report --campaign SLUG --format csv|xlsx|pdf --out FILE [--as-of YYYY-MM-DD] [--unit CODE]"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core import exporters
from learning.models import Campaign, OrgUnit

FORMATS = {"csv": "compliance-csv", "xlsx": "compliance-xlsx", "pdf": "compliance-pdf"}


def parse_day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f'--as-of: "{value}" is not a date (use YYYY-MM-DD)') from exc


def find_campaign(slug: str) -> Campaign:
    campaign = Campaign.objects.select_related("agency").filter(slug=slug).first()
    if campaign is None:
        raise CommandError(f'unknown campaign "{slug}"')
    return campaign


def find_unit(campaign: Campaign, code: str) -> OrgUnit:
    unit = OrgUnit.objects.filter(path__startswith=campaign.agency.path, code__iexact=code.strip()).first()
    if unit is None:
        raise CommandError(f'unknown unit "{code}" in {campaign.agency.code}')
    return unit


def write_atomically(path: Path, content: bytes) -> None:
    """Write to a temporary file beside the target and rename it: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class Command(BaseCommand):
    help = "Write the compliance report of a campaign as CSV (CONTRACT.md), xlsx or the PDF BÁO CÁO."

    def add_arguments(self, parser):
        parser.add_argument("--campaign", required=True, help="campaign slug")
        parser.add_argument("--format", required=True, choices=sorted(FORMATS))
        parser.add_argument("--out", required=True, help="output file")
        parser.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD (default: today)")
        parser.add_argument("--unit", help="unit code: limit to that unit and its sub-units")

    def handle(self, *args, **opts):
        campaign = find_campaign(opts["campaign"])
        as_of = parse_day(opts["as_of"]) if opts["as_of"] else None
        unit = find_unit(campaign, opts["unit"]) if opts["unit"] else None
        rendered = exporters.get(FORMATS[opts["format"]]).render(campaign=campaign, as_of=as_of, unit=unit)
        write_atomically(Path(opts["out"]), rendered.content)
        self.stdout.write(f"wrote {opts['out']} ({len(rendered.content)} bytes)")
