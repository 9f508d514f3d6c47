from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from certificates.services import certificates_issue_for_campaign
from core.errors import DomainError
from core.tables import parse_date
from learning.cli import add_campaign_arguments, campaign_from_options


class Command(BaseCommand):
    help = "Issue a certificate to everyone who completed every requirement of a campaign (idempotent)."

    def add_arguments(self, parser):
        add_campaign_arguments(parser)
        parser.add_argument("--as-of", help="completion as of this date (dd/mm/yyyy or yyyy-mm-dd; default today); "
                                            "each certificate is dated the day its holder completed")
        parser.add_argument("--out", help="also write every valid certificate of the campaign (earlier ones "
                                          "included) as DIR/<employee_code>.pdf")

    def handle(self, *args, **opts):
        campaign = campaign_from_options(opts)
        as_of = None
        if opts["as_of"]:
            try:
                with translation.override("en"):  # the command speaks English (docs/contract.md)
                    as_of = parse_date(opts["as_of"])
            except ValueError as exc:
                raise CommandError(f"--as-of: {exc}") from exc
        out = Path(opts["out"]) if opts["out"] else None
        try:
            result = certificates_issue_for_campaign(campaign=campaign, as_of=as_of, out_dir=out)
        except DomainError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"issued {result.issued_count}")
