"""create_session --campaign SLUG --title T --date YYYY-MM-DD --directive REF [--directive REF …]
[--start HH:MM --end HH:MM] [--location TEXT] (CONTRACT.md): prints the new id alone on the last line."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from core.cli import in_english
from core.errors import DomainError
from courses.selectors import directive_resolve
from learning.cli import add_campaign_arguments, campaign_from_options
from learning.services.sessions import session_create


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(f'--date "{value}" is not a date (use YYYY-MM-DD)') from None


def _time(value: str | None, flag: str) -> dt.time | None:
    if not value:
        return None
    try:
        return dt.datetime.strptime(value.strip(), "%H:%M").time()
    except ValueError:
        raise CommandError(f'{flag} "{value}" is not a time (use HH:MM)') from None


class Command(BaseCommand):
    help = "Create a study session (hội nghị học tập, quán triệt) of a campaign; prints its id."

    def add_arguments(self, parser):
        add_campaign_arguments(parser)
        parser.add_argument("--title", required=True)
        parser.add_argument("--date", required=True, help="YYYY-MM-DD")
        parser.add_argument("--directive", action="append", required=True, dest="directives",
                            help="directive reference (23-QĐ/TW, 16/CT-TTg@2016-05-16); repeat for several")
        parser.add_argument("--start", help="HH:MM")
        parser.add_argument("--end", help="HH:MM")
        parser.add_argument("--location", default="")
        parser.add_argument("--online-url", default="", help="link of an online session")
        parser.add_argument("--presenter", default="", help="báo cáo viên")
        parser.add_argument("--late-grace", type=int, default=15, help="minutes after the start before late")
        parser.add_argument("--makeup", action="store_true", help="make-up session (học bù)")

    @in_english
    def handle(self, *args, **opts):
        campaign = campaign_from_options(opts)
        problems, directives = [], []
        for ref in opts["directives"]:
            try:
                directives.append(directive_resolve(ref))
            except DomainError as exc:
                problems.append(str(exc))
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(problems)} unknown or ambiguous directive reference(s)")
        try:
            session = session_create(
                campaign=campaign, title=opts["title"], date=_date(opts["date"]), directives=directives,
                start_time=_time(opts["start"], "--start"), end_time=_time(opts["end"], "--end"),
                location=opts["location"], online_url=opts["online_url"], presenter=opts["presenter"],
                late_grace_minutes=opts["late_grace"], is_makeup=opts["makeup"],
            )
        except DomainError as exc:
            raise CommandError(str(exc)) from exc
        self.stderr.write(f"created session {session.pk}: {session}")
        self.stdout.write(str(session.pk))
