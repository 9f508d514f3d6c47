from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.errors import DomainError
from learning.services.campaigns import campaign_load
from org.models import OrgUnit


def agency_for(code: str | None) -> OrgUnit:
    """The agency named by --agency, or the only one when there is just one."""
    agencies = OrgUnit.objects.filter(depth=1)
    if code:
        agency = agencies.filter(code__iexact=code.strip()).first()
        if agency is None:
            raise CommandError(f'unknown agency "{code}"')
        return agency
    found = list(agencies[:2])
    if len(found) != 1:
        raise CommandError("no agency yet (run seed_demo or import_roster)" if not found
                           else "several agencies: choose one with --agency CODE")
    return found[0]


class Command(BaseCommand):
    help = "Create or update a study campaign from a YAML file (CONTRACT.md, Campaigns)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="campaign YAML file")
        parser.add_argument("--agency", help="agency code (default: the only agency)")
        parser.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")

    def handle(self, *args, **opts):
        path = Path(opts["file"])
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {path}: {exc}") from exc
        agency = agency_for(opts["agency"])
        try:
            result = campaign_load(agency=agency, data=text, dry_run=opts["dry_run"], actor=None)
        except DomainError as exc:
            for problem in exc.problems or [exc]:
                self.stderr.write(f"{path.name}: {problem}")
            raise CommandError(f"campaign refused ({len(exc.problems) or 1} problem(s)); nothing was written",
                               returncode=1) from exc
        self.stdout.write(result.summary())
