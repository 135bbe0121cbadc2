"""Keeping early reminders out of a person's quiet hours."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo


def in_quiet_hours(instant: datetime, *, tz: ZoneInfo, quiet_from: time, quiet_until: time) -> bool:
    local = instant.astimezone(tz).time()
    if quiet_from <= quiet_until:
        return quiet_from <= local < quiet_until
    return local >= quiet_from or local < quiet_until


def before_quiet_hours(
    instant: datetime, *, tz: ZoneInfo, quiet_from: time, quiet_until: time
) -> datetime:
    """`instant`, or if it falls in quiet hours, one hour before they began that evening
    (so a 24-hour reminder for a 07:30 session arrives at 20:00 the evening before)."""
    if not in_quiet_hours(instant, tz=tz, quiet_from=quiet_from, quiet_until=quiet_until):
        return instant
    local = instant.astimezone(tz)
    start_day = local.date() if local.time() >= quiet_from else local.date() - timedelta(days=1)
    began = datetime.combine(start_day, quiet_from, tzinfo=tz)
    return (began - timedelta(hours=1)).astimezone(UTC)
