"""Benchmark: REST API compliance pages against the whole report, on a seeded database.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python manage.py seed_demo --employees 10000 --seed 1
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python benchmarks/api.py [--slug dan-van-2024] [--as-of 2024-12-31]

Prints medians of 3 (the whole `compliance_table`, `compliance_table_slice` in the middle of the
report, `GET …/compliance` pages of 1,000 and 5,000 rows with their size and queries, `GET
/campaigns`) and checks that a page equals the same rows of the whole contract CSV. Creates one API
token named "bench" in the campaign's agency. Results: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def timed(fn, n: int = 3):
    durations, result = [], None
    for _ in range(n):
        start = time.perf_counter()
        result = fn()
        durations.append(time.perf_counter() - start)
    return statistics.median(durations), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--slug", default="dan-van-2024")
    parser.add_argument("--as-of", default="2024-12-31")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from api.services.tokens import api_token_create
    from learning.models import Campaign
    from learning.selectors.compliance import compliance_table, compliance_table_slice
    from reports.exporters.compliance import csv_frame

    settings.ALLOWED_HOSTS = ["*"]
    as_of = dt.date.fromisoformat(args.as_of)
    campaign = Campaign.objects.filter(slug=args.slug).order_by("id").first()
    t_full, whole = timed(lambda: compliance_table(campaign=campaign, as_of=as_of))
    print(f"rows={len(whole)} people={whole.employee_id.nunique()}")
    print(f"compliance_table (whole report): {t_full:.2f} s")
    for size in (1000, 5000):
        t_slice, _ = timed(lambda size=size: compliance_table_slice(campaign=campaign, as_of=as_of,
                                                                     offset=len(whole) // 2, limit=size))
        print(f"compliance_table_slice mid-report, {size} rows: {t_slice:.2f} s")
    _, secret = api_token_create(agency=campaign.agency, name="bench")
    client, headers = Client(), {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    body = {}
    for size in (1000, 5000):
        url = f"/api/v1/campaigns/{campaign.slug}/compliance?as_of={as_of}&page=3&page_size={size}"
        with CaptureQueriesContext(connection) as ctx:
            t, response = timed(lambda url=url: client.get(url, **headers))
        body = response.json()
        print(f"GET compliance page_size={size}: {t:.2f} s, {len(response.content) // 1024} KiB, "
              f"queries/request={len(ctx.captured_queries) // 3}, count={body['count']}")
    t, _ = timed(lambda: client.get("/api/v1/campaigns", **headers))
    print(f"GET campaigns: {t * 1000:.0f} ms")
    assert body["results"] == csv_frame(whole.iloc[2 * 5000:3 * 5000]).to_dict(orient="records")
    print("page 3 == rows 10000..15000 of the whole CSV: ok")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB")


if __name__ == "__main__":
    main()
