"""Working days, for deadlines such as a coach's 3 working days to answer a request."""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.scheduling.bank_holidays import bank_holidays

_SATURDAY = 5


def is_working_day(day: date, *, holidays: Collection[date] | None = None) -> bool:
    """Monday to Friday and not a bank holiday (England and Wales unless `holidays` given)."""
    if holidays is None:
        holidays = bank_holidays()
    return day.weekday() < _SATURDAY and day not in holidays


def add_working_days(
    start: datetime,
    days: int,
    tz: ZoneInfo,
    *,
    holidays: Collection[date] | None = None,
) -> datetime:
    """The same local wall-clock time `days` working days after `start`, in UTC.

    Days are counted in `tz` (a deadline is the local 17:00 whatever the season). A start on
    a weekend or holiday counts from there: Saturday 10:00 + 1 working day is Monday 10:00.
    """
    if start.tzinfo is None:
        raise ValueError("add_working_days needs a timezone-aware start")
    if days < 0:
        raise ValueError(f"days must not be negative, not {days}")
    if holidays is None:
        holidays = bank_holidays()
    local = start.astimezone(tz)
    day = local.date()
    remaining = days
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day, holidays=holidays):
            remaining -= 1
    return datetime.combine(day, local.time(), tzinfo=tz).astimezone(UTC)
