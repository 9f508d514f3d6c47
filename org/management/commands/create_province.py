"""create_province CODE NAME [--governing-body TEXT] [--issuing-body TEXT] (idempotent)."""

from django.core.management.base import BaseCommand, CommandError

from org.services.provinces import province_ensure


class Command(BaseCommand):
    help = "Create a province (above its agencies) or update its name."

    def add_arguments(self, parser):
        parser.add_argument("code", help="province code, e.g. TN")
        parser.add_argument("name", help='province name, e.g. "Tỉnh Tây Ninh"')
        parser.add_argument("--governing-body", default="", help='default "UBND " + NAME in capitals')
        parser.add_argument("--issuing-body", default=None, help='issuer of the province report, default "SỞ NỘI VỤ"')

    def handle(self, *args, **opts):
        if not opts["code"].strip() or not opts["name"].strip():
            raise CommandError("code and name must not be empty")
        province, created = province_ensure(code=opts["code"], name=opts["name"],
                                            governing_body=opts["governing_body"], issuing_body=opts["issuing_body"])
        self.stdout.write(f"{'created' if created else 'updated'} province {province.code}")
