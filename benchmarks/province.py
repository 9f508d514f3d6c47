"""Benchmark: the province at scale (#15 item 6).

Seeds `seed_demo --province --agencies N --employees M --seed S` into a fresh database, then times
and measures the peak memory of, each in its own subprocess (clean max RSS): the province table
(`compliance_tables`, every agency at once), `province_report` in CSV, xlsx and PDF, and the
province dashboard page (one request as a superuser, cache cleared first; its SQL query count
shows that evidence is read once per source for the whole province, not once per agency).

    nice -n 10 .venv/bin/python benchmarks/province.py --agencies 20 --employees 30000 [--seed 2024]
        [--repeat 3] [--database-url postgres://…] [--keep DIR] [--no-write]

Without --database-url: a fresh SQLite file in a temporary folder (or in --keep DIR, kept).
Results replace this size's section of "Province at scale" in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compliance import fmt_bytes, machine  # noqa: E402  (the same machine description)

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
AS_OF = "2024-12-31"
CAMPAIGN = "dan-van-2024"


def _setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import logging

    import django

    django.setup()
    logging.disable(logging.INFO)


def _province():
    from org.models import Province

    return Province.objects.get(code="TN")


def _op_table(out: Path) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports.selectors.province import province_table

    with CaptureQueriesContext(connection) as queries:
        table = province_table(province=_province(), slug=CAMPAIGN, as_of=dt.date.fromisoformat(AS_OF))
    return {"rows": len(table), "queries": len(queries)}


def _op_report(fmt: str):
    def run(out: Path) -> dict:
        from django.core.management import call_command

        path = out / f"province.{fmt}"
        call_command("province_report", "--province", "TN", "--campaign", CAMPAIGN, "--format", fmt, "--out",
                     str(path), "--as-of", AS_OF, stdout=open(os.devnull, "w"))  # noqa: SIM115
        return {"bytes": path.stat().st_size}

    return run


def _op_dashboard(out: Path) -> dict:
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    cache.clear()
    user, _ = get_user_model().objects.get_or_create(username="bench-admin", defaults={"is_superuser": True,
                                                                                       "is_staff": True})
    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("province_dashboard:index"), {"campaign": CAMPAIGN, "as_of": AS_OF,
                                                                     "province": _province().pk})
    started = time.perf_counter()
    again = client.get(reverse("province_dashboard:index"), {"campaign": CAMPAIGN, "as_of": AS_OF,
                                                              "province": _province().pk})
    return {"status": response.status_code, "bytes": len(response.content), "queries": len(queries),
            "cached_seconds": round(time.perf_counter() - started, 2), "cached_status": again.status_code}


OPERATIONS = {"table": _op_table, "csv": _op_report("csv"), "xlsx": _op_report("xlsx"), "pdf": _op_report("pdf"),
              "dashboard": _op_dashboard}
LABELS = {"table": "province table (`compliance_tables`, all agencies)", "csv": "`province_report --format csv`",
          "xlsx": "`province_report --format xlsx`", "pdf": "`province_report --format pdf`",
          "dashboard": "province dashboard page, one uncached request"}


def measure(name: str, out: Path) -> dict:
    import pandas  # noqa: F401  (imported before timing, as Django set-up is)

    _setup_django()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    started = time.perf_counter()
    result = OPERATIONS[name](out)
    result.update(seconds=time.perf_counter() - started, rss_before=before,
                  peak_rss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
    return result


def run_child(args: list[str], env: dict) -> dict:
    completed = subprocess.run([PYTHON, __file__, *args], env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise SystemExit(f"{args}: failed\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def manage(env: dict, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([PYTHON, str(ROOT / "manage.py"), *args], env=env, check=True, capture_output=True, text=True)
    return time.perf_counter() - started


def report(args, seeded: dict, results: dict, lines: list[str]) -> str:
    title = f"### {args.agencies} agencies, {args.employees:,} staff".replace(",", " ")
    out = [title, "", f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC: `seed_demo --province --agencies "
                      f"{args.agencies} --employees {args.employees} --seed {args.seed}`, campaign `{CAMPAIGN}` as "
                      f"of {AS_OF}; each measurement a fresh subprocess (Django set-up not timed).", "", *lines, "",
           "| measurement | time (s, median) | runs | peak RSS | RSS before op | notes |",
           "| --- | --- | --- | --- | --- | --- |"]
    if seeded:
        out.append(f"| `seed_demo --province --agencies {args.agencies} --employees {args.employees}` | "
                   f"{seeded['seconds']:.1f} | 1 | {fmt_bytes(seeded['peak_rss'])} | — | |")
    for name, runs in results.items():
        median = statistics.median(r["seconds"] for r in runs)
        notes = ", ".join(f"{k}={v}" for k, v in runs[0].items() if k not in ("seconds", "rss_before", "peak_rss"))
        out.append(f"| {LABELS[name]} | {median:.2f} | {len(runs)} | {fmt_bytes(max(r['peak_rss'] for r in runs))} | "
                   f"{fmt_bytes(runs[0]['rss_before'])} | {notes} |")
    return "\n".join(out) + "\n"


def write_section(text: str, args) -> None:
    path = ROOT / "docs" / "benchmarks.md"
    doc = path.read_text(encoding="utf-8")
    start, end = f"<!-- province-benchmark:{args.agencies}x{args.employees}:start -->", \
        f"<!-- province-benchmark:{args.agencies}x{args.employees}:end -->"
    block = f"{start}\n{text}{end}"
    if start in doc:
        doc = doc[: doc.index(start)] + block + doc[doc.index(end) + len(end):]
    else:
        doc = doc.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(doc, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--agencies", type=int, default=20)
    parser.add_argument("--employees", type=int, default=30000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database-url")
    parser.add_argument("--keep", help="folder for the SQLite file and outputs (kept)")
    parser.add_argument("--reuse", action="store_true", help="measure the database of --keep/--database-url as it is")
    parser.add_argument("--skip", default="", help="comma-separated measurements to skip")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, Path(args.out))))
        return
    scratch = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="province-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)
    url = args.database_url or f"sqlite:///{scratch / 'province.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    lines = machine(env, "PostgreSQL" if url.startswith("postgres") else "SQLite")
    if args.reuse:
        seeded = {}
    else:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "createcachetable")
        seconds = manage(env, "seed_demo", "--province", "--agencies", str(args.agencies), "--employees",
                         str(args.employees), "--seed", str(args.seed))
        seeded = {"seconds": seconds, "peak_rss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024}
        print(f"seeded in {seconds:.1f} s", flush=True)
    skip = {s for s in args.skip.split(",") if s}
    results = {}
    for name in OPERATIONS:
        if name in skip:
            continue
        repeat = 1 if name in ("xlsx", "pdf") else args.repeat
        results[name] = [run_child(["--measure", name, "--out", str(scratch)], env) for _ in range(repeat)]
        print(name, [round(r["seconds"], 2) for r in results[name]], flush=True)
    text = report(args, seeded, results, lines)
    print(text)
    if not args.no_write:
        write_section(text, args)


if __name__ == "__main__":
    main()
