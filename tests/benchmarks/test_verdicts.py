"""The benchmark suite's pure parts: ratios from measurements, pass/fail against the issue's
targets, and the printed and Markdown tables (no timing here)."""

from __future__ import annotations

from benchmarks import verdicts as v

MIB = 1024 ** 2


def measurements(**overrides) -> dict:
    found = {
        "pages": {"result": {"bare": {"cpu_ms": 4.0}, "pages": {
            "my_learning": {"cpu_ms": 16.0}, "library": {"cpu_ms": 10.0}, "lesson": {"cpu_ms": 12.0},
            "quiz": {"cpu_ms": 8.0}}}},
        "csv": {"seconds": 10.0, "cpu_seconds": 8.0, "peak_rss": 500 * MIB},
        "pdf": {"seconds": 5.0, "cpu_seconds": 4.0, "peak_rss": 550 * MIB},
        "xlsx": {"seconds": 40.0, "cpu_seconds": 30.0, "peak_rss": 620 * MIB},
        "xlsx_floor": {"seconds": 30.0, "cpu_seconds": 25.0, "result": {"writing_cpu_seconds": 20.0}},
        "pack": {"seconds": 150.0, "cpu_seconds": 250.0, "peak_rss": 590 * MIB},
        "dashboard": {"result": {"today": {"wall_ms": 90.0, "cpu_ms": 60.0, "kept": True},
                                  "as_of": {"wall_ms": 800.0, "cpu_ms": 700.0},
                                  "bare": {"wall_ms": 4.0, "cpu_ms": 3.0}}},
        "logins": {"result": {"before_per_core": 4.0, "after_per_core": 24.0}},
    }
    found.update(overrides)
    return found


def by_name(rows):
    return {row.name.split(":")[0].split(" / ")[0].split(",")[0]: row for row in rows}


def test_ratios_and_verdicts():
    rows = v.verdicts(measurements(), 30_000)
    pages = v.page_verdicts(measurements())
    assert [round(row.value, 2) for row in pages] == [0.25, 0.4, 0.33, 0.5]
    assert [row.passed for row in pages] == [False, True, True, True]  # 4/12 = 0.333… ≥ 0.33
    found = {row.name: row for row in rows}
    csv = found["compliance CSV, peak memory (streamed)"]
    assert csv.value == 500 and csv.passed and csv.shown() == "500 MiB"
    xlsx = found["compliance xlsx / bare XlsxWriter (same rows and formats)"]
    assert xlsx.value == 1.5 and xlsx.passed  # CPU 30 / 20, the floor's writing alone
    no_detail = {row.name: row for row in v.verdicts(measurements(xlsx_floor={"cpu_seconds": 25.0}), 30_000)}
    assert no_detail[xlsx.name].value == 30 / 25  # an older record: the floor's whole process
    pack = found["evidence pack / (CSV + xlsx + PDF), wall time"]
    assert pack.value == 150 / 55 and pack.passed and pack.floor == "CSV + xlsx + PDF 55.0 s"
    assert found["evidence pack / (CSV + xlsx + PDF), CPU time (all processes)"].value == 250 / 42
    # Every export's peak memory against the same target as the CSV's (< 600 MiB).
    assert (found["xlsx peak memory"].value, found["xlsx peak memory"].mark) == (620, "FAIL")
    assert (found["PDF report peak memory"].shown(), found["PDF report peak memory"].passed) == ("550 MiB", True)
    pack_peak = found["evidence pack peak memory"]
    assert pack_peak.value == 590 and pack_peak.passed and pack_peak.target == "< 600 MiB"
    dashboard = found[v.DASHBOARD_NAME]
    assert dashboard.value == 22.5 and dashboard.passed is False  # ≤ 20× at 30,000, wall time
    assert found["HR dashboard (by unit, today) / bare page, CPU time of the process"].value == 20.0
    as_of = found["HR dashboard (by unit, as of 2024-12-31: from the evidence) / bare page"]
    assert as_of.value == 200.0 and as_of.passed is None  # reported, not a verdict
    assert found["logins per core, after / before"].value == 6.0
    assert found["logins per core, after / before"].passed is None  # reported, no target


def test_targets_by_size_and_missing_measurements():
    at_100k = {row.name: row for row in v.verdicts(measurements(), 100_000)}
    assert at_100k[v.DASHBOARD_NAME].passed is True  # ≤ 50×
    at_10k = {row.name: row for row in v.verdicts(measurements(), 10_000)}
    assert at_10k[v.DASHBOARD_NAME].passed is None  # no target there
    partial = {row.name: row for row in v.verdicts(measurements(pack={"error": "killed"}, csv={}), 30_000)}
    pack = partial["evidence pack / (CSV + xlsx + PDF), wall time"]
    assert pack.value is None and pack.passed is None and pack.shown() == "not measured"
    assert partial["compliance CSV, peak memory (streamed)"].mark == "—"
    assert partial["evidence pack peak memory"].shown() == "not measured"  # the run failed: no peak
    over = {row.name: row for row in v.verdicts(measurements(csv={"seconds": 1, "cpu_seconds": 1,
                                                                   "peak_rss": 700 * MIB}), 30_000)}
    assert over["compliance CSV, peak memory (streamed)"].mark == "FAIL"
    assert v.verdicts({}, 30_000)  # nothing measured: every row says so, nothing raises


def test_tables():
    rows = v.verdicts(measurements(), 30_000)
    text = v.text_table(30_000, rows)
    assert text.splitlines()[0] == "30,000 staff"
    assert "0.25×" in text and "FAIL" in text and "500 MiB" in text
    table = v.markdown_table({10_000: v.verdicts(measurements(), 10_000),
                              30_000: v.verdicts(measurements(pack={}), 30_000)})
    lines = table.splitlines()
    assert lines[0] == "| ratio | target | 10,000 staff | 30,000 staff |"
    assert lines[1] == "| --- | --- | ---: | ---: |"
    pack = next(line for line in lines if line.startswith("| evidence pack"))
    assert pack.endswith("| 2.73× pass | not measured |")
    peak = next(line for line in lines if line.startswith("| evidence pack peak memory"))
    assert peak == "| evidence pack peak memory | < 600 MiB | 590 MiB pass | not measured |"
    assert len(lines) == 2 + len(rows)
    dashboards = v.markdown_table({size: v.verdicts(measurements(), size) for size in (30_000, 100_000)})
    row = next(line for line in dashboards.splitlines() if line.startswith("| HR dashboard"))
    assert row == "| HR dashboard (by unit, today) / bare page, caches cleared | ≤ 20× / ≤ 50× | 22.50× FAIL | 22.50× pass |"
    old = {"dashboard": {"result": {"dashboard_ms": 800.0, "bare_ms": 4.0}}}  # a record from before: as of only
    found = {row.name: row for row in v.dashboard_verdicts(old, 30_000)}
    assert found[v.DASHBOARD_NAME].value is None
    assert found["HR dashboard (by unit, as of 2024-12-31: from the evidence) / bare page"].value == 200.0


def http(mix_p95=250.0, cap_mix=30.0, cap_bare=50.0, failures=0, verify="verify: OK") -> dict:
    def side(rps, p95, failed=0):
        return {"rps": rps, "p50_ms": p95 / 3, "p95_ms": p95, "requests": 1000, "failures": failed}

    return {"result": {"users": 100, "think": "5-15", "mix": side(10.0, mix_p95, failures),
                       "bare": side(10.0, 30.0), "capacity_mix": side(cap_mix, 400.0),
                       "capacity_bare": side(cap_bare, 100.0),
                       "verify": '{\n "confirmed_submissions": 57\n}\n' + verify}}


def test_http_verdicts_only_where_the_load_test_ran():
    assert v.http_verdicts(measurements()) == []
    rows = {row.name: row for row in v.http_verdicts(measurements(http=http()))}
    ratio = rows["HTTP mix / bare page, req/s at capacity"]
    assert ratio.value == 0.6 and ratio.passed and ratio.floor == "bare Wagtail page 50.0 req/s"
    p95 = rows["HTTP mix p95 at 100 users (5-15 s think time)"]
    assert p95.passed and p95.shown() == "250 ms"
    assert rows["HTTP failed requests (all phases)"].passed
    checked = rows["HTTP confirmed quiz submissions, each graded once (verify.py)"]
    assert checked.value == 57 and checked.passed


def test_http_verdicts_fail_on_each_miss():
    rows = v.http_verdicts(measurements(http=http(mix_p95=310.0, cap_mix=24.0, failures=2, verify="verify: FAILED")))
    assert [row.passed for row in rows] == [False, False, False, False]
    assert rows[2].shown() == "2"


def tabs_measured(**wall_ms) -> dict:
    """A dashboard record of every tab: by unit 90 ms unless given, the others 50 ms."""
    tabs = {tab: {"wall_ms": wall_ms.get(tab, 50.0), "cpu_ms": 30.0} for tab in v.DASHBOARD_TABS}
    tabs["by_unit"] = {"wall_ms": wall_ms.get("by_unit", 90.0), "cpu_ms": 60.0}
    return {"result": {"today": {**tabs["by_unit"], "kept": True}, "tabs": tabs, "kept": True,
                       "as_of": {"wall_ms": 800.0, "cpu_ms": 700.0}, "bare": {"wall_ms": 4.0, "cpu_ms": 3.0}}}


def test_every_dashboard_tab_has_its_verdict():
    found = {row.name: row for row in v.dashboard_verdicts({"dashboard": tabs_measured(trend=200.0, detail=80.0)},
                                                           30_000)}
    assert found[v.DASHBOARD_NAME].value == 22.5 and found[v.DASHBOARD_NAME].passed is False  # the docs' name kept
    trend = found["HR dashboard (Diễn biến, today) / bare page, caches cleared"]
    assert trend.value == 50.0 and trend.passed is False and trend.target == "≤ 20×"
    detail = found[v.dashboard_tab_name("detail")]
    assert detail.value == 20.0 and detail.passed is True  # ≤ 20× at 30,000
    assert found[v.dashboard_tab_name("by_requirement")].value == 12.5
    names = [v.dashboard_tab_name(tab) for tab in v.DASHBOARD_TABS if tab != "by_unit"]
    assert all(found[name].passed for name in names if name not in {trend.name})
    at_100k = {row.name: row for row in v.dashboard_verdicts({"dashboard": tabs_measured(trend=200.0)}, 100_000)}
    assert at_100k[trend.name].passed is True  # 50× ≤ 50×
    assert v.PROVINCE_NAME not in found  # no province-wide campaign in the database: no row


def test_dashboard_tabs_missing_or_not_kept():
    record = tabs_measured()
    del record["result"]["tabs"]["trend"]
    record["result"]["kept"] = False
    found = {row.name: row for row in v.dashboard_verdicts({"dashboard": record}, 30_000)}
    suffix = " (campaign not kept: computed)"
    assert found[v.dashboard_tab_name("trend") + suffix].shown() == "not measured"
    assert found[v.dashboard_tab_name("trend") + suffix].passed is None
    assert found[v.DASHBOARD_NAME + suffix].value == 22.5
    old = {row.name: row for row in v.dashboard_verdicts(measurements(), 30_000)}  # a record of "by unit" alone
    assert old[v.DASHBOARD_NAME].value == 22.5
    assert old[v.dashboard_tab_name("detail")].value is None


def test_province_dashboard_verdict_only_at_scale():
    record = tabs_measured()
    record["result"]["province"] = {"wall_ms": 60.0, "people": 1_200, "agencies": 20}
    small = {row.name: row for row in v.dashboard_verdicts({"dashboard": record}, 30_000)}[v.PROVINCE_NAME]
    assert small.value == 15.0 and small.passed is None and small.target == "reported (not at this size)"
    assert "1,200 staff" in small.floor
    record["result"]["province"] = {"wall_ms": 100.0, "people": 30_000, "agencies": 20}
    full = {row.name: row for row in v.dashboard_verdicts({"dashboard": record}, 30_000)}[v.PROVINCE_NAME]
    assert full.value == 25.0 and full.passed is False


def test_a_failed_http_run_is_not_measured_never_passed():
    rows = v.http_verdicts(measurements(http={"error": "locust is not installed"}))
    assert [row.value for row in rows] == [None, None] and all(row.passed is None for row in rows)
    assert all(row.shown() == "not measured" for row in rows)
