"""Concrete session slots to offer, spread over several days."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.timewindow import TimeWindow
from bot.scheduling.intervals import intersect, merge

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def align_up(instant: datetime, step: timedelta) -> datetime:
    """The first multiple of `step` since the Unix epoch at or after `instant`.

    With a 30-minute step that is the local hour or half hour in every zone whose offset is a
    whole or half hour (all of Europe and the Americas), so slots read well in either party's zone.
    """
    remainder = (instant - _EPOCH) % step
    return instant if not remainder else instant + (step - remainder)


def candidate_slots(
    free: Sequence[TimeWindow],
    wanted: Sequence[TimeWindow],
    *,
    length: timedelta,
    step: timedelta = timedelta(minutes=30),
    not_before: datetime,
    limit: int,
    tz: ZoneInfo | None = None,
) -> list[TimeWindow]:
    """Up to `limit` slots of `length`, inside `free` and `wanted`, in time order.

    `free` is the time both parties are free (intersect the coach's and the coachee's first if
    the coachee's calendar is known); `wanted` is what the coachee asked for, empty meaning any
    time. Slots start on multiples of `step` and not before `not_before`.

    Slots are spread out: the first pass takes the earliest slot of each day (days as seen in
    `tz`, UTC by default), later passes add one more non-overlapping slot per day, so a coachee
    sees Tuesday, Wednesday and Thursday rather than 14:00, 14:30 and 15:00 on Tuesday.
    """
    if length <= timedelta(0) or step <= timedelta(0):
        raise ValueError("length and step must be positive")
    if limit <= 0:
        return []
    zone = tz or UTC
    usable = intersect(free, wanted) if wanted else merge(free)
    by_day: dict[date, list[TimeWindow]] = {}
    for window in usable:
        start = align_up(max(window.start, not_before), step)
        while start + length <= window.end:
            by_day.setdefault(start.astimezone(zone).date(), []).append(
                TimeWindow(start, start + length)
            )
            start += step
    return _spread(list(by_day.values()), limit)


def _spread(days: list[list[TimeWindow]], limit: int) -> list[TimeWindow]:
    """Round-robin over days (each list chronological), one non-overlapping slot per pass."""
    picked: list[TimeWindow] = []
    cursor = [0] * len(days)
    last_end: list[datetime | None] = [None] * len(days)
    while len(picked) < limit:
        progress = False
        for index, slots in enumerate(days):
            position, end = cursor[index], last_end[index]
            while position < len(slots) and end is not None and slots[position].start < end:
                position += 1
            cursor[index] = position + 1
            if position < len(slots):
                picked.append(slots[position])
                last_end[index] = slots[position].end
                progress = True
                if len(picked) == limit:
                    break
        if not progress:
            break
    return sorted(picked)
