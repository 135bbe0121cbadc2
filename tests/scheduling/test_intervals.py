from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from itertools import pairwise

from bot.domain.timewindow import TimeWindow
from bot.scheduling import intersect, merge, subtract, total_overlap

BASE = datetime(2026, 3, 2, tzinfo=UTC)


def w(start: float, end: float) -> TimeWindow:
    """A window in hours after BASE."""
    return TimeWindow(BASE + timedelta(hours=start), BASE + timedelta(hours=end))


def test_merge_sorts_and_joins_overlapping_touching_and_nested_windows() -> None:
    windows = [w(13, 14), w(9, 10), w(10, 11), w(9.5, 9.75), w(13.5, 15), w(16, 17)]
    assert merge(windows) == [w(9, 11), w(13, 15), w(16, 17)]


def test_merge_of_nothing_is_nothing() -> None:
    assert merge([]) == []


def test_subtract_cuts_holes_and_edges() -> None:
    assert subtract([w(9, 17)], [w(10, 11), w(12, 13)]) == [w(9, 10), w(11, 12), w(13, 17)]
    assert subtract([w(9, 17)], [w(8, 10), w(16, 18)]) == [w(10, 16)]
    assert subtract([w(9, 12), w(13, 17)], [w(11, 14)]) == [w(9, 11), w(14, 17)]
    assert subtract([w(9, 12)], [w(9, 12)]) == []
    assert subtract([w(9, 12)], []) == [w(9, 12)]


def test_intersect_keeps_only_shared_time() -> None:
    a = [w(9, 12), w(13, 17)]
    b = [w(11, 14), w(16, 20)]
    assert intersect(a, b) == [w(11, 12), w(13, 14), w(16, 17)]
    assert intersect(a, []) == []
    assert intersect([w(9, 10)], [w(10, 11)]) == []  # half-open: touching is not sharing


def test_total_overlap_sums_shared_time() -> None:
    assert total_overlap([w(9, 12), w(13, 17)], [w(11, 14), w(16, 20)]) == timedelta(hours=3)
    assert total_overlap([w(9, 10)], [w(10, 11)]) == timedelta(0)


def _minutes(windows: list[TimeWindow]) -> set[int]:
    return {
        minute
        for window in windows
        for minute in range(
            int((window.start - BASE).total_seconds() // 60),
            int((window.end - BASE).total_seconds() // 60),
        )
    }


def _random_windows(rng: random.Random, count: int) -> list[TimeWindow]:
    windows = []
    for _ in range(count):
        start = rng.randrange(0, 48 * 4) / 4
        windows.append(w(start, start + rng.randrange(1, 16) / 4))
    return windows


def test_operations_agree_with_sets_of_minutes() -> None:
    rng = random.Random(20260302)
    for _ in range(200):
        a = _random_windows(rng, rng.randrange(0, 12))
        b = _random_windows(rng, rng.randrange(0, 12))
        assert _minutes(merge(a)) == _minutes(a)
        assert _minutes(subtract(a, b)) == _minutes(a) - _minutes(b)
        assert _minutes(intersect(a, b)) == _minutes(a) & _minutes(b)
        assert total_overlap(a, b) == timedelta(minutes=len(_minutes(a) & _minutes(b)))
        for result in (merge(a), subtract(a, b), intersect(a, b)):
            # sorted, disjoint and not touching: fully merged
            assert all(x.end < y.start for x, y in pairwise(result))


def test_large_inputs_are_swept_not_compared_pairwise() -> None:
    # 20,000 x 20,000 pairwise would be 400 million comparisons; a sweep is instant.
    a = [w(i, i + 0.5) for i in range(20_000)]
    b = [w(i + 0.25, i + 0.75) for i in range(20_000)]
    assert total_overlap(a, b) == timedelta(hours=0.25 * 20_000)
    assert len(subtract(a, b)) == 20_000
