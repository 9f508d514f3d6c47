"""Benchmark: how compliance work grows with the number of staff (issue 8, item 6).

For each size (default 10,000, 30,000 and 100,000 staff) it seeds a PostgreSQL database with
`seed_demo --employees N --seed S`, then measures, each in a fresh subprocess as
`benchmarks/compliance.py` does: the bulk computation, the compliance report (csv, xlsx, pdf),
the HR dashboard page and the evidence pack — wall time, CPU time (user + system of the child)
and peak RSS. The "Scale" section of docs/benchmarks.md gets a size × operation table, the growth
ratio per step (against the 3× and 3.33× of linear growth) and a verdict per operation.

    .venv/bin/python benchmarks/scale.py --database-url postgres://postgres@127.0.0.1:5432/hs_scale
        [--sizes 10000,30000,100000] [--only table,csv,...] [--skip pack] [--repeat 3] [--reuse]
        [--results benchmarks/results/scale.json] [--report-only] [--drop] [--no-write]

One database per size (`<name>_<N>`). Results are kept in a JSON file, merged run after run, so a
size or an operation can be measured later (e.g. `--sizes 100000 --only pack --reuse`) and the
section is always written from everything measured so far. Sizes run smallest first and the
evidence pack last within each size, so the longest measurement comes last.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compliance  # noqa: E402  (the measurement subprocesses and helpers are shared)

ROOT = compliance.ROOT
START, END = "<!-- scale-benchmark:start -->", "<!-- scale-benchmark:end -->"
OPERATIONS = ["seed", "table", "csv", "pdf", "dashboard", "xlsx", "pack"]
REPEATED = {"table", "csv", "dashboard"}  # fast enough to take the median of several runs
LABELS = {
    "seed": "`seed_demo --employees N`",
    "table": "bulk computation (`compliance_table`)",
    "csv": "`compliance_report --format csv`",
    "pdf": "`compliance_report --format pdf`",
    "xlsx": "`compliance_report --format xlsx`",
    "dashboard": "HR dashboard page (by unit), one request",
    "pack": "evidence pack (`export_evidence`)",
}
TOLERANCE = 1.10  # growth within 10% of linear still counts as linear: run-to-run noise is larger


def run_measured(command: list[str], env: dict) -> dict:
    """Run a command; its own wall time, CPU time and peak RSS (from wait4, not the children's total)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            err.seek(0)
            raise SystemExit(f"{command[2:]}: failed\n{err.read().decode()[-3000:]}")
    return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_rss": usage.ru_maxrss * 1024}


def database_url(base: str, size: int) -> str:
    return f"{base}_{size}"


def seed(url: str, env: dict, size: int, seed_value: int) -> dict:
    compliance.prepare_database(url, Path(tempfile.gettempdir()), reuse=False)
    compliance.manage(env, "migrate", "--noinput", "-v0")
    compliance.manage(env, "createcachetable")
    return run_measured([compliance.PYTHON, str(ROOT / "manage.py"), "seed_demo", "--employees", str(size),
                         "--seed", str(seed_value)], env)


def measure_size(size: int, args, store: dict) -> None:
    url = database_url(args.database_url, size)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.dev",
           "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    results = store.setdefault("sizes", {}).setdefault(str(size), {})
    with tempfile.TemporaryDirectory(prefix=f"bench-scale-{size}-") as folder:
        for name in args.operations:
            if name == "seed" and args.reuse:
                continue
            print(f"{dt.datetime.now(dt.UTC):%H:%M:%S} {size} {name} …", flush=True)
            if name == "seed":
                runs = [seed(url, env, size, args.seed)]
            else:
                repeat = args.repeat if name in REPEATED else 1
                runs = [compliance.run_child(["--measure", name, "--out", folder], env) for _ in range(repeat)]
            results[name] = {"runs": runs, "at": f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
                             "load": os.getloadavg()[0]}
            print(f"  {runs}", flush=True)
            save(args.results, store)
    if args.drop:
        base = url.rsplit("/", 1)[0] + "/postgres"
        subprocess.run(["psql", base, "-q", "-c", f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}"'], check=True)


def save(path: Path, store: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(store, indent=1) + "\n", encoding="utf-8")


# --- the report -------------------------------------------------------------------------------


def summary(entry: dict) -> dict:
    """Median wall and CPU time over the runs; the highest peak; memory the operation itself added."""
    runs = entry["runs"]
    peak = max(r["peak_rss"] for r in runs)
    return {"seconds": statistics.median(r["seconds"] for r in runs),
            "cpu": statistics.median(r["cpu_seconds"] for r in runs),
            "db": statistics.median(r["db_cpu_seconds"] for r in runs) if all("db_cpu_seconds" in r for r in runs)
            else None,
            "peak": peak, "added": peak - runs[0].get("rss_before", 0), "runs": len(runs)}


def mib(value: float) -> str:
    return f"{value / 1024 ** 2:.0f}"


def growth(values: list[tuple[int, float]]) -> list[str]:
    """Ratio per step against the linear ratio of the sizes, e.g. '3.4× (3×)'."""
    return [f"{b / a:.2f}× ({m / n:.3g}×)" if a > 0 else "—" for (n, a), (m, b) in pairwise(values)]


def verdict(values: list[tuple[int, float]]) -> str:
    worse = [f"{n:,}→{m:,}" for (n, a), (m, b) in pairwise(values) if a > 0 and b / a > TOLERANCE * m / n]
    return f"**worse than linear** ({', '.join(worse)})" if worse else "linear or better"


def report(store: dict, lines: list[str], args) -> str:
    sizes = sorted(int(s) for s in store.get("sizes", {}))
    table = ["| operation | staff | wall (s) | CPU Python (s) | CPU PostgreSQL (s) | CPU ms per staff | "
             "peak RSS (MiB) | added by the op (MiB) | runs | load | notes |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    ratios = ["| operation | steps | CPU time growth (linear) | wall time growth (linear) | "
              "added memory growth (linear) | CPU, smallest → largest (linear) | verdict (CPU time) | "
              "verdict (memory) |",
              "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    missing = []
    for name in OPERATIONS:
        measured = [(n, summary(store["sizes"][str(n)][name])) for n in sizes if name in store["sizes"][str(n)]]
        missing += [f"{name} at {n:,}" for n in sizes if name not in store["sizes"][str(n)]]
        for n, s in measured:
            first = store["sizes"][str(n)][name]["runs"][0]
            notes = ", ".join(f"{k}={v}" for k, v in first.items() if k in ("rows", "bytes", "files", "status"))
            added = mib(s["added"]) if name != "seed" else "—"
            db = "—" if s["db"] is None else f"{s['db']:.2f}"
            per_staff = 1000 * (s["cpu"] + (s["db"] or 0)) / n
            table.append(f"| {LABELS[name]} | {n:,} | {s['seconds']:.2f} | {s['cpu']:.2f} | {db} | {per_staff:.3f} | "
                         f"{mib(s['peak'])} | "
                         f"{added} | {s['runs']} | {store['sizes'][str(n)][name]['load']:.1f} | {notes} |")
        if len(measured) < 2:
            continue
        steps = " / ".join(f"{n:,}→{m:,}" for (n, _), (m, _) in pairwise(measured))
        cpu = [(n, s["cpu"] + (s["db"] or 0)) for n, s in measured]
        wall = [(n, s["seconds"]) for n, s in measured]
        memory = [(n, s["peak"] if name == "seed" else s["added"]) for n, s in measured]
        overall = growth([cpu[0], cpu[-1]])[0] if len(cpu) > 2 else "—"
        ratios.append(f"| {LABELS[name]} | {steps} | {' / '.join(growth(cpu))} | {' / '.join(growth(wall))} | "
                      f"{' / '.join(growth(memory))} | {overall} | {verdict(cpu)} | {verdict(memory)} |")
    command = (f"`.venv/bin/python benchmarks/scale.py --database-url postgres://…/hs_scale "
               f"--sizes {','.join(str(n) for n in sizes)}`")
    return "\n".join([
        START,
        "## Scale: 10k → 30k → 100k staff (`benchmarks/scale.py`)",
        "",
        f"Written {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC by {command} "
        f"(`seed_demo --seed {args.seed}`, campaign `{compliance.CAMPAIGN}` as of {compliance.AS_OF}). "
        "Each measurement is a fresh subprocess; Django set-up is not timed. **CPU time** is user + system "
        "time: of the Python process, and of its PostgreSQL backend (read from /proc; parallel-query workers "
        "are not counted, and the seed's backend is not measured). The machine is shared with other work "
        "(the 'load' column is the 1-minute load average on 2 cores when the measurement ended), so wall "
        "time swings with the load while CPU time is the steadier number: the verdicts use Python + "
        "PostgreSQL CPU time. 'Added by the op' is the peak RSS minus the RSS before the operation "
        "(interpreter, Django, pandas); for the seed the whole process's peak is used. Fast operations are "
        "run several times (median time, highest peak).",
        "",
        *lines,
        "",
        *table,
        "",
        f"Growth per step, measured vs linear (in brackets); 'linear or better' allows {TOLERANCE - 1:.0%} for noise:",
        "",
        *ratios,
        "",
        *([f"Not measured: {', '.join(missing)}."] if missing else []),
        END,
    ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="PostgreSQL URL; one database per size: <name>_<N>")
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=3, help="runs of the fast measurements (median reported)")
    parser.add_argument("--only", default="", help="comma-separated operations (default: all)")
    parser.add_argument("--skip", default="", help="comma-separated operations to leave out")
    parser.add_argument("--reuse", action="store_true", help="databases already seeded: do not seed again")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "results" / "scale.json")
    parser.add_argument("--report-only", action="store_true", help="write the section from the stored results")
    parser.add_argument("--merge", nargs="*", type=Path, default=[],
                        help="results files of other runs (e.g. sizes run in parallel) to merge in, later ones win")
    parser.add_argument("--drop", action="store_true", help="drop each size's database after its measurements")
    parser.add_argument("--no-write", action="store_true", help="print only; do not touch docs/benchmarks.md")
    args = parser.parse_args()
    chosen = {s.strip() for s in args.only.split(",") if s.strip()} or set(OPERATIONS)
    skipped = {s.strip() for s in args.skip.split(",") if s.strip()}
    args.operations = [name for name in OPERATIONS if name in chosen - skipped]
    store = json.loads(args.results.read_text(encoding="utf-8")) if args.results.exists() else {}
    for other in args.merge:
        merged = json.loads(other.read_text(encoding="utf-8"))
        for size, entries in merged.get("sizes", {}).items():
            store.setdefault("sizes", {}).setdefault(size, {}).update(entries)
        store.setdefault("machine", merged.get("machine"))
    if args.merge:
        save(args.results, store)

    if not args.report_only:
        # Described before the run starts, so the load average is the one the measurements met first.
        server = args.database_url.rsplit("/", 1)[0] + "/postgres"
        store["machine"] = compliance.machine({"DATABASE_URL": server}, "PostgreSQL")
        print("\n".join(store["machine"]), flush=True)
        for size in sorted(int(s) for s in args.sizes.split(",")):
            measure_size(size, args, store)
    section = report(store, store.get("machine", []), args)
    print(section)
    if not args.no_write:
        compliance.write_section(section, START, END)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
