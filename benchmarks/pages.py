"""Learner pages against a bare Wagtail page, in one process (issue 17 item 2).

The Django test client (no HTTP, no server) renders each page as a learner of the campaign's
audience on the database given by DATABASE_URL (the demo, or `seed_demo --employees N`): "Việc học
của tôi", the directive library, a lesson, a quiz page; and, in the same run, a plain
`wagtailcore.Page` with Wagtail's own template — the floor. Each page is requested `--warm` times,
then timed `--repeat` times (median of the CPU time of the process: wall time on a shared machine
measures the neighbours); the ratio is bare / page (1.0 = as cheap as the bare page; target ≥ 0.33).
Queries are counted on one request with CaptureQueriesContext.

    DATABASE_URL=… .venv/bin/python -m benchmarks.pages [--repeat 40] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE_SLUG = "trang-thu-tai"


def _setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import logging

    import django

    django.setup()
    logging.disable(logging.WARNING)


def bare_page_url() -> str:
    """A plain wagtailcore Page (Wagtail's own template) under the site's home: the floor."""
    from wagtail.models import Page, Site

    home = Site.objects.get(is_default_site=True).root_page
    page = home.get_children().filter(slug=BARE_SLUG).first()
    if page is None:
        page = home.add_child(instance=Page(title="Trang thử tải", slug=BARE_SLUG))
    return page.url


def learner():
    """A learner of the campaign's audience with an account (the demo's, or the first scale one)."""
    from learning.models import Campaign
    from learning.selectors.audience import campaign_audience

    campaign = Campaign.objects.filter(slug="dan-van-2024").first() or Campaign.objects.first()
    audience = campaign_audience(campaign=campaign)
    person = audience.filter(user__isnull=False, user__is_superuser=False).order_by("employee_code").first()
    if person is None:
        from org.services.employees import employee_save

        person = audience.order_by("employee_code").first()
        employee_save(employee=person)
        person.refresh_from_db()
    return person.user


def log_in(client, user) -> None:
    """A real login on a request with an address (force_login's request has none, and the login
    receivers record where a login came from)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import login
    from django.test import RequestFactory

    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1")
    request.session = import_module(settings.SESSION_ENGINE).SessionStore()
    login(request, user, backend=settings.AUTHENTICATION_BACKENDS[-1])
    request.session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = request.session.session_key


def page_urls() -> dict[str, str]:
    from django.urls import reverse

    from courses.models import DirectiveIndexPage, LessonPage
    from quizzes.models import Quiz

    quiz = Quiz.objects.filter(is_published=True).order_by("slug").first() if hasattr(Quiz, "is_published") \
        else Quiz.objects.order_by("slug").first()
    return {
        "my_learning": reverse("home"),
        "library": DirectiveIndexPage.objects.live().first().url,
        "lesson": LessonPage.objects.live().order_by("path").first().url,
        "quiz": reverse("quizzes:detail", args=[quiz.slug]),
        "bare": bare_page_url(),
    }


def _cpu() -> float:
    return time.process_time()  # user + system of this process, in ns resolution (os.times: 10 ms ticks)


def measure(client, url: str, *, warm: int, repeat: int) -> dict:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    for _ in range(warm):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    reset_queries()  # each request starts the log afresh: the context must start from an empty one
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    cpu, wall = [], []
    for _ in range(repeat):
        c0, w0 = _cpu(), time.perf_counter()
        client.get(url)
        cpu.append(_cpu() - c0)
        wall.append(time.perf_counter() - w0)
    return {"url": url, "queries": len(queries), "cpu_ms": 1000 * statistics.median(cpu),
            "wall_ms": 1000 * statistics.median(wall)}


def run(*, warm: int = 5, repeat: int = 40) -> dict:
    from django.test import Client

    client = Client(SERVER_NAME="localhost", REMOTE_ADDR="127.0.0.1")
    log_in(client, learner())
    urls = page_urls()
    # The bare page before and after the others, averaged: the machine's load moves during a run.
    before = measure(client, urls["bare"], warm=warm, repeat=repeat)
    pages = {name: measure(client, url, warm=warm, repeat=repeat) for name, url in urls.items() if name != "bare"}
    after = measure(client, urls["bare"], warm=warm, repeat=repeat)
    bare = {"url": urls["bare"], "queries": before["queries"],
            "cpu_ms": (before["cpu_ms"] + after["cpu_ms"]) / 2, "wall_ms": (before["wall_ms"] + after["wall_ms"]) / 2}
    return {"bare": bare, "pages": pages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--warm", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--json", help="write the measurements here")
    args = parser.parse_args()
    _setup()
    result = run(warm=args.warm, repeat=args.repeat)
    bare = result["bare"]["cpu_ms"]
    print(f"{'page':<12} {'CPU ms':>8} {'wall ms':>8} {'queries':>8} {'ratio':>6}")
    print(f"{'bare':<12} {bare:8.2f} {result['bare']['wall_ms']:8.2f} {result['bare']['queries']:8d} {1:6.2f}")
    for name, page in result["pages"].items():
        print(f"{name:<12} {page['cpu_ms']:8.2f} {page['wall_ms']:8.2f} {page['queries']:8d} {bare / page['cpu_ms']:6.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
