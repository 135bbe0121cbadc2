"""Placing wall-clock times on dates in the person's zone, and sums of windows.

Clock changes are handled with PEP 495 ``fold=0`` throughout, deliberately:

* a wall time that doesn't exist (01:30 on 29 March 2026 in London, inside the spring-forward
  gap) is read with the offset in force before the change, so it lands where the clock would
  have been had it not jumped: 01:30 GMT, which the clock shows as 02:30 BST;
* a wall time that happens twice (01:30 on 25 October 2026) means its first occurrence (BST);
* ranges and parts of the day are wall-clock: each end is converted on its own, so 00:00-03:00
  on a fall-back night lasts four real hours; a meeting at a time lasts ``default_minutes`` of
  real time from its start;
* a range with no real time in it at all (01:00-02:00 on a spring-forward night) can't be placed,
  and the bot asks for another time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.timewindow import TimeWindow

DAY = 24 * 60


@dataclass(frozen=True)
class Span:
    """A time of day: wall-clock minutes from ``start`` to ``end``, or a start only (a meeting)."""

    start: int
    end: int | None = None


@dataclass(frozen=True)
class Placed:
    """A span on a date: ``window`` is what's left of it after ``now``; ``whole`` the full span.

    ``whole`` is None when the span doesn't exist that day (the clocks change inside it), and
    ``window`` is None when it has already passed or doesn't exist.
    """

    window: TimeWindow | None
    whole: TimeWindow | None


def to_utc(day: date, minutes: int, tz: ZoneInfo) -> datetime:
    """The instant of the wall time ``minutes`` after midnight on ``day`` in ``tz``."""
    extra, minute = divmod(minutes, DAY)
    on = day + timedelta(days=extra)
    local = datetime(on.year, on.month, on.day, minute // 60, minute % 60, tzinfo=tz)  # fold=0
    return local.astimezone(UTC)


def place(day: date, span: Span, tz: ZoneInfo, now: datetime, minutes: int) -> Placed:
    """``span`` on ``day``; a meeting counts only if it hasn't started, a range if it hasn't ended.

    A range that has started is trimmed to begin at ``now``.
    """
    start = to_utc(day, span.start, tz)
    if span.end is None:
        whole = TimeWindow(start, start + timedelta(minutes=minutes))
        return Placed(whole if start >= now else None, whole)
    end = to_utc(day, span.end, tz)
    if end <= start:
        return Placed(None, None)
    whole = TimeWindow(start, end)
    # What is left of a range that has started counts only if a meeting still fits in it:
    # "evenings" said at 18:50 doesn't offer 18:50-19:00.
    if start < now and end - now < timedelta(minutes=minutes):
        return Placed(None, whole)
    return Placed(TimeWindow(max(start, now), end) if end > now else None, whole)


def merge(windows: Iterable[TimeWindow]) -> list[TimeWindow]:
    """Sorted, with overlapping and touching windows joined."""
    merged: list[TimeWindow] = []
    for window in sorted(windows):
        if merged and window.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = TimeWindow(last.start, max(last.end, window.end))
        else:
            merged.append(window)
    return merged


def subtract(windows: Iterable[TimeWindow], holes: Iterable[TimeWindow]) -> list[TimeWindow]:
    """``windows`` with every instant in ``holes`` taken out."""
    pieces = merge(windows)
    for hole in merge(holes):
        pieces = [part for piece in pieces for part in _cut(piece, hole)]
    return pieces


def _cut(window: TimeWindow, hole: TimeWindow) -> list[TimeWindow]:
    if not window.overlaps(hole):
        return [window]
    parts = []
    if window.start < hole.start:
        parts.append(TimeWindow(window.start, hole.start))
    if hole.end < window.end:
        parts.append(TimeWindow(hole.end, window.end))
    return parts
