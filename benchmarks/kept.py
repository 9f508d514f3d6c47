"""Benchmark: the HR dashboard "Theo đơn vị" reading the kept statuses (issue 17 items 1–2).

On `seed_demo --employees N --seed S` data (default 30,000 staff × the 19 requirements of
`dan-van-2024`) it builds the kept statuses (`reconcile_compliance`, timed: the nightly cost and
the cost of a full rebuild), then in one process, with the cache cleared before every request,
times the median of `--repeat` requests of:
- the bare Wagtail page (a plain `wagtailcore.Page` with Wagtail's own template: the floor);
- "Theo đơn vị" for today as HR (kept statuses) and as a unit head;
- "Theo văn bản", "Danh sách cán bộ" and "Quá hạn" for today (kept counters and person rows);
- "Theo đơn vị" for a past date (computed from the evidence, as before issue 17);
- the admin home page (its completion panel);
and prints each as a ratio to the bare page measured in the same run (target ≤ 20× at 30,000).

    .venv/bin/python benchmarks/kept.py [--employees 30000] [--seed 1] [--repeat 15]
        [--database-url sqlite:////tmp/kept.sqlite3 | postgres://…] [--reuse]

Without --database-url: a SQLite file in a temporary folder (kept when --reuse names one).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CAMPAIGN = "dan-van-2024"
PAST = "2024-12-31"


def manage(env: dict, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, check=True, capture_output=True,
                   text=True)
    return time.perf_counter() - started


def measure(repeat: int) -> None:
    """Inside the prepared database: the requests, in one process."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import logging

    import django

    django.setup()
    logging.disable(logging.INFO)
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import Client
    from django.urls import reverse
    from wagtail.models import Page, Site

    from benchmarks import pages
    from learning.models import Campaign
    from learning.services.kept import kept_refresh
    from org.models import Employee, OrgUnit
    from org.roles import HR, UNIT_HEAD
    from tests.factories import give_role

    campaign = Campaign.objects.get(slug=CAMPAIGN)
    home = Site.objects.get(is_default_site=True).root_page
    bare = home.get_children().filter(slug="trang-thu-tai").first() or home.add_child(
        instance=Page(title="Trang thử tải", slug="trang-thu-tai"))
    User = get_user_model()

    def login(code: str, role: str, unit: OrgUnit):
        employee = Employee.objects.filter(employee_code=code).first()
        if employee is None:
            user = User.objects.create_user(username=code.lower(), password="x")
            employee = Employee.objects.create(agency=campaign.agency, unit=unit, employee_code=code,
                                               full_name=f"Đo {code}", user=user, start_date=None)
        give_role(employee.user, role)
        client = Client(SERVER_NAME="localhost", REMOTE_ADDR="127.0.0.1")
        pages.log_in(client, employee.user)  # with an address: axes stores it (inet on PostgreSQL)
        return client

    department = OrgUnit.objects.filter(path__startswith=campaign.agency.path, depth=2).order_by("path").first()
    hr = login("BENCH-HR", HR, campaign.agency)
    head = login("BENCH-HEAD", UNIT_HEAD, department)
    by_unit = reverse("learning_dashboard:by_unit")

    def timed(client, url, params=None, n=repeat) -> float:
        times = []
        for _ in range(n):
            cache.clear()
            started = time.perf_counter()
            response = client.get(url, params or {})
            times.append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.status_code)
        return statistics.median(times)

    timed(hr, bare.url, n=2)  # warm both paths up
    timed(hr, by_unit, {"campaign": campaign.pk}, n=2)
    floor = timed(hr, bare.url)
    rows = [
        ("bare Wagtail page (floor)", floor),
        ("Theo đơn vị, today, HR (kept statuses)", timed(hr, by_unit, {"campaign": campaign.pk})),
        ("Theo đơn vị, today, unit head (kept statuses)", timed(head, by_unit, {"campaign": campaign.pk})),
        ("Theo văn bản, today, HR (kept counters)",
         timed(hr, reverse("learning_dashboard:by_requirement"), {"campaign": campaign.pk})),
        ("Danh sách cán bộ, today, HR (kept person rows, first page)",
         timed(hr, reverse("learning_dashboard:people"), {"campaign": campaign.pk})),
        ("Quá hạn, today, HR (kept person rows, first page)",
         timed(hr, reverse("learning_dashboard:overdue"), {"campaign": campaign.pk})),
        ("admin home (completion panel, kept statuses)", timed(hr, reverse("wagtailadmin_home"))),
        (f"Theo đơn vị, as of {PAST}, HR (computed from the evidence)",
         timed(hr, by_unit, {"campaign": campaign.pk, "as_of": PAST}, n=max(3, repeat // 5))),
        ("bare Wagtail page again (floor, after)", timed(hr, bare.url)),
    ]
    floor = statistics.mean([rows[0][1], rows[-1][1]])
    person = Employee.objects.filter(unit__path__startswith=campaign.agency.path, left_date__isnull=True).exclude(
        employee_code__startswith="BENCH").order_by("pk").first()
    refresh = []
    for _ in range(5):  # the hook of one write: one person's rows and the counters, one transaction
        started = time.perf_counter()
        kept_refresh(campaign=campaign, employee_ids=[person.pk])
        refresh.append(time.perf_counter() - started)
    print(f"kept_refresh of one person (rows and counters), median of 5: {statistics.median(refresh) * 1000:.1f} ms")
    print("| request | median ms | × bare page |")
    print("| --- | --- | --- |")
    for name, seconds in rows:
        print(f"| {name} | {seconds * 1000:.1f} | {seconds / floor:.1f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--employees", type=int, default=30000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--database-url")
    parser.add_argument("--reuse", action="store_true", help="the database is already seeded and reconciled")
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_only:
        measure(args.repeat)
        return 0
    scratch = Path(tempfile.mkdtemp(prefix="kept-bench-"))
    url = args.database_url or f"sqlite:///{scratch / 'bench.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    if not args.reuse:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "createcachetable")
        print(f"seed_demo --employees {args.employees}: {manage(env, 'seed_demo', '--employees', str(args.employees), '--seed', str(args.seed)):.0f} s")
        print(f"reconcile_compliance (kept statuses built by seed_demo: compare only): "
              f"{manage(env, 'reconcile_compliance'):.1f} s")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "manage.py"), "shell", "-c",
                           "from learning.models import Campaign; from learning.services.kept import kept_rebuild; "
                           f"kept_rebuild(campaign=Campaign.objects.get(slug='{CAMPAIGN}'))"],
                          env=env, check=True, capture_output=True)
    print(f"kept_rebuild of {CAMPAIGN} (a full recomputation, the cost of a campaign change): "
          f"{time.perf_counter() - started:.1f} s (process included){done.stdout.decode().strip()}")
    subprocess.run([sys.executable, __file__, "--measure-only", "--repeat", str(args.repeat)], env=env, check=True)
    print(f"database: {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
