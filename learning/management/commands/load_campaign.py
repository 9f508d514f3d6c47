from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.cli import in_english
from core.errors import DomainError
from learning.services.campaigns import campaign_load
from learning.services.province_campaigns import province_campaign_load
from org.cli import agency_from_option, province_from_option


class Command(BaseCommand):
    help = ("Create or update a study campaign from a YAML file (docs/contract.md, Campaigns); with --province, "
            "the same campaign in every agency of the province.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="campaign YAML file")
        where = parser.add_mutually_exclusive_group()
        where.add_argument("--agency", help="agency code (default: the only agency)")
        where.add_argument("--province", help="province code: the campaign in every agency of the province")
        parser.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")

    @in_english
    def handle(self, *args, **opts):
        path = Path(opts["file"])
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {path}: {exc}") from exc
        try:
            if opts["province"]:
                province = province_from_option(opts["province"])
                result = province_campaign_load(province=province, data=text, dry_run=opts["dry_run"], actor=None)
                for line in result.lines():
                    self.stdout.write(line)
                return
            agency = agency_from_option(opts["agency"])
            result = campaign_load(agency=agency, data=text, dry_run=opts["dry_run"], actor=None)
        except DomainError as exc:
            for problem in exc.problems or [exc]:
                self.stderr.write(f"{path.name}: {problem}")
            raise CommandError(f"campaign refused ({len(exc.problems) or 1} problem(s)); nothing was written",
                               returncode=1) from exc
        self.stdout.write(result.summary())
