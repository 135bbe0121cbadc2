"""Placing wall-clock times on dates in the person's zone, and sums of windows.

Clock changes: a time the person typed that doesn't exist that day (01:30 on 29 March 2026 in
London, inside the spring-forward gap) or happens twice (01:30 on 25 October 2026) is found by
``wall_time_doubt`` and asked about, never silently moved (``resolve``). Otherwise PEP 495
``fold=0`` holds throughout:

* a repeated time, until the person says otherwise, is its first occurrence (BST);
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
from typing import Literal
from zoneinfo import ZoneInfo

from bot.domain.timewindow import TimeWindow

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
    return wall_time(day, minutes, tz).astimezone(UTC)


def wall_time_doubt(day: date, minutes: int, tz: ZoneInfo) -> Literal["missing", "repeated"] | None:
    """Whether the wall time ``minutes`` after midnight on ``day`` doesn't exist in ``tz``
    (the clocks jump over it) or happens twice (the clocks go back over it)."""
    local = wall_time(day, minutes, tz)
    if local.replace(fold=1).utcoffset() == local.utcoffset():
        return None
    back = local.astimezone(UTC).astimezone(tz)
    return "missing" if back.replace(tzinfo=None) != local.replace(tzinfo=None) else "repeated"


def wall_time(day: date, minutes: int, tz: ZoneInfo) -> datetime:
    """The wall time ``minutes`` after midnight on ``day`` in ``tz`` (fold=0)."""
    extra, minute = divmod(minutes, DAY)
    on = day + timedelta(days=extra)
    return datetime(on.year, on.month, on.day, minute // 60, minute % 60, tzinfo=tz)  # fold=0


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
