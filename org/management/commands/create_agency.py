"""create_agency CODE NAME [--province CODE] [--governing-body TEXT]: an agency to import a roster
into (idempotent)."""

from django.core.management.base import BaseCommand, CommandError

from org.cli import province_from_option
from org.services.agencies import agency_ensure


class Command(BaseCommand):
    help = "Create an agency (root unit) or update its name; also creates the role groups."

    def add_arguments(self, parser):
        parser.add_argument("code", help="agency code, e.g. SCT")
        parser.add_argument("name", help='agency name, e.g. "Sở Công Thương Tây Ninh"')
        parser.add_argument("--province", default=None, help="code of the province the agency belongs to")
        parser.add_argument("--governing-body", default="",
                            help='e.g. "UBND TỈNH TÂY NINH" (report headers; default: the province\'s)')

    def handle(self, *args, **opts):
        if not opts["code"].strip() or not opts["name"].strip():
            raise CommandError("code and name must not be empty")
        province = province_from_option(opts["province"]) if opts["province"] else None
        agency, created = agency_ensure(code=opts["code"], name=opts["name"], governing_body=opts["governing_body"],
                                        province=province)
        where = f" in province {province.code}" if province else ""
        self.stdout.write(f"{'created' if created else 'updated'} agency {agency.code}{where}")
