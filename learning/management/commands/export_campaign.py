from django.core.management.base import BaseCommand

from learning.cli import add_campaign_arguments, campaign_from_options
from learning.services.campaigns import campaign_export


class Command(BaseCommand):
    help = "Write a campaign as the YAML that load_campaign reads, to stdout."

    def add_arguments(self, parser):
        add_campaign_arguments(parser, positional="slug")

    def handle(self, *args, **opts):
        campaign = campaign_from_options(opts, key="slug")
        self.stdout.write(campaign_export(campaign=campaign), ending="")
