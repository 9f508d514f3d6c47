"""Turn locust's CSV stats of a run into the markdown table of docs/benchmarks.md."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

RESULTS = Path(__file__).with_name("results")


def _rows(path: Path) -> list[dict]:
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def main(levels: list[int]) -> None:
    print("| users | step | requests | failures | req/s | p50 ms | p95 ms | p99 ms |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    summary = []
    for users in levels:
        mix = _rows(RESULTS / f"mix-{users}_stats.csv")
        base = _rows(RESULTS / f"base-{users}_stats.csv")
        for row in mix + [r for r in base if r["Name"] != "Aggregated"]:
            name = row["Name"] if row["Name"] != "Aggregated" else "**all (our mix)**"
            print(f"| {users} | {name} | {row['Request Count']} | {row['Failure Count']} | "
                  f"{float(row['Requests/s']):.1f} | {row['50%']} | {row['95%']} | {row['99%']} |")
        ours = next(r for r in mix if r["Name"] == "Aggregated")
        theirs = next(r for r in base if r["Name"] == "Aggregated")
        summary.append((users, float(ours["Requests/s"]), float(theirs["Requests/s"]), ours["95%"], theirs["95%"],
                        ours["Failure Count"]))
    print()
    print("| users | our req/s | bare Wagtail req/s | ratio | our p95 ms | bare p95 ms | failures |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for users, ours, theirs, p95, base95, failures in summary:
        ratio = ours / theirs if theirs else 0
        print(f"| {users} | {ours:.1f} | {theirs:.1f} | {ratio:.2f} | {p95} | {base95} | {failures} |")


if __name__ == "__main__":
    main([int(v) for v in sys.argv[1:]] or [25, 50, 100, 150, 200])
