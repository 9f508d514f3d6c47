from django.core.management.base import BaseCommand, CommandError

from learning.models import Campaign
from learning.services.campaigns import campaign_export


class Command(BaseCommand):
    help = "Write a campaign as the YAML that load_campaign reads, to stdout."

    def add_arguments(self, parser):
        parser.add_argument("slug")

    def handle(self, *args, **opts):
        campaign = Campaign.objects.filter(slug=opts["slug"]).first()
        if campaign is None:
            raise CommandError(f'unknown campaign "{opts["slug"]}"')
        self.stdout.write(campaign_export(campaign=campaign), ending="")
