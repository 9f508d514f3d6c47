from django.core.management.base import BaseCommand, CommandError

from certificates.services import certificate_revoke
from core.cli import in_english
from core.errors import DomainError


class Command(BaseCommand):
    help = "Revoke a certificate by its verification code (case and dashes do not matter)."

    def add_arguments(self, parser):
        parser.add_argument("code", help="verification code, e.g. ABCD-EFGH-JKMN-PQRS-TUVW")
        parser.add_argument("--reason", required=True, help="why it is revoked (kept in the register)")

    @in_english
    def handle(self, *args, **opts):
        try:
            certificate = certificate_revoke(code=opts["code"], reason=opts["reason"], actor=None)
        except DomainError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"revoked {certificate.serial} ({certificate.holder_name})")
