from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.timewindow import TimeWindow
from bot.scheduling import align_up, candidate_slots

HOUR = timedelta(hours=1)


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


def afternoon(day: int) -> TimeWindow:
    return TimeWindow(utc(day, 13), utc(day, 17))


def starts(slots: list[TimeWindow]) -> list[datetime]:
    return [slot.start for slot in slots]


# Tuesday 3, Wednesday 4 and Thursday 5 March 2026, 13:00-17:00 UTC (= London, GMT).
FREE = [afternoon(3), afternoon(4), afternoon(5)]
EARLY = utc(1, 0)


def test_first_slot_of_each_day_before_a_second_on_any_day() -> None:
    slots = candidate_slots(FREE, [], length=HOUR, not_before=EARLY, limit=3)
    assert starts(slots) == [utc(3, 13), utc(4, 13), utc(5, 13)]


def test_filling_adds_non_overlapping_slots_round_the_days() -> None:
    slots = candidate_slots(FREE, [], length=HOUR, not_before=EARLY, limit=5)
    assert starts(slots) == [utc(3, 13), utc(3, 14), utc(4, 13), utc(4, 14), utc(5, 13)]
    assert all(slot.duration == HOUR for slot in slots)


def test_only_inside_the_wanted_windows() -> None:
    wanted = [TimeWindow(utc(4, 15), utc(4, 18)), TimeWindow(utc(5, 10), utc(5, 14))]
    slots = candidate_slots(FREE, wanted, length=HOUR, not_before=EARLY, limit=10)
    assert starts(slots) == [utc(4, 15), utc(4, 16), utc(5, 13)]


def test_not_before_is_respected_and_rounded_up_to_the_half_hour() -> None:
    slots = candidate_slots(FREE, [], length=HOUR, not_before=utc(3, 13, 10), limit=2)
    assert starts(slots) == [utc(3, 13, 30), utc(4, 13)]
    slots = candidate_slots(FREE, [], length=HOUR, not_before=utc(5, 16, 1), limit=3)
    assert slots == []  # 16:30 + 1 hour would end after 17:00


def test_slots_are_aligned_to_the_step_even_when_free_time_is_not() -> None:
    free = [TimeWindow(utc(3, 13, 10), utc(3, 15, 10))]
    slots = candidate_slots(free, [], length=HOUR, not_before=EARLY, limit=5)
    assert starts(slots) == [utc(3, 13, 30)]  # then 14:30 would end at 15:30: too late
    slots = candidate_slots(
        free, [], length=HOUR, step=timedelta(minutes=15), not_before=EARLY, limit=5
    )
    assert starts(slots) == [utc(3, 13, 15)]


def test_length_longer_than_any_free_window_gives_nothing() -> None:
    assert candidate_slots(FREE, [], length=5 * HOUR, not_before=EARLY, limit=3) == []


def test_days_are_counted_in_the_given_zone() -> None:
    # 23:00-01:00 UTC is one evening in New York (18:00-20:00 EST) but two UTC dates.
    free = [TimeWindow(utc(3, 23), utc(4, 1)), TimeWindow(utc(4, 23), utc(5, 1))]
    new_york = ZoneInfo("America/New_York")
    by_utc = candidate_slots(free, [], length=HOUR / 2, not_before=EARLY, limit=2)
    by_ny = candidate_slots(free, [], length=HOUR / 2, not_before=EARLY, limit=2, tz=new_york)
    assert starts(by_utc) == [utc(3, 23), utc(4, 0)]  # two UTC dates, first of each
    assert starts(by_ny) == [utc(3, 23), utc(4, 23)]  # two New York evenings


def test_limits_and_bad_arguments() -> None:
    assert candidate_slots(FREE, [], length=HOUR, not_before=EARLY, limit=0) == []
    with pytest.raises(ValueError, match="positive"):
        candidate_slots(FREE, [], length=timedelta(0), not_before=EARLY, limit=3)


def test_align_up() -> None:
    half_hour = timedelta(minutes=30)
    assert align_up(utc(3, 13), half_hour) == utc(3, 13)
    assert align_up(utc(3, 13, 1), half_hour) == utc(3, 13, 30)
    assert align_up(utc(3, 13, 31), half_hour) == utc(3, 14)
