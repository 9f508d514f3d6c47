"""add_province_officer USERNAME --province CODE [--body TEXT] [--email E]: a Sở Nội vụ / Ban Dân vận
user who reads every agency's aggregate figures of the province (creates the login when missing,
without a usable password: set one with `changepassword`)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from org.cli import province_from_option
from org.services.provinces import province_officer_ensure


class Command(BaseCommand):
    help = "Make a user an officer of a province (aggregate figures of every agency, read-only)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--province", required=True)
        parser.add_argument("--body", default="", help='"Sở Nội vụ", "Ban Dân vận Tỉnh ủy"…')
        parser.add_argument("--email", default="")

    def handle(self, *args, **opts):
        province = province_from_option(opts["province"])
        user_model = get_user_model()
        user = user_model.objects.filter(username__iexact=opts["username"]).first()
        created = user is None
        if created:
            user = user_model(username=opts["username"], email=opts["email"])
            user.set_unusable_password()
            user.save()
        province_officer_ensure(user=user, province=province, body=opts["body"])
        self.stdout.write(f"{'created' if created else 'updated'} province officer {user.username} ({province.code})")
