"""The ratios of issue 17 from one run's measurements, each with its floor and target, and the
tables the suite prints and writes (pure functions: tests/benchmarks/test_verdicts.py).

`measurements` is what `benchmarks.suite` stored for one size: operation → {"seconds",
"cpu_seconds", "peak_rss", ...}; the floors (bare Wagtail page, bare XlsxWriter, CSV + xlsx + PDF,
logins before Argon2) come from the same run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIB = 1024 ** 2
LEARNER_PAGES = {"my_learning": "“Việc học của tôi”", "library": "the library", "lesson": "a lesson",
                 "quiz": "a quiz page"}
PAGE_TARGET = 0.33  # bare page cost / learner page cost (1.0: as cheap as the bare page)
CSV_PEAK_TARGET_MIB = 600
EXPORT_PEAK_TARGET_MIB = 600  # issue 17 item 3: constant memory for every export
XLSX_TARGET = 2.0
PACK_TARGET = 3.0
DASHBOARD_TARGETS = {30_000: 20.0, 100_000: 50.0}  # × a bare page; other sizes: no target
HTTP_RATIO_TARGET = 0.5  # our mix's req/s / the bare page's, both without think time
HTTP_P95_TARGET_MS = 300
HTTP_USERS = 100  # the level the p95 target names


@dataclass(frozen=True)
class Verdict:
    name: str
    value: float | None  # None: not measured in this run
    unit: str  # "×", "MiB", "/s"
    floor: str  # what the value is compared with, measured in the same run
    target: str
    passed: bool | None  # None: no target (reported only) or not measured

    @property
    def mark(self) -> str:
        return {True: "pass", False: "FAIL", None: "—"}[self.passed]

    def shown(self) -> str:
        if self.value is None:
            return "not measured"
        if self.unit in ("MiB", " ms", ""):
            return f"{self.value:,.0f}{' ' if self.unit == 'MiB' else ''}{self.unit}"
        return f"{self.value:.2f}{self.unit}"


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return numerator / denominator


def _check(value: float | None, limit: float, *, at_least: bool) -> bool | None:
    if value is None:
        return None
    return value >= limit if at_least else value <= limit


def _cpu(measurements: dict, op: str) -> float | None:
    """CPU time of an operation (user + system, of the process and its worker processes): on a
    shared machine the steadier figure; wall time moves with the neighbours' load."""
    found = measurements.get(op) or {}
    return found.get("cpu_seconds")


def page_verdicts(measurements: dict) -> list[Verdict]:
    pages = (measurements.get("pages") or {}).get("result") or {}
    bare = (pages.get("bare") or {}).get("cpu_ms")
    out = []
    for key, label in LEARNER_PAGES.items():
        page = (pages.get("pages") or {}).get(key) or {}
        value = _ratio(bare, page.get("cpu_ms"))
        out.append(Verdict(f"{label}: bare page / page (one process)", value, "×",
                           f"bare Wagtail page {bare:.1f} ms" if bare else "bare Wagtail page",
                           f"≥ {PAGE_TARGET}", _check(value, PAGE_TARGET, at_least=True)))
    return out


def _peak(measurements: dict, op: str) -> float | None:
    """Peak RSS in MiB (wait4's ru_maxrss: the process's, or its largest waited-for worker's — the
    largest one process, not a sum of processes)."""
    found = measurements.get(op) or {}
    return found["peak_rss"] / MIB if found.get("peak_rss") else None


def peak_verdict(name: str, measurements: dict, op: str, floor: str = "—",
                 target: float = EXPORT_PEAK_TARGET_MIB) -> Verdict:
    peak = _peak(measurements, op)
    return Verdict(name, peak, "MiB", floor, f"< {target:g} MiB", None if peak is None else peak < target)


def export_verdicts(measurements: dict) -> list[Verdict]:
    out = [peak_verdict("compliance CSV, peak memory (streamed)", measurements, "csv", target=CSV_PEAK_TARGET_MIB),
           peak_verdict("xlsx peak memory", measurements, "xlsx"),
           peak_verdict("PDF report peak memory", measurements, "pdf")]
    # The floor is XlsxWriter's writing alone (its process's start-up and reading the rows left out);
    # the xlsx is the whole command: start-up, the compliance table, the summary sheet, the detail.
    found = measurements.get("xlsx_floor") or {}
    floor = (found.get("result") or {}).get("writing_cpu_seconds", found.get("cpu_seconds"))
    xlsx = _ratio(_cpu(measurements, "xlsx"), floor)
    out.append(Verdict("compliance xlsx / bare XlsxWriter (same rows and formats)", xlsx, "×",
                       f"bare XlsxWriter {floor:.1f} s CPU" if floor else "bare XlsxWriter",
                       f"≤ {XLSX_TARGET}", _check(xlsx, XLSX_TARGET, at_least=False)))
    parts = [(measurements.get(op) or {}).get("seconds") for op in ("csv", "xlsx", "pdf")]
    reports = None if None in parts else sum(parts)
    # Wall time against wall time: the pack renders its attendance lists on every core, so what a
    # user waits for is the measure (its CPU time, all processes, is in the JSON).
    pack = _ratio((measurements.get("pack") or {}).get("seconds"), reports)
    out.append(Verdict("evidence pack / (CSV + xlsx + PDF), wall time", pack, "×",
                       f"CSV + xlsx + PDF {reports:.1f} s" if reports else "CSV + xlsx + PDF",
                       f"≤ {PACK_TARGET}", _check(pack, PACK_TARGET, at_least=False)))
    cpu_parts = [_cpu(measurements, op) for op in ("csv", "xlsx", "pdf")]
    cpu_reports = None if None in cpu_parts else sum(cpu_parts)
    out.append(Verdict("evidence pack / (CSV + xlsx + PDF), CPU time (all processes)",
                       _ratio(_cpu(measurements, "pack"), cpu_reports), "×",
                       f"CSV + xlsx + PDF {cpu_reports:.1f} s CPU" if cpu_reports else "CSV + xlsx + PDF",
                       "reported (the work, whatever the load)", None))
    out.append(peak_verdict("evidence pack peak memory", measurements, "pack",
                            floor="the largest process: the pack's or one of its workers'"))
    return out


DASHBOARD_NAME = "HR dashboard (by unit, today) / bare page, caches cleared"
# Every tab of the HR dashboard (its URL name → the tab's label in the names of the verdicts);
# "by unit" keeps the name docs/benchmarks.md refers to.
DASHBOARD_TABS = {"by_unit": "by unit", "by_requirement": "Theo văn bản", "trend": "Diễn biến",
                  "overdue": "Quá hạn", "people": "Danh sách cán bộ", "detail": "Chi tiết", "targets": "Chỉ tiêu"}
PROVINCE_NAME = "province dashboard (today) / bare page, caches cleared"


def dashboard_tab_name(tab: str) -> str:
    return f"HR dashboard ({DASHBOARD_TABS[tab]}, today) / bare page, caches cleared"


def dashboard_verdicts(measurements: dict, size: int) -> list[Verdict]:
    """Each live tab of today against the bare page, wall time (the aggregates run in the database
    server, which the process's CPU time does not see), and the province dashboard when it holds
    the size's staff; "by unit" as of a past date (computed from the evidence) and its CPU ratio
    reported beside them."""
    found = (measurements.get("dashboard") or {}).get("result") or {}
    bare, today = found.get("bare") or {}, found.get("today") or {}
    tabs = found.get("tabs") or {"by_unit": today}  # an older record: "by unit" alone
    as_of = found.get("as_of") or ({"cpu_ms": found["dashboard_ms"]} if "dashboard_ms" in found else {})
    bare_floor = f"bare Wagtail page {bare['wall_ms']:.1f} ms" if bare.get("wall_ms") else "bare Wagtail page"
    target = DASHBOARD_TARGETS.get(size)
    shown = f"≤ {target:g}×" if target else "— (targets at 30,000 and 100,000)"
    kept = "" if found.get("kept", today.get("kept", True)) else " (campaign not kept: computed)"

    def against_bare(name: str, page: dict, at_scale: bool = True, floor: str = bare_floor) -> Verdict:
        value = _ratio(page.get("wall_ms"), bare.get("wall_ms"))
        passed = _check(value, target, at_least=False) if target and at_scale else None
        return Verdict(name, value, "×", floor, shown if at_scale else "reported (not at this size)", passed)

    out = [against_bare((DASHBOARD_NAME if tab == "by_unit" else dashboard_tab_name(tab)) + kept, tabs.get(tab) or {})
           for tab in DASHBOARD_TABS]
    province = found.get("province")
    if province:  # a demo province of a few hundred people says nothing of the size's targets
        people = province.get("people") or 0
        out.append(against_bare(PROVINCE_NAME, province, at_scale=people >= 0.9 * size,
                                floor=f"{bare_floor}; {people:,} staff in the province's campaigns"))
    out += [
        Verdict("HR dashboard (by unit, today) / bare page, CPU time of the process", _ratio(
            today.get("cpu_ms"), bare.get("cpu_ms")), "×", "bare Wagtail page, CPU", "reported", None),
        Verdict("HR dashboard (by unit, as of 2024-12-31: from the evidence) / bare page", _ratio(
            as_of.get("wall_ms", as_of.get("cpu_ms")), bare.get("wall_ms", found.get("bare_ms"))), "×",
            bare_floor, "reported", None),
    ]
    return out


def login_verdicts(measurements: dict) -> list[Verdict]:
    found = (measurements.get("logins") or {}).get("result") or {}
    before, after = found.get("before_per_core"), found.get("after_per_core")
    return [
        Verdict("logins per second per core, PBKDF2 (before)", before, "/s", "—", "reported", None),
        Verdict("logins per second per core, Argon2id (after)", after, "/s", "—", "reported", None),
        Verdict("logins per core, after / before", _ratio(after, before), "×", "PBKDF2 in the same run", "reported",
                None),
    ]


def _confirmed(found: dict) -> float | None:
    text = found.get("verify", "")
    match = re.search(r'"confirmed_submissions": (\d+)', text)
    return float(match.group(1)) if match else None


def http_verdicts(measurements: dict) -> list[Verdict]:
    """The HTTP load test (only at the sizes it ran): throughput at capacity against the bare page's,
    and the p95 of the mix at 100 users with think time; failures and the database check beside."""
    measured = measurements.get("http")
    if measured is None:
        return []
    found = measured.get("result")
    if not found:  # the run failed (its error is in the JSON): shown as not measured, never as a pass
        return [Verdict("HTTP mix / bare page, req/s at capacity", None, "×", "bare Wagtail page",
                        f"≥ {HTTP_RATIO_TARGET}", None),
                Verdict(f"HTTP mix p95 at {HTTP_USERS} users", None, " ms", "bare page", f"< {HTTP_P95_TARGET_MS} ms",
                        None)]
    mix, bare = found["capacity_mix"], found["capacity_bare"]
    ratio = _ratio(mix["rps"], bare["rps"])
    level = found["mix"]
    failures = level["failures"] + found["bare"]["failures"] + mix["failures"] + bare["failures"]
    return [
        Verdict("HTTP mix / bare page, req/s at capacity", ratio, "×", f"bare Wagtail page {bare['rps']:.1f} req/s",
                f"≥ {HTTP_RATIO_TARGET}", _check(ratio, HTTP_RATIO_TARGET, at_least=True)),
        Verdict(f"HTTP mix p95 at {found['users']} users ({found['think']} s think time)", level["p95_ms"], " ms",
                f"bare page p95 {found['bare']['p95_ms']:.0f} ms", f"< {HTTP_P95_TARGET_MS} ms",
                level["p95_ms"] < HTTP_P95_TARGET_MS),
        Verdict("HTTP failed requests (all phases)", failures, "", "—", "0", failures == 0),
        Verdict("HTTP confirmed quiz submissions, each graded once (verify.py)", _confirmed(found), "", "—",
                "all in the database, none twice", "verify: OK" in found.get("verify", "")),
    ]


def verdicts(measurements: dict, size: int) -> list[Verdict]:
    return (page_verdicts(measurements) + export_verdicts(measurements) + dashboard_verdicts(measurements, size)
            + login_verdicts(measurements) + http_verdicts(measurements))


def text_table(size: int, rows: list[Verdict]) -> str:
    width = max(len(v.name) for v in rows)
    lines = [f"{size:,} staff", f"{'ratio':<{width}}  {'value':>14}  {'target':<22} {'result':<6} floor (same run)"]
    lines += [f"{v.name:<{width}}  {v.shown():>14}  {v.target:<22} {v.mark:<6} {v.floor}" for v in rows]
    return "\n".join(lines)


def markdown_table(by_size: dict[int, list[Verdict]]) -> str:
    """One row per ratio, one column per size: value and pass/FAIL."""
    sizes = sorted(by_size)
    names = list(dict.fromkeys(v.name for rows in by_size.values() for v in rows))
    targets: dict[str, dict[str, None]] = {}
    for size in sizes:
        for row in by_size[size]:
            targets.setdefault(row.name, {})[row.target] = None
    head = "| ratio | target | " + " | ".join(f"{s:,} staff" for s in sizes) + " |"
    rule = "| --- | --- | " + " | ".join("---:" for _ in sizes) + " |"
    lines = [head, rule]
    for name in names:
        cells = []
        for size in sizes:
            found = next((v for v in by_size[size] if v.name == name), None)
            if found is None or found.value is None:
                cells.append("not measured")
            else:
                cells.append(found.shown() + ("" if found.passed is None else f" {found.mark}"))
        lines.append(f"| {name} | {' / '.join(targets[name])} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
