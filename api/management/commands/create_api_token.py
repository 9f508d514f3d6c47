"""create_api_token --agency CODE --name TEXT [--write]: a token for the REST API, printed alone on
the last line (shown once: only its hash is kept)."""

from django.core.management.base import BaseCommand, CommandError

from api.services.tokens import api_token_create
from core.errors import DomainError
from org.cli import agency_from_option


class Command(BaseCommand):
    help = "Create a REST API token of one agency (docs/api.md); prints the token on the last line."

    def add_arguments(self, parser):
        parser.add_argument("--agency", required=True, help="agency code")
        parser.add_argument("--name", required=True, help='which system uses it, e.g. "LMS tỉnh"')
        parser.add_argument("--write", action="store_true", help="may send the roster and evidence (default: read only)")

    def handle(self, *args, **opts):
        agency = agency_from_option(opts["agency"])
        try:
            token, secret = api_token_create(agency=agency, name=opts["name"], write=opts["write"])
        except DomainError as exc:
            raise CommandError(str(exc)) from exc
        access = "read and write" if token.can_write else "read only"
        self.stdout.write(f"created API token {token.prefix}… \"{token.name}\" of {agency.code} ({access}); "
                          "it is shown once, keep it secret:")
        self.stdout.write(secret)
