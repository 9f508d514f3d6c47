from django.core.management.base import BaseCommand, CommandError

from core.cli import in_english
from core.errors import DomainError
from learning.cli import add_campaign_arguments, campaign_from_options
from learning.services.exemptions import exemption_grant, exemption_lift
from org.models import Employee


class Command(BaseCommand):
    help = "Exempt one staff member from a campaign (miễn học), or lift it with --undo."

    def add_arguments(self, parser):
        add_campaign_arguments(parser)
        parser.add_argument("--employee", required=True, help="employee code (Mã cán bộ)")
        parser.add_argument("--reason", default="", help="why (required unless --undo)")
        parser.add_argument("--undo", action="store_true", help="lift the exemption")

    @in_english
    def handle(self, *args, **opts):
        campaign = campaign_from_options(opts)
        employee = Employee.objects.filter(agency=campaign.agency, employee_code__iexact=opts["employee"].strip()).first()
        if employee is None:
            raise CommandError(f'unknown employee "{opts["employee"]}" in agency {campaign.agency.code}')
        try:
            if opts["undo"]:
                exemption_lift(campaign=campaign, employee=employee, note=opts["reason"], actor=None)
                self.stdout.write(f"lifted exemption of {employee.employee_code} from {campaign.slug}")
                return
            _, changed = exemption_grant(campaign=campaign, employee=employee, reason=opts["reason"], actor=None)
        except DomainError as exc:
            raise CommandError(str(exc)) from exc
        if changed:
            self.stdout.write(f"{employee.employee_code} exempted from {campaign.slug}")
        else:
            self.stdout.write(f"{employee.employee_code} already exempt from {campaign.slug} (unchanged)")
