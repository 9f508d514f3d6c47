"""One learner's quiz flow, step by step, against a bare Wagtail page (issue 17): CPU and queries.

The seven requests the load test's learner sends for a quiz (benchmarks/load/locustfile.py): the
quiz page, the start POST, the questions page, the answers POST (the first option of every
question, then "Nộp bài"), the confirmation page, the submit POST, the result page — replayed with
the Django test client (no HTTP, CSRF checks on, as a browser sends them) on the database given by
DATABASE_URL, and the bare Wagtail page of benchmarks/pages.py in the same run.

Every flow is the first attempt of another learner of the campaign's audience (a person with an
account and no attempt on the quiz yet; `--repeat` of them, after `--warm` untimed flows), on the
load test's quiz `load-test` (created as benchmarks/load/prepare.py does when missing: ten questions
drawn from a demo quiz's bank, unlimited attempts). Each flow writes an attempt: run it on a copy
(`createdb -T perf_bench_30000 mycopy`), never on a shared benchmark database. CPU is the median
process time per step (wall time on a shared machine measures the neighbours); queries are those of
the last flow. Settings: config.settings.dev with DEBUG off (the database cache as in production).

    DATABASE_URL=postgres://…/mycopy .venv/bin/python -m benchmarks.quiz_flow [--repeat 20] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUIZ_SLUG = "load-test"
STEPS = ["quiz page", "start", "questions", "answers", "confirm", "submit", "result"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SHOWN = re.compile(r'name="shown" value="(\d+)"')
CHOICE = re.compile(r'name="q-(\d+)" value="([^"]+)"')


def _setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ.setdefault("DEBUG", "false")
    import logging

    import django

    django.setup()
    logging.disable(logging.WARNING)


def load_test_quiz():
    """The load test's quiz (benchmarks/load/prepare.py), made the same way when missing."""
    from learning.models import Campaign
    from quizzes.models import Quiz

    quiz = Quiz.objects.filter(slug=QUIZ_SLUG, agency__isnull=True).first()
    if quiz is None:
        from benchmarks.load.prepare import _quiz

        campaign = Campaign.objects.filter(slug="dan-van-2024").first() or Campaign.objects.first()
        quiz = _quiz([r.directive_id for r in campaign.requirements.all()[:3]])
    return quiz


def learners(quiz, count: int):
    """`count` learners of the campaign's audience with an account and no attempt on `quiz`."""
    from learning.models import Campaign
    from learning.selectors.audience import campaign_audience

    campaign = Campaign.objects.filter(slug="dan-van-2024").first() or Campaign.objects.first()
    people = (campaign_audience(campaign=campaign).filter(user__isnull=False, user__is_superuser=False)
              .exclude(quiz_attempts__quiz=quiz).select_related("user").order_by("employee_code")[:count])
    found = [p.user for p in people]
    if len(found) < count:
        raise SystemExit(f"only {len(found)} learners with an account and no attempt on {quiz.slug}: "
                         "run benchmarks/load/prepare.py on this copy first (it gives logins)")
    return found


def _csrf(html: str) -> str:
    match = CSRF.search(html)
    return match.group(1) if match else ""


def flow(client, quiz, timed: dict[str, list[float]], queries: dict[str, int]) -> None:
    """The seven steps, each timed (CPU) and its queries counted."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    def step(name, call, *args, **kwargs):
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            c0 = time.process_time()
            response = call(*args, **kwargs)
            timed[name].append(time.process_time() - c0)
        queries[name] = len(captured)
        assert response.status_code in (200, 302), (name, response.status_code)
        return response

    detail = step("quiz page", client.get, reverse("quizzes:detail", args=[quiz.slug]))
    started = step("start", client.post, reverse("quizzes:start", args=[quiz.slug]),
                   {"csrfmiddlewaretoken": _csrf(detail.content.decode())})
    take_url = started["Location"]
    page = step("questions", client.get, take_url).content.decode()
    data = {"csrfmiddlewaretoken": _csrf(page), "shown": SHOWN.findall(page), "action": "finish", "trang": "1"}
    for question, value in CHOICE.findall(page):
        data.setdefault(f"q-{question}", value)  # the first option of each question, as the load test
    saved = step("answers", client.post, take_url, data)
    confirm = step("confirm", client.get, saved["Location"]).content.decode()
    submitted = step("submit", client.post, saved["Location"], {"csrfmiddlewaretoken": _csrf(confirm)})
    assert "/ket-qua/" in submitted["Location"], submitted["Location"]
    step("result", client.get, submitted["Location"])


def bare_page(client, url: str, *, warm: int, repeat: int) -> dict:
    """The bare page's median CPU and its queries, counted as the steps' are."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    for _ in range(warm):
        assert client.get(url).status_code == 200
    cpu = []
    for _ in range(repeat):
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            c0 = time.process_time()
            client.get(url)
            cpu.append(time.process_time() - c0)
    return {"cpu_ms": 1000 * statistics.median(cpu), "queries": len(captured)}


def run(*, warm: int = 3, repeat: int = 20) -> dict:
    from django.test import Client

    from benchmarks.pages import bare_page_url, log_in

    quiz = load_test_quiz()
    people = learners(quiz, warm + repeat)
    bare_url = bare_page_url()
    timed: dict[str, list[float]] = {name: [] for name in STEPS}
    queries: dict[str, int] = {}
    bare_client = Client(SERVER_NAME="localhost", REMOTE_ADDR="127.0.0.1")
    log_in(bare_client, people[0])
    before = bare_page(bare_client, bare_url, warm=5, repeat=repeat)
    for i, user in enumerate(people):
        client = Client(SERVER_NAME="localhost", REMOTE_ADDR="127.0.0.1", enforce_csrf_checks=True)
        log_in(client, user)
        flow(client, quiz, timed if i >= warm else {name: [] for name in STEPS}, queries)
    after = bare_page(bare_client, bare_url, warm=2, repeat=repeat)
    bare = (before["cpu_ms"] + after["cpu_ms"]) / 2
    steps = {name: {"cpu_ms": 1000 * statistics.median(timed[name]), "queries": queries[name]} for name in STEPS}
    return {"quiz": quiz.slug, "flows": repeat, "bare": {"cpu_ms": bare, "queries": before["queries"]},
            "steps": steps, "load": os.getloadavg()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--warm", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", help="write the measurements here")
    args = parser.parse_args()
    _setup()
    result = run(warm=args.warm, repeat=args.repeat)
    bare = result["bare"]["cpu_ms"]
    print(f"{'step':<12} {'CPU ms':>8} {'queries':>8} {'bare/step':>10}")
    print(f"{'bare page':<12} {bare:8.2f} {result['bare']['queries']:8d} {1:10.2f}")
    for name, step in result["steps"].items():
        print(f"{name:<12} {step['cpu_ms']:8.2f} {step['queries']:8d} {bare / step['cpu_ms']:10.2f}")
    total = sum(step["cpu_ms"] for step in result["steps"].values())
    print(f"{'flow (7)':<12} {total:8.2f} {sum(s['queries'] for s in result['steps'].values()):8d} "
          f"{7 * bare / total:10.2f}")
    print("load average: " + " ".join(f"{v:.2f}" for v in result["load"]))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
