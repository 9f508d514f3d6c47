"""create_api_token --agency CODE|--province CODE --name TEXT [--write]: a token for the REST API,
printed alone on the last line (shown once: only its hash is kept). A province token is read-only."""

from django.core.management.base import BaseCommand, CommandError

from api.services.tokens import api_token_create
from core.errors import DomainError
from org.cli import agency_from_option
from org.selectors.provinces import province_find


class Command(BaseCommand):
    help = "Create a REST API token of one agency or province (docs/api.md); prints the token on the last line."

    def add_arguments(self, parser):
        scope = parser.add_mutually_exclusive_group(required=True)
        scope.add_argument("--agency", help="agency code")
        scope.add_argument("--province", help="province code (read-only: aggregate figures of its agencies)")
        parser.add_argument("--name", required=True, help='which system uses it, e.g. "LMS tỉnh"')
        parser.add_argument("--write", action="store_true",
                            help="may send the roster and evidence (agency tokens; default: read only)")

    def handle(self, *args, **opts):
        try:
            if opts["province"]:
                scope = {"province": province_find(code=opts["province"])}
            else:
                scope = {"agency": agency_from_option(opts["agency"])}
            token, secret = api_token_create(**scope, name=opts["name"], write=opts["write"])
        except DomainError as exc:
            raise CommandError(str(exc)) from exc
        access = "read and write" if token.can_write else "read only"
        owner = f"agency {token.agency.code}" if token.agency_id else f"province {token.province.code}"
        self.stdout.write(f'created API token {token.prefix}… "{token.name}" of {owner} ({access}); '
                          "it is shown once, keep it secret:")
        self.stdout.write(secret)
