"""Benchmark: compliance at province scale (issue 6, item 8).

On `seed_demo --employees N --seed S` data (default 30,000 staff × the 19 requirements of
`dan-van-2024`), it times and measures the peak memory of: the seed itself, the bulk computation
(`compliance_table`), each export format (`compliance_report --format csv|xlsx|pdf`), the evidence
pack, the HR dashboard page (when the dashboard is installed) and, as the baseline, pandas reading
and writing the same CSV. Each measurement runs in its own subprocess, so each peak (max RSS from
`resource.getrusage`, and optionally the tracemalloc peak) is clean. Targets: CSV within 4× the
pandas baseline, every peak under 1 GiB.

    .venv/bin/python benchmarks/compliance.py [--employees 30000] [--seed 2024] [--repeat 3]
        [--database-url postgres://postgres@127.0.0.1:5432/h6_bench] [--reuse] [--skip xlsx,pack]
        [--tracemalloc] [--no-write]

Without --database-url: a fresh SQLite file in a temporary folder. With a PostgreSQL URL the
database is dropped and created again unless --reuse is given (then it must hold the same N).
Results replace the "Compliance" section of docs/benchmarks.md (with the machine's description).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
AS_OF = "2024-12-31"
CAMPAIGN = "dan-van-2024"
GIB = 1024 ** 3
START, END = "<!-- compliance-benchmark:start -->", "<!-- compliance-benchmark:end -->"


# --- inside a measurement subprocess ----------------------------------------------------------


def _setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import logging

    import django

    django.setup()
    logging.disable(logging.INFO)


def _campaign():
    from learning.models import Campaign

    return Campaign.objects.get(slug=CAMPAIGN)


def _op_table(out: Path) -> dict:
    from learning.selectors.compliance import compliance_table

    table = compliance_table(campaign=_campaign(), as_of=dt.date.fromisoformat(AS_OF))
    return {"rows": len(table)}


def _op_report(fmt: str):
    def run(out: Path) -> dict:
        from django.core.management import call_command

        path = out / f"report.{fmt}"
        call_command("compliance_report", "--campaign", CAMPAIGN, "--format", fmt, "--out", str(path),
                     "--as-of", AS_OF, stdout=open(os.devnull, "w"))  # noqa: SIM115
        return {"bytes": path.stat().st_size}

    return run


def _op_pandas(out: Path) -> dict:
    import pandas as pd

    frame = pd.read_csv(out / "baseline.csv", dtype=str, keep_default_na=False)
    frame.to_csv(out / "baseline-copy.csv", index=False, lineterminator="\n")
    return {"rows": len(frame)}


def _op_pack(out: Path) -> dict:
    from reports.services.evidence_pack import evidence_pack_build

    pack = evidence_pack_build(campaign=_campaign(), out=out / "pack.zip", as_of=dt.date.fromisoformat(AS_OF))
    return {"bytes": (out / "pack.zip").stat().st_size, "files": len(pack.files)}


def _op_dashboard(out: Path) -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    try:
        url = reverse("learning_dashboard:by_unit")
    except NoReverseMatch:
        return {"skipped": "no dashboard"}
    user, _ = get_user_model().objects.get_or_create(username="bench-admin", defaults={"is_superuser": True,
                                                                                       "is_staff": True})
    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    response = client.get(url, {"campaign": _campaign().pk, "as_of": AS_OF})
    return {"status": response.status_code, "bytes": len(response.content)}


OPERATIONS = {
    "table": _op_table,
    "csv": _op_report("csv"),
    "pandas": _op_pandas,
    "xlsx": _op_report("xlsx"),
    "pdf": _op_report("pdf"),
    "dashboard": _op_dashboard,
    "pack": _op_pack,
}


def _cpu_seconds() -> float:
    """User + system CPU time of this process (steadier than wall time on a shared machine)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _db_backend_stat() -> Path | None:
    """/proc stat file of this connection's PostgreSQL backend, when the server runs on this machine."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        stat = Path(f"/proc/{cursor.fetchone()[0]}/stat")
    return stat if stat.exists() else None


def _db_cpu_seconds(stat: Path | None) -> float | None:
    """User + system CPU time of the backend (parallel query workers, if any, are not counted)."""
    if stat is None:
        return None
    fields = stat.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(name: str, out: Path, use_tracemalloc: bool) -> dict:
    """Run one operation in this (fresh) process; report wall time and memory."""
    import pandas  # noqa: F401  (imported before timing, as Django set-up is)

    if name != "pandas":
        _setup_django()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    if use_tracemalloc:
        import tracemalloc

        tracemalloc.start()
    backend = _db_backend_stat() if name != "pandas" else None
    db_cpu = _db_cpu_seconds(backend)
    started, cpu = time.perf_counter(), _cpu_seconds()
    result = OPERATIONS[name](out)
    seconds = time.perf_counter() - started
    if backend is not None:
        result["db_cpu_seconds"] = _db_cpu_seconds(backend) - db_cpu
    result.update(seconds=seconds, cpu_seconds=_cpu_seconds() - cpu, rss_before=before,
                  peak_rss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
    if use_tracemalloc:
        result["tracemalloc_peak"] = tracemalloc.get_traced_memory()[1]
    return result


# --- the driver -------------------------------------------------------------------------------


def run_child(args: list[str], env: dict) -> dict:
    completed = subprocess.run([PYTHON, __file__, *args], env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise SystemExit(f"{args}: failed\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def manage(env: dict, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([PYTHON, str(ROOT / "manage.py"), *args], env=env, check=True, capture_output=True, text=True)
    return time.perf_counter() - started


def prepare_database(url: str | None, scratch: Path, reuse: bool) -> tuple[str, str]:
    if url is None:
        return f"sqlite:///{scratch / 'bench.sqlite3'}", "SQLite"
    if url.startswith("postgres") and not reuse:
        name = url.rsplit("/", 1)[1]
        base = url.rsplit("/", 1)[0] + "/postgres"
        for sql in (f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'):
            subprocess.run(["psql", base, "-q", "-c", sql], check=True)
    return url, "PostgreSQL" if url.startswith("postgres") else "SQLite"


def seed(env: dict, employees: int, seed_value: int, reuse: bool) -> dict:
    if reuse:
        return {"skipped": "reused"}
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    seconds = manage(env, "seed_demo", "--employees", str(employees), "--seed", str(seed_value))
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {"seconds": seconds, "peak_rss": max(peak, before)}


def machine(env: dict, vendor: str) -> list[str]:
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    model = re.search(r"Model name:\s*(.+)", lscpu)
    cpus = re.search(r"^CPU\(s\):\s*(\d+)", lscpu, re.M)
    mem = re.search(r"MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text())
    load = os.getloadavg()
    db = vendor
    if vendor == "PostgreSQL":
        version = subprocess.run(["psql", env["DATABASE_URL"], "-tAc", "SHOW server_version"], capture_output=True,
                                 text=True).stdout.strip()
        db = f"PostgreSQL {version}"
    else:
        import sqlite3

        db = f"SQLite {sqlite3.sqlite_version}"
    return [
        f"- CPU: {model.group(1).strip() if model else platform.processor()} × {cpus.group(1) if cpus else '?'}",
        f"- RAM: {int(mem.group(1)) / 1024 ** 2:.1f} GiB" if mem else "- RAM: ?",
        f"- Python {platform.python_version()}, {platform.platform()}",
        f"- Database: {db}",
        f"- Load average when the run started: {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f} "
        "(the machine is shared: other processes compete for the cores)",
    ]


def fmt_bytes(value: float | None) -> str:
    return "—" if value is None else f"{value / 1024 ** 2:.0f} MiB"


def report(results: dict, seeded: dict, args, lines: list[str]) -> str:
    rows = ["| measurement | time (s, median) | runs | peak RSS | RSS before op | tracemalloc peak | notes |",
            "| --- | --- | --- | --- | --- | --- | --- |"]
    labels = {"table": "bulk computation (`compliance_table`)", "csv": "`compliance_report --format csv`",
              "pandas": "baseline: pandas `read_csv` + `to_csv` of the same CSV",
              "xlsx": "`compliance_report --format xlsx`", "pdf": "`compliance_report --format pdf`",
              "pack": "`export_evidence` (ZIP: PDF, xlsx, CSV, sign-in lists, quiz results, …)",
              "dashboard": "HR dashboard page (by unit), one request"}
    if "seconds" in seeded:
        rows.append(f"| `seed_demo --employees {args.employees} --seed {args.seed}` | {seeded['seconds']:.1f} | 1 | "
                    f"{fmt_bytes(seeded['peak_rss'])} | — | — | target < 120 s |")
    for name, runs in results.items():
        if "skipped" in runs[0]:
            rows.append(f"| {labels[name]} | — | — | — | — | — | {runs[0]['skipped']} |")
            continue
        median = statistics.median(r["seconds"] for r in runs)
        notes = ", ".join(f"{k}={v}" for k, v in runs[0].items()
                          if k in ("rows", "bytes", "files", "status"))
        rows.append(f"| {labels[name]} | {median:.2f} | {len(runs)} | {fmt_bytes(max(r['peak_rss'] for r in runs))} | "
                    f"{fmt_bytes(runs[0]['rss_before'])} | {fmt_bytes(runs[0].get('tracemalloc_peak'))} | {notes} |")
    verdict = []
    if "csv" in results and "pandas" in results:
        csv = statistics.median(r["seconds"] for r in results["csv"])
        base = statistics.median(r["seconds"] for r in results["pandas"])
        verdict.append(f"- CSV report / pandas baseline: **{csv / base:.2f}×** (target ≤ 4×): "
                       f"{'met' if csv <= 4 * base else 'NOT met'}.")
    peaks = [max(r["peak_rss"] for r in runs) for runs in results.values() if "peak_rss" in runs[0]]
    if peaks:
        verdict.append(f"- Highest peak RSS of any measurement: **{fmt_bytes(max(peaks))}** (target < 1 GiB): "
                       f"{'met' if max(peaks) < GIB else 'NOT met'}.")
    return "\n".join([
        START,
        "## Compliance at scale (`benchmarks/compliance.py`)",
        "",
        f"Run {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}: `seed_demo --employees {args.employees} --seed "
        f"{args.seed}`, campaign `{CAMPAIGN}` as of {AS_OF}. Each measurement is a fresh subprocess (Django set-up "
        "not timed; peak RSS includes the interpreter and Django, shown in 'RSS before op').",
        "",
        *lines,
        "",
        *rows,
        "",
        *verdict,
        END,
    ])


def write_section(section: str, start: str = START, end: str = END) -> None:
    """Replace the text between the `start` and `end` markers of docs/benchmarks.md (or append)."""
    docs = ROOT / "docs" / "benchmarks.md"
    text = docs.read_text(encoding="utf-8") if docs.exists() else "# Benchmarks\n\nOne section per benchmark.\n"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    docs.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=30000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=3, help="runs of the fast measurements (median reported)")
    parser.add_argument("--database-url")
    parser.add_argument("--reuse", action="store_true", help="use the database as it is (already seeded)")
    parser.add_argument("--skip", default="", help="comma-separated measurements to leave out")
    parser.add_argument("--tracemalloc", action="store_true", help="also report tracemalloc peaks (slower)")
    parser.add_argument("--no-write", action="store_true", help="print only; do not touch docs/benchmarks.md")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, Path(args.out), args.tracemalloc)))
        return 0

    with tempfile.TemporaryDirectory(prefix="bench-compliance-") as folder:
        scratch = Path(folder)
        url, vendor = prepare_database(args.database_url, scratch, args.reuse)
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.dev",
               "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
        lines = machine(env, vendor)
        print("\n".join(lines), flush=True)
        seeded = seed(env, args.employees, args.seed, args.reuse)
        print(f"seed: {seeded}", flush=True)
        skip = {s.strip() for s in args.skip.split(",") if s.strip()}
        extra = ["--tracemalloc"] if args.tracemalloc else []
        results: dict[str, list[dict]] = {}
        for name in OPERATIONS:
            if name in skip:
                continue
            if name == "pandas":  # the baseline reads the CSV that the report wrote
                (scratch / "report.csv").replace(scratch / "baseline.csv")
            repeat = args.repeat if name in ("table", "csv", "pandas", "dashboard") else 1
            results[name] = [run_child(["--measure", name, "--out", str(scratch), *extra], env)
                             for _ in range(repeat)]
            print(f"{name}: {results[name]}", flush=True)
        section = report(results, seeded, args, lines)
        print(section)
        if not args.no_write:
            write_section(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
