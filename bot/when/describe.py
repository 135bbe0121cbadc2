"""Times written to a person in their own zone, the one way the bot says them:
"Tuesday 1 December, 13:00–17:00 GMT", "Tuesday 1 December, 14:00 GMT", "Tuesday 1 December".

Every time carries its zone's name, so a coach in another zone never misreads the pool's
hours as theirs. A date outside the year of ``now`` shows its year, so nothing a year or
more ahead (or behind) reads as this year's. Names come from our own tables rather than
``strftime`` so the words never depend on the server's locale.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.timewindow import TimeWindow
from bot.when.vocabulary import MONTH_NAMES, WEEKDAY_NAMES

LIST_LIMIT = 8


def describe_window(window: TimeWindow, tz: ZoneInfo, *, now: datetime) -> str:
    """ "Tuesday 1 December, 13:00–17:00 GMT", or with both dates when it runs past midnight:
    "Tuesday 1 December 13:00 – Wednesday 2 December 10:00 GMT".
    """
    start, end = window.start.astimezone(tz), window.end.astimezone(tz)
    year = now.astimezone(tz).year
    # Across a clock change "01:30–01:30" would be baffling, so each end names its zone.
    first = f"{start:%H:%M %Z}" if start.utcoffset() != end.utcoffset() else f"{start:%H:%M}"
    last = f"{end:%H:%M %Z}"
    # A window ending exactly at midnight still belongs to the day it started.
    if (end - timedelta(microseconds=1)).date() == start.date():
        return f"{_day(start, year)}, {first}–{last}"
    return f"{_day(start, year)} {first} – {_day(end, year)} {last}"


def describe_windows(windows: Sequence[TimeWindow], tz: ZoneInfo, *, now: datetime) -> str:
    """The windows joined with "; ", at most eight of them and then "and N more"."""
    if not windows:
        return "no times"
    shown = [describe_window(w, tz, now=now) for w in windows[:LIST_LIMIT]]
    if len(windows) > LIST_LIMIT:
        shown.append(f"and {len(windows) - LIST_LIMIT} more")
    return "; ".join(shown)


def describe_instant(instant: datetime, tz: ZoneInfo, *, now: datetime) -> str:
    """ "Tuesday 1 December, 14:00 GMT" """
    local = instant.astimezone(tz)
    return f"{describe_day(instant, tz, now=now)}, {local:%H:%M %Z}"


def describe_day(instant: datetime, tz: ZoneInfo, *, now: datetime) -> str:
    """ "Tuesday 1 December", with the year when it isn't the year of ``now``."""
    return _day(instant.astimezone(tz), now.astimezone(tz).year)


def _day(moment: datetime, year: int) -> str:
    text = f"{WEEKDAY_NAMES[moment.weekday()]} {moment.day} {MONTH_NAMES[moment.month - 1]}"
    return text if moment.year == year else f"{text} {moment.year}"
