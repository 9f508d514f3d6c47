from django.core.management.base import BaseCommand, CommandError

from core.demo import demo_seed


class Command(BaseCommand):
    help = "Load the demo: Sở Công Thương Tây Ninh, the 2024 directive library, campaign dan-van-2024 and activity."

    def add_arguments(self, parser):
        parser.add_argument("--content-only", action="store_true", help="agency, units, library, quizzes, campaign only")
        parser.add_argument("--employees", type=int, default=None, help="synthetic scale data: N staff with evidence")
        parser.add_argument("--seed", type=int, default=2024, help="random seed for --employees (deterministic)")
        parser.add_argument("--province", action="store_true",
                            help="a province TN of --agencies agencies (the first is the demo's), --employees staff in all")
        parser.add_argument("--agencies", type=int, default=20, help="with --province: number of agencies (≥ 1)")

    def handle(self, *args, **opts):
        if opts["province"] and opts["agencies"] < 1:
            raise CommandError("--agencies must be at least 1")
        self.stdout.write("Seeding demo data…")
        demo_seed(
            content_only=opts["content_only"],
            employees=opts["employees"],
            seed=opts["seed"],
            say=self.stdout.write,
            province=opts["province"],
            agencies=opts["agencies"],
        )
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
