"""reconcile_compliance [--agency CODE] [--campaign SLUG] [--check] (docs/compliance.md "Kept statuses").

Nightly: compares each campaign's kept statuses with the full computation of today, recomputes the
campaigns that drifted or passed their horizon (and builds those never kept, and those edited
whose background rebuild has not run: "pending"), and prints one line per campaign. Exit code 0 when nothing drifted, 1 when some campaign drifted (repaired unless
--check): drift means a write that missed its update, worth a look.
"""

from django.core.management.base import BaseCommand, CommandError

from learning.models import Campaign
from learning.services.kept import kept_reconcile
from org.models import OrgUnit


class Command(BaseCommand):
    help = "Compare the kept compliance statuses with the full computation, repair drift and report it."

    def add_arguments(self, parser):
        parser.add_argument("--agency", help="agency code (default: every agency)")
        parser.add_argument("--campaign", help="campaign slug (default: every campaign)")
        parser.add_argument("--check", action="store_true", help="report only, repair nothing")

    def handle(self, *args, **opts):
        campaigns = Campaign.objects.all_agencies().select_related("agency").order_by("agency__code", "slug")
        if opts["agency"]:
            agency = OrgUnit.objects.filter(depth=1, code__iexact=opts["agency"].strip()).first()
            if agency is None:
                raise CommandError(f'unknown agency "{opts["agency"]}"')
            campaigns = campaigns.filter(agency=agency)
        if opts["campaign"]:
            campaigns = campaigns.filter(slug=opts["campaign"])
            if not campaigns.exists():
                raise CommandError(f'unknown campaign "{opts["campaign"]}"')
        drifted = 0
        for campaign in campaigns:
            drift = kept_reconcile(campaign=campaign, repair=not opts["check"])
            state = ("pending" if drift.pending else "expired" if drift.expired
                     else "drift" if drift.drifted else "ok")
            action = " (repaired)" if drift.repaired else ""
            self.stdout.write(f"{campaign.agency.code} {campaign.slug}: {state}{action}, rows={drift.rows} "
                              f"missing={drift.missing} extra={drift.extra} different={drift.different}")
            drifted += bool(drift.drifted)
        if drifted:
            self.stderr.write(f"{drifted} campaign(s) drifted")
            raise SystemExit(1)
