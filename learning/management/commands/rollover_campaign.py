from django.core.management.base import BaseCommand, CommandError

from core.cli import in_english, parse_day
from core.errors import DomainError
from learning.cli import add_campaign_arguments, campaign_from_options
from learning.services.rollover import campaign_rollover


class Command(BaseCommand):
    help = "Create next year's campaign from SLUG: same requirements and audience, dates shifted (CONTRACT.md)."

    def add_arguments(self, parser):
        add_campaign_arguments(parser, positional="slug")
        parser.add_argument("--year", type=int, required=True, help="the new campaign's year")
        parser.add_argument("--start", help="start date YYYY-MM-DD (default: same day and month in that year)")
        parser.add_argument("--due", help="due date YYYY-MM-DD (default: same day and month in that year)")
        parser.add_argument("--with-exemptions", action="store_true", help="carry the exemptions over")

    @in_english
    def handle(self, *args, **opts):
        campaign = campaign_from_options(opts, key="slug")
        start = parse_day(opts["start"], "--start") if opts["start"] else None
        due = parse_day(opts["due"], "--due") if opts["due"] else None
        try:
            result = campaign_rollover(campaign=campaign, year=opts["year"], start=start, due=due,
                                       with_exemptions=opts["with_exemptions"], actor=None)
        except DomainError as exc:
            for problem in exc.problems or [exc]:
                self.stderr.write(str(problem))
            raise CommandError(f"rollover refused; nothing was written ({exc})", returncode=1) from exc
        self.stdout.write(result.summary())
