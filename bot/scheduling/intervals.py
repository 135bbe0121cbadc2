"""Interval algebra on half-open TimeWindows.

Every operation first merges its inputs (one sort, O(n log n); Python's sort is linear on
already-sorted input) and then walks them in a single sorted sweep: never O(n x m).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from bot.domain.timewindow import TimeWindow


def merge(windows: Iterable[TimeWindow]) -> list[TimeWindow]:
    """Sorted, disjoint windows covering the same time; touching windows join into one."""
    merged: list[TimeWindow] = []
    for window in sorted(windows):
        if merged and window.start <= merged[-1].end:
            if window.end > merged[-1].end:
                merged[-1] = TimeWindow(merged[-1].start, window.end)
        else:
            merged.append(window)
    return merged


def subtract(windows: Iterable[TimeWindow], minus: Iterable[TimeWindow]) -> list[TimeWindow]:
    """The time in `windows` that is not in `minus`, sorted and merged."""
    base, cuts = merge(windows), merge(minus)
    result: list[TimeWindow] = []
    first_cut = 0
    for window in base:
        start = window.start
        # Cuts that end before this window cannot touch it, nor any later window.
        while first_cut < len(cuts) and cuts[first_cut].end <= start:
            first_cut += 1
        cut = first_cut
        while cut < len(cuts) and cuts[cut].start < window.end:
            if cuts[cut].start > start:
                result.append(TimeWindow(start, cuts[cut].start))
            start = max(start, cuts[cut].end)
            cut += 1
        if start < window.end:
            result.append(TimeWindow(start, window.end))
    return result


def intersect(a: Iterable[TimeWindow], b: Iterable[TimeWindow]) -> list[TimeWindow]:
    """The time that is in both `a` and `b`, sorted and merged."""
    left, right = merge(a), merge(b)
    result: list[TimeWindow] = []
    i = j = 0
    while i < len(left) and j < len(right):
        start = max(left[i].start, right[j].start)
        end = min(left[i].end, right[j].end)
        if start < end:
            result.append(TimeWindow(start, end))
        # Advance whichever ends first: it cannot overlap anything further on the other side.
        if left[i].end <= right[j].end:
            i += 1
        else:
            j += 1
    return result


def total_overlap(a: Iterable[TimeWindow], b: Iterable[TimeWindow]) -> timedelta:
    """How much time `a` and `b` share, without building the intersection."""
    left, right = merge(a), merge(b)
    total = timedelta(0)
    i = j = 0
    while i < len(left) and j < len(right):
        start = max(left[i].start, right[j].start)
        end = min(left[i].end, right[j].end)
        if start < end:
            total += end - start
        if left[i].end <= right[j].end:
            i += 1
        else:
            j += 1
    return total
