"""create_agency CODE NAME [--governing-body TEXT]: an agency to import a roster into (idempotent)."""

from django.core.management.base import BaseCommand, CommandError

from org.services.agencies import agency_ensure


class Command(BaseCommand):
    help = "Create an agency (root unit) or update its name; also creates the role groups."

    def add_arguments(self, parser):
        parser.add_argument("code", help="agency code, e.g. SCT")
        parser.add_argument("name", help='agency name, e.g. "Sở Công Thương Tây Ninh"')
        parser.add_argument("--governing-body", default="", help='e.g. "UBND TỈNH TÂY NINH" (report headers)')

    def handle(self, *args, **opts):
        if not opts["code"].strip() or not opts["name"].strip():
            raise CommandError("code and name must not be empty")
        agency, created = agency_ensure(code=opts["code"], name=opts["name"], governing_body=opts["governing_body"])
        self.stdout.write(f"{'created' if created else 'updated'} agency {agency.code}")
