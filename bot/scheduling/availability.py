"""A coach's free time: the weekly pattern in their own zone, made concrete in UTC."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.coaches import CoachProfile, WeeklySlot
from bot.domain.timewindow import TimeWindow
from bot.scheduling.intervals import intersect, merge, subtract


def expand_weekly(
    slots: Iterable[WeeklySlot], *, tz: ZoneInfo, within: TimeWindow
) -> list[TimeWindow]:
    """The weekly slots as UTC windows inside `within`, sorted and merged.

    Each slot is read as wall-clock time on each local date, so "Monday 09:00-12:00" in
    Europe/London is 09:00 UTC in winter and 08:00 UTC in summer. On the night the clocks
    change a slot keeps its wall-clock ends: a wall time that does not exist (spring) or exists
    twice (autumn) is resolved as zoneinfo does with fold=0 (the earlier offset).
    """
    by_weekday: dict[int, list[WeeklySlot]] = {}
    for slot in slots:
        by_weekday.setdefault(slot.weekday, []).append(slot)
    if not by_weekday:
        return []
    # One local day either side: a slot late on a local date can fall inside `within` in UTC.
    day = within.start.astimezone(tz).date() - timedelta(days=1)
    last = within.end.astimezone(tz).date()
    windows: list[TimeWindow] = []
    while day <= last:
        for slot in by_weekday.get(day.weekday(), ()):
            start = datetime.combine(day, slot.start, tzinfo=tz).astimezone(UTC)
            end = datetime.combine(day, slot.end, tzinfo=tz).astimezone(UTC)
            if start < end:
                clipped = TimeWindow(start, end).intersection(within)
                if clipped is not None:
                    windows.append(clipped)
        day += timedelta(days=1)
    return merge(windows)


def free_windows(
    profile: CoachProfile,
    *,
    coach_tz: ZoneInfo,
    within: TimeWindow,
    busy: Sequence[TimeWindow],
) -> list[TimeWindow]:
    """When the coach is free inside `within`: sorted, merged UTC windows.

    (weekly pattern + exceptions marked available) - exceptions marked away - busy.
    Away wins over an extra free period that overlaps it: leave is leave.
    """
    weekly = expand_weekly(profile.weekly, tz=coach_tz, within=within)
    extra = [e.window for e in profile.exceptions if e.available]
    away = [e.window for e in profile.exceptions if not e.available]
    available = intersect([*weekly, *extra], [within])
    return subtract(available, [*away, *busy])
