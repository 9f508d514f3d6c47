"""Turn locust's CSV stats of a run.sh run into the markdown tables of docs/benchmarks.md.

Per concurrency level: the steady state (locust resets its statistics once every user is spawned)
per step and in all, the logins of the ramp and every failure of the whole run; then the capacity
ratio (our mix against the bare Wagtail page, both without think time) and the PostgreSQL restart.
"""

from __future__ import annotations

import csv
import json
import re
import statistics
from pathlib import Path

RESULTS = Path(__file__).with_name("results")
TARGET_MS = 300


def _rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def _whole(name: str) -> dict:
    path = RESULTS / f"{name}_whole_run.json"
    return json.loads(path.read_text()) if path.exists() else {"login_ms": [], "failures": {}}


def _pct(values: list[float], q: float) -> str:
    if not values:
        return "–"
    values = sorted(values)
    return f"{values[min(len(values) - 1, int(q * len(values)))]:.0f}"


def _aggregate(rows: list[dict]) -> dict | None:
    return next((r for r in rows if r["Name"] == "Aggregated"), None)


def _levels() -> list[int]:
    found = (re.fullmatch(r"mix-(\d+)_stats\.csv", p.name) for p in RESULTS.glob("mix-*_stats.csv"))
    return sorted(int(m.group(1)) for m in found if m)


def levels_table() -> list[str]:
    lines = ["| users | our req/s | p50 ms | p95 ms | p99 ms | bare page req/s | bare p95 ms | login p50 / p95 ms (ramp) | failures (whole run) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    steps = ["| users | step | requests | req/s | p50 ms | p95 ms | p99 ms |", "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"]
    passed = None
    for users in _levels():
        mix, base = _rows(RESULTS / f"mix-{users}_stats.csv"), _rows(RESULTS / f"base-{users}_stats.csv")
        ours, theirs = _aggregate(mix), _aggregate(base) or {}
        whole, whole_base = _whole(f"mix-{users}"), _whole(f"base-{users}")
        failures = sum(whole["failures"].values()) + sum(whole_base["failures"].values())
        logins = whole["login_ms"]
        lines.append(f"| {users} | {float(ours['Requests/s']):.1f} | {ours['50%']} | {ours['95%']} | {ours['99%']} | "
                     f"{float(theirs.get('Requests/s', 0)):.1f} | {theirs.get('95%', '–')} | "
                     f"{_pct(logins, 0.5)} / {_pct(logins, 0.95)} | {failures} |")
        for row in mix:
            if row["Name"] != "Aggregated":
                steps.append(f"| {users} | {row['Name']} | {row['Request Count']} | {float(row['Requests/s']):.1f} | "
                             f"{row['50%']} | {row['95%']} | {row['99%']} |")
        if passed is None and float(ours["95%"]) > 500:
            passed = users
        for key, count in sorted({**whole["failures"], **whole_base["failures"]}.items()):
            steps.append(f"| {users} | failure: {key} | {count} | | | | |")
    verdict = (f"p95 passes 500 ms first at {passed} users." if passed
               else "p95 stays under 500 ms at every level measured.")
    return lines + ["", verdict, "", *steps]


def capacity_table() -> list[str]:
    ours, theirs = _aggregate(_rows(RESULTS / "cap-mix_stats.csv")), _aggregate(_rows(RESULTS / "cap-base_stats.csv"))
    if not ours or not theirs:
        return []
    ratio = float(ours["Requests/s"]) / float(theirs["Requests/s"])
    return ["| without think time | req/s | p50 ms | p95 ms |", "| --- | ---: | ---: | ---: |",
            f"| our mix | {float(ours['Requests/s']):.1f} | {ours['50%']} | {ours['95%']} |",
            f"| bare Wagtail page | {float(theirs['Requests/s']):.1f} | {theirs['50%']} | {theirs['95%']} |",
            "", f"Throughput ratio, our mix / bare Wagtail page: **{ratio:.2f}**."]


def restart_table() -> list[str]:
    history = _rows(RESULTS / "restart_stats_history.csv")
    at = RESULTS / "restart.at"
    if not history or not at.exists():
        return []
    restart_at, done_at = int(at.read_text()), int((RESULTS / "restart.done").read_text())
    rows = [r for r in history if r["Name"] == "Aggregated"]
    failures_by_second = []
    previous = 0
    for row in rows:
        total = int(row["Total Failure Count"])
        failures_by_second.append((int(row["Timestamp"]), total - previous))
        previous = total
    failed = [(t, n) for t, n in failures_by_second if n]
    after = [n for t, n in failures_by_second if t > done_at + 5]
    first, last = (failed[0][0] - restart_at, failed[-1][0] - restart_at) if failed else (None, None)
    whole = _whole("restart")
    lines = [f"PostgreSQL restart took {done_at - restart_at} s. Failed requests: {sum(n for _, n in failed)}, "
             f"from {first} s to {last} s after the restart began; failures more than 5 s after it finished: "
             f"{sum(after)}."]
    for key, count in sorted(whole["failures"].items()):
        lines.append(f"- {count} × {key}")
    p95_after = [float(r["95%"]) for r in rows if int(r["Timestamp"]) > done_at + 10 and r["95%"] not in ("N/A", "0")]
    if p95_after:
        lines.append(f"Cumulative p95 in the seconds after recovery: {statistics.median(p95_after):.0f} ms.")
    return lines


def main() -> None:
    for block in (levels_table(), capacity_table(), restart_table()):
        if block:
            print("\n".join(block))
            print()


if __name__ == "__main__":
    main()
