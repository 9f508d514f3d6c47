"""Issue 17's ratios in one command, each against its floor measured in the same run.

    .venv/bin/python -m benchmarks.suite --database-url postgres://postgres@127.0.0.1:5432/perf_bench \
        [--sizes 10000,30000,100000] [--reuse] [--only pages,csv,...] [--skip pack] \
        [--results benchmarks/results] [--markdown]
    make bench                                    # the same, sizes and URL from BENCH_SIZES / BENCH_DB

For each size it seeds `<database>_<N>` with `seed_demo --employees N --seed 2024` (unless --reuse),
then runs every operation in a fresh subprocess (wall time, CPU time of the process and of the worker
processes it waited for, peak RSS from wait4): the learner pages and the bare Wagtail page
(`benchmarks.pages`), the compliance CSV, PDF and xlsx (`compliance_report`), bare XlsxWriter writing
the xlsx's detail rows with its formats (the floor of the xlsx), the evidence pack, every tab of the
HR dashboard (and the province dashboard, when seeded) with the bare page, and logins with PBKDF2
(before) and Argon2id (after); at the sizes
of `--http-sizes` (30,000 by default) the HTTP load test too (`benchmarks/load/run.sh` on a copy of
the database: 100 users with 5–15 s think time, then both sides without think time for the
throughput ratio; needs `pip install -r benchmarks/load/requirements.txt`). It prints each
ratio with its target and pass/FAIL (`benchmarks.verdicts`) and writes
`benchmarks/results/suite-<N>.json` (measurements, verdicts, machine, load average). The campaign
is `dan-van-2024` as of 2024-12-31, as in the other benchmarks, except the dashboard's verdicts: the
live pages of today (kept statuses), with "theo đơn vị" as of 2024-12-31 reported beside them.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import verdicts as v  # noqa: E402

CAMPAIGN, AS_OF, SEED = "dan-van-2024", "2024-12-31", 2024
DASHBOARD_REPEAT = 5
SHEET_ROWS = 1_048_575  # Excel's rows less the header (the report's `MAX_SHEET_ROWS`)
OPERATIONS = ["pages", "csv", "pdf", "xlsx", "xlsx_floor", "dashboard", "logins", "pack", "http"]
HTTP_USERS, HTTP_THINK, HTTP_STEADY, HTTP_LOGINS = 100, "5-15", 60, 4000
LOAD = ROOT / "benchmarks" / "load"


# --- inside a measurement subprocess -------------------------------------------------------------


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import logging

    import django

    django.setup()
    logging.disable(logging.WARNING)


def _report(fmt: str, out: Path) -> dict:
    from django.core.management import call_command

    path = out / f"report.{fmt}"
    call_command("compliance_report", "--campaign", CAMPAIGN, "--format", fmt, "--out", str(path), "--as-of", AS_OF,
                 stdout=open(os.devnull, "w"))  # noqa: SIM115
    return {"bytes": path.stat().st_size}


def _op_pages(out: Path) -> dict:
    from benchmarks import pages

    return pages.run(warm=5, repeat=30)


def _op_xlsx_floor(out: Path) -> dict:
    """Bare XlsxWriter: the detail rows of the report (read from its CSV, not timed) written with the
    workbook's options and formats — header, the date format — and nothing else of ours."""
    import xlsxwriter

    with open(out / "report.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    for row in body:
        row[7] = dt.datetime.strptime(row[7], "%Y-%m-%d") if row[7] else None
    started = time.process_time()
    book = xlsxwriter.Workbook(str(out / "floor.xlsx"), {"constant_memory": True, "strings_to_formulas": False,
                                                          "strings_to_urls": False, "strings_to_numbers": False})
    head = book.add_format({"bold": True, "border": 1, "bg_color": "#D9E1F2"})
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    # Every row, over as many sheets as the report uses: a sheet holds 1,048,575 rows under its
    # header and XlsxWriter silently drops the rest (at 100,000 staff the floor once wrote 56 % of them).
    for first in range(0, max(len(body), 1), SHEET_ROWS):
        sheet = book.add_worksheet("Chi tiết" if first == 0 else f"Chi tiết ({first // SHEET_ROWS + 1})")
        sheet.write_row(0, 0, header, head)
        part = body[first:first + SHEET_ROWS]
        for number, row in enumerate(part, start=1):
            sheet.write_row(number, 0, row[:7])
            if row[7] is not None:
                sheet.write_datetime(number, 7, row[7], date)
        sheet.autofilter(0, 0, max(len(part), 1), 7)
        sheet.freeze_panes(1, 0)
    book.close()
    return {"rows": len(body), "sheets": -(-len(body) // SHEET_ROWS),
            "writing_cpu_seconds": time.process_time() - started}


def _op_pack(out: Path) -> dict:
    from learning.models import Campaign
    from reports.services.evidence_pack import evidence_pack_build

    campaign = Campaign.objects.get(slug=CAMPAIGN)
    pack = evidence_pack_build(campaign=campaign, out=out / "pack.zip", as_of=dt.date.fromisoformat(AS_OF))
    return {"bytes": (out / "pack.zip").stat().st_size, "files": len(pack.files)}


def _op_dashboard(out: Path) -> dict:
    """Every tab of the HR dashboard of today (the live pages: kept statuses when the campaign is
    kept and fresh; `v.DASHBOARD_TABS`) and the province's main dashboard when the database has a
    province-wide campaign, each against the bare page in the same process; "theo đơn vị" as of
    AS_OF (a past date: computed from the evidence) reported apart. The cache cleared before every
    request, median of REPEAT after one warm-up. Wall time: the aggregates run in PostgreSQL,
    outside this process."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import Client
    from django.urls import reverse

    from benchmarks import pages
    from learning.models import Campaign
    from learning.selectors.kept import kept_fresh

    user, _ = get_user_model().objects.get_or_create(username="bench-admin", defaults={"is_superuser": True,
                                                                                       "is_staff": True})
    client = Client(SERVER_NAME="localhost", REMOTE_ADDR="127.0.0.1")
    pages.log_in(client, user)
    campaign = Campaign.objects.get(slug=CAMPAIGN)

    def timed(url: str, params: dict, repeat: int) -> dict:
        cpu, wall, status = [], [], 200
        for number in range(repeat + 1):
            cache.clear()
            c0, w0 = time.process_time(), time.perf_counter()
            response = client.get(url, params)
            if number:  # the first one warms Django's templates and the connection
                cpu.append(time.process_time() - c0)
                wall.append(time.perf_counter() - w0)
            status = response.status_code
        return {"status": status, "cpu_ms": 1000 * statistics.median(cpu), "wall_ms": 1000 * statistics.median(wall)}

    before = pages.measure(client, pages.bare_page_url(), warm=3, repeat=15)
    tabs = {tab: timed(reverse(f"learning_dashboard:{tab}"), {"campaign": campaign.pk}, DASHBOARD_REPEAT)
            for tab in v.DASHBOARD_TABS}
    as_of = timed(reverse("learning_dashboard:by_unit"), {"campaign": campaign.pk, "as_of": AS_OF}, 2)
    province = _province_dashboard(lambda params: timed(reverse("province_dashboard:index"), params,
                                                        DASHBOARD_REPEAT))
    after = pages.measure(client, pages.bare_page_url(), warm=3, repeat=15)
    bare = {name: (before[name] + after[name]) / 2 for name in ("cpu_ms", "wall_ms")}
    kept = kept_fresh(campaign=campaign)
    return {"today": {**tabs["by_unit"], "kept": kept}, "tabs": tabs, "kept": kept, "as_of": as_of,
            "province": province, "bare": bare}


def _province_dashboard(timed) -> dict | None:
    """The province dashboard of today for its first province-wide campaign, with how many people
    its campaigns hold (a demo province is small: the verdict needs the size's staff); None when
    the database has no province-wide campaign (`seed_demo` without --province)."""
    from learning.selectors.audience import campaign_audience
    from learning.selectors.province import province_campaign_slugs, province_campaigns
    from org.models import Province

    for province in Province.objects.order_by("code"):
        slugs = province_campaign_slugs(province)
        if slugs:
            campaigns = [c for _, c in province_campaigns(province=province, slug=slugs[0]) if c is not None]
            people = sum(campaign_audience(campaign=c).count() for c in campaigns)
            return {**timed({"province": province.pk, "campaign": slugs[0]}), "slug": slugs[0],
                    "agencies": len(campaigns), "people": people}
    return None


def _op_logins(out: Path) -> dict:
    """Whole logins through the form, PBKDF2 then Argon2id, on a scratch SQLite (benchmarks/logins.py)."""
    from benchmarks import logins

    n = 20
    results = {label: logins.measure(hasher, n) for label, hasher in logins.HASHERS.items()}
    before, after = (n / results[label]["login"][0] for label in logins.HASHERS)
    return {"before_per_core": before, "after_per_core": after, "n": n}


OPS = {
    "pages": _op_pages,
    "csv": lambda out: _report("csv", out),
    "pdf": lambda out: _report("pdf", out),
    "xlsx": lambda out: _report("xlsx", out),
    "xlsx_floor": _op_xlsx_floor,
    "dashboard": _op_dashboard,
    "logins": _op_logins,
    "pack": _op_pack,
}


def _child(op: str, out: Path) -> None:
    if op == "logins":
        from benchmarks import logins

        with tempfile.TemporaryDirectory() as scratch:
            logins.setup_django(Path(scratch))
            result = OPS[op](out)
    else:
        _setup()
        result = OPS[op](out)
    (out / f"{op}.json").write_text(json.dumps(result, default=str))


# --- the driver ----------------------------------------------------------------------------------


def run_measured(command: list[str], env: dict) -> dict:
    """Wall time, CPU time (the process and the children it waited for) and peak RSS, from wait4."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            return {"error": err.read().decode(errors="replace")[-2000:]}
    return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_rss": usage.ru_maxrss * 1024,
            "load": os.getloadavg()[0]}


def measure(op: str, env: dict, out: Path) -> dict:
    found = run_measured([sys.executable, "-m", "benchmarks.suite", "--child", op, "--out", str(out)], env)
    result = out / f"{op}.json"
    if result.exists():
        found["result"] = json.loads(result.read_text())
    return found


def _locust_aggregate(name: str) -> dict:
    with (LOAD / "results" / f"{name}_stats.csv").open(newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["Name"] == "Aggregated")
    return {"rps": float(row["Requests/s"]), "p50_ms": float(row["50%"]), "p95_ms": float(row["95%"]),
            "requests": int(row["Request Count"]), "failures": int(row["Failure Count"])}


def measure_http(url: str, env: dict) -> dict:
    """The HTTP load test on a copy of the size's database (the run writes attempts and check-ins):
    `prepare.py` (logins, a session open now, the load quiz), then run.sh's levels and capacity
    phases; the figures from locust's CSVs, the database checked by verify.py."""
    if not (Path(sys.executable).parent / "locust").exists():
        return {"error": "locust is not installed: pip install -r benchmarks/load/requirements.txt"}
    base, name = url.rsplit("/", 1)
    copy = f"{name}_http"
    admin = base + "/postgres"
    subprocess.run(["psql", admin, "-q", "-c", f'DROP DATABASE IF EXISTS "{copy}"'], check=True)
    subprocess.run(["psql", admin, "-q", "-c", f'CREATE DATABASE "{copy}" TEMPLATE "{name}"'], check=True)
    load_env = {**env, "DATABASE_URL": f"{base}/{copy}", "DJANGO_SETTINGS_MODULE": "benchmarks.load.settings",
                "SECRET_KEY": env.get("SECRET_KEY", "load-test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz")}
    for stale in (LOAD / "results").glob("*_stats.csv"):
        stale.unlink()  # an earlier run's figures must not pass for this one's
    started = time.perf_counter()
    try:
        subprocess.run([sys.executable, str(LOAD / "prepare.py"), "--logins", str(HTTP_LOGINS)], env=load_env,
                       check=True, stdout=subprocess.DEVNULL)
        run = subprocess.run(["bash", str(LOAD / "run.sh")], capture_output=True, text=True, env={
            **load_env, "SKIP_SEED": "1", "LOAD_DB": copy, "USERS": str(HTTP_USERS), "THINK": HTTP_THINK,
            "STEADY": str(HTTP_STEADY), "PHASES": "levels capacity"})
        if run.returncode != 0 or not (LOAD / "results" / "cap-base_stats.csv").exists():
            return {"error": (run.stdout + run.stderr)[-2000:] or "no locust results (is locust installed?)"}
        result = {"users": HTTP_USERS, "think": HTTP_THINK, "mix": _locust_aggregate(f"mix-{HTTP_USERS}"),
                  "bare": _locust_aggregate(f"base-{HTTP_USERS}"), "capacity_mix": _locust_aggregate("cap-mix"),
                  "capacity_bare": _locust_aggregate("cap-base"),
                  "verify": (LOAD / "results" / "verify.txt").read_text().strip()}
    finally:
        subprocess.run(["psql", admin, "-q", "-c", f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)'])
    return {"seconds": time.perf_counter() - started, "load": os.getloadavg()[0], "result": result}


def seed(url: str, env: dict, size: int) -> dict:
    name, base = url.rsplit("/", 1)[1], url.rsplit("/", 1)[0] + "/postgres"
    for sql in (f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'):
        subprocess.run(["psql", base, "-q", "-c", sql], check=True)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
    subprocess.run([*manage, "createcachetable"], env=env, check=True)
    return run_measured([*manage, "seed_demo", "--employees", str(size), "--seed", str(SEED)], env)


def machine() -> dict:
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    model = next((line.split(":", 1)[1].strip() for line in lscpu.splitlines() if line.startswith("Model name")), "")
    memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    return {"cpu": model, "cores": os.cpu_count(), "memory_gib": round(int(memory) / 1024 ** 2, 1),
            "python": platform.python_version(), "load_at_start": os.getloadavg()}


def run_size(size: int, args) -> dict:
    url = f"{args.database_url}_{size}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.dev",
           "PYTHONPATH": str(ROOT)}
    record = {"size": size, "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "machine": machine(),
              "measurements": {}}
    if not args.reuse:
        record["measurements"]["seed"] = seed(url, env, size)
    ops = [op for op in OPERATIONS if (not args.only or op in args.only) and op not in args.skip]
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        for op in ops:
            if op == "http":
                if size in args.http_sizes:
                    print(f"{size:,}: {op} …", flush=True)
                    record["measurements"][op] = measure_http(url, env)
                continue
            if op == "xlsx_floor" and not (out / "report.csv").exists():
                measure("csv", env, out)  # the floor writes the report's rows: the CSV first
            print(f"{size:,}: {op} …", flush=True)
            record["measurements"][op] = measure(op, env, out)
    record["finished"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    record["load_at_end"] = os.getloadavg()
    return record


def _merge(path: Path, record: dict) -> dict:
    """Measurements of an earlier run of this size are kept unless measured again now."""
    if path.exists():
        old = json.loads(path.read_text())
        record["measurements"] = {**old.get("measurements", {}), **record["measurements"]}
    return record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DB", "postgres://postgres@127.0.0.1:5432/perf_bench"))
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--reuse", action="store_true", help="the databases are seeded already")
    parser.add_argument("--only", type=lambda s: s.split(","), default=[])
    parser.add_argument("--skip", type=lambda s: s.split(","), default=[])
    parser.add_argument("--http-sizes", type=lambda s: [int(n) for n in s.split(",") if n], default=[30_000],
                        help="sizes at which the HTTP load test runs (default 30000; empty: none)")
    parser.add_argument("--results", default=str(ROOT / "benchmarks" / "results"))
    parser.add_argument("--report-only", action="store_true", help="print the stored results")
    parser.add_argument("--markdown", action="store_true", help="also print the table for docs/benchmarks.md")
    args = parser.parse_args()
    if args.child:
        _child(args.child, Path(args.out))
        return
    results = Path(args.results)
    results.mkdir(parents=True, exist_ok=True)
    by_size = {}
    for size in (int(s) for s in args.sizes.split(",")):
        path = results / f"suite-{size}.json"
        if args.report_only:
            record = json.loads(path.read_text())
        else:
            record = _merge(path, run_size(size, args))
        rows = v.verdicts(record["measurements"], size)
        record["verdicts"] = [{**row.__dict__, "result": row.mark} for row in rows]
        if not args.report_only:
            path.write_text(json.dumps(record, indent=1, default=str))
        by_size[size] = rows
        print(v.text_table(size, rows), flush=True)
    if args.markdown:
        print(v.markdown_table(by_size))


if __name__ == "__main__":
    main()
