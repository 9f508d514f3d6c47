"""grant_province_access --agency CODE --officer USERNAME --purpose TEXT --until YYYY-MM-DD
[--revoke]: the agency lets one province officer read its person-level data (audited)."""

from django.core.management.base import BaseCommand, CommandError

from core.cli import parse_day
from core.errors import DomainError
from org.cli import agency_from_option
from org.models import ProvinceAccessGrant, ProvinceOfficer
from org.services.provinces import province_access_grant, province_access_revoke


class Command(BaseCommand):
    help = "Grant (or --revoke) a province officer access to an agency's person-level data."

    def add_arguments(self, parser):
        parser.add_argument("--agency", required=True)
        parser.add_argument("--officer", required=True, help="username of the province officer")
        parser.add_argument("--purpose", default="", help="why the province needs the data (required to grant)")
        parser.add_argument("--until", type=parse_day, help="last day of the grant (required to grant)")
        parser.add_argument("--revoke", action="store_true", help="revoke the officer's grants of this agency")

    def handle(self, *args, **opts):
        agency = agency_from_option(opts["agency"])
        officer = ProvinceOfficer.objects.select_related("user").filter(user__username__iexact=opts["officer"]).first()
        if officer is None:
            raise CommandError(f'"{opts["officer"]}" is not a province officer (add_province_officer)')
        try:
            if opts["revoke"]:
                grants = ProvinceAccessGrant.objects.filter(officer=officer, agency=agency, revoked_at__isnull=True)
                count = 0
                for grant in grants:
                    province_access_revoke(grant=grant, actor=None)
                    count += 1
                self.stdout.write(f"revoked {count}")
                return
            if opts["until"] is None:
                raise CommandError("--until is required to grant")
            grant = province_access_grant(officer=officer, agency=agency, purpose=opts["purpose"],
                                          valid_until=opts["until"], actor=None)
        except DomainError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"granted {officer.user.username} access to {agency.code} until {grant.valid_until:%d/%m/%Y}")
