"""Windows written back to a person in their own zone: "Tuesday 1 December, 13:00–17:00".

Names come from our own tables rather than ``strftime`` so the words never depend on the
server's locale. The year is shown only when it isn't the year of ``now`` (when given).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.timewindow import TimeWindow
from bot.when.vocabulary import MONTH_NAMES, WEEKDAY_NAMES

LIST_LIMIT = 8


def describe_window(window: TimeWindow, tz: ZoneInfo, *, now: datetime | None = None) -> str:
    """ "Tuesday 1 December, 13:00–17:00", or with both dates when it runs past midnight:
    "Tuesday 1 December 13:00 – Wednesday 2 December 10:00".
    """
    start, end = window.start.astimezone(tz), window.end.astimezone(tz)
    year = now.astimezone(tz).year if now is not None else None
    # Across a clock change "01:30–01:30" would be baffling, so the zone names are shown.
    clock = "%H:%M %Z" if start.utcoffset() != end.utcoffset() else "%H:%M"
    # A window ending exactly at midnight still belongs to the day it started.
    if (end - timedelta(microseconds=1)).date() == start.date():
        return f"{_day(start, year)}, {start:{clock}}–{end:{clock}}"
    return f"{_day(start, year)} {start:{clock}} – {_day(end, year)} {end:{clock}}"


def describe_windows(
    windows: Sequence[TimeWindow], tz: ZoneInfo, *, now: datetime | None = None
) -> str:
    """The windows joined with "; ", at most eight of them and then "and N more"."""
    if not windows:
        return "no times"
    shown = [describe_window(w, tz, now=now) for w in windows[:LIST_LIMIT]]
    if len(windows) > LIST_LIMIT:
        shown.append(f"and {len(windows) - LIST_LIMIT} more")
    return "; ".join(shown)


def _day(moment: datetime, year: int | None) -> str:
    text = f"{WEEKDAY_NAMES[moment.weekday()]} {moment.day} {MONTH_NAMES[moment.month - 1]}"
    return text if year is None or moment.year == year else f"{text} {moment.year}"
