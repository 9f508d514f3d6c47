"""Watched intervals of a video: [start, end] pairs in seconds, merged so that a second watched twice
counts once. Pure functions; the service (courses.services.video) keeps them per person and lesson."""

from __future__ import annotations

import math
from collections.abc import Iterable

Interval = tuple[float, float]

# A beat carries the contiguous ranges played since the previous one: a handful, never hundreds.
MAX_RANGES_PER_BEAT = 50
# Ranges closer than this are one (timeupdate fires every ~250 ms; rounding leaves tiny gaps).
JOIN_GAP = 0.3


class BadRanges(ValueError):
    """The ranges sent are not a list of [start, end] number pairs."""


def parse_ranges(raw: object) -> list[Interval]:
    """[[start, end], …] from a beat's JSON, each a pair of finite numbers with start ≤ end."""
    if not isinstance(raw, list) or len(raw) > MAX_RANGES_PER_BEAT:
        raise BadRanges(f"ranges must be a list of at most {MAX_RANGES_PER_BEAT} pairs")
    ranges = []
    for item in raw:
        if not (isinstance(item, list | tuple) and len(item) == 2):
            raise BadRanges("each range is a [start, end] pair")
        start, end = item
        if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in (start, end)):
            raise BadRanges("range bounds must be finite numbers")
        if end < start:
            raise BadRanges("a range ends before it starts")
        ranges.append((float(start), float(end)))
    return ranges


def clamp(intervals: Iterable[Interval], duration: float) -> list[Interval]:
    """Each interval cut to [0, duration]; empty ones dropped."""
    cut = ((max(0.0, start), min(float(duration), end)) for start, end in intervals)
    return [(start, end) for start, end in cut if end > start]


def merge(intervals: Iterable[Interval], gap: float = JOIN_GAP) -> list[Interval]:
    """The union of the intervals, sorted; intervals that overlap or nearly touch become one."""
    merged: list[list[float]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1] + gap:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(round(start, 2), round(end, 2)) for start, end in merged]


def measure(intervals: Iterable[Interval]) -> float:
    """Seconds covered by already merged intervals."""
    return sum(end - start for start, end in intervals)
