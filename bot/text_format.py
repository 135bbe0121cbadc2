"""Small wording helpers shared by replies: dates and lists as people write them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.when.describe import describe_day, describe_instant


def local_time(instant: datetime, tz: ZoneInfo, *, now: datetime) -> str:
    """'Tuesday 1 December, 14:00 GMT' in the person's zone (the year when not this year)."""
    return describe_instant(instant, tz, now=now)


def local_date(instant: datetime, tz: ZoneInfo, *, now: datetime) -> str:
    """'Tuesday 1 December' in the person's zone (the year when not this year)."""
    return describe_day(instant, tz, now=now)


def join_words(items: Sequence[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"
