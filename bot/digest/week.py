"""ISO weeks in the pool's time zone: Monday 00:00 to the next Monday 00:00, local time.

A week that contains a clock change is 167 or 169 hours long; it still starts and ends at
local midnight, which is what "the week" means to the people reading the digest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_FORMAT_HINT = "write the week as YYYY-Www, e.g. 2026-W47"
# A digest looks back a year and more; dates near year 1 or 9999 would overflow.
FIRST_YEAR, LAST_YEAR = 1900, 9998


@dataclass(frozen=True)
class Week:
    year: int
    number: int
    tz: ZoneInfo

    def __post_init__(self) -> None:
        last = weeks_in_year(self.year)
        if not 1 <= self.number <= last:
            raise ValueError(f"{self.year} has weeks 1 to {last}; there is no week {self.number}")

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def start(self) -> datetime:
        return datetime.combine(self.monday, time(0), tzinfo=self.tz)

    @property
    def end(self) -> datetime:
        return datetime.combine(self.monday + timedelta(weeks=1), time(0), tzinfo=self.tz)

    def shifted(self, weeks: int) -> Week:
        return week_of_date(self.monday + timedelta(weeks=weeks), self.tz)


def weeks_in_year(year: int) -> int:
    """52 or 53: 28 December is always in the year's last ISO week."""
    return date(year, 12, 28).isocalendar().week


def parse_week(text: str, tz: ZoneInfo) -> Week:
    """'2026-W47' -> that week in `tz`; ValueError saying what is wrong otherwise."""
    cleaned = text.strip().upper()
    match = _WEEK.fullmatch(cleaned)
    if match is None:
        raise ValueError(f"{text!r} is not an ISO week: {_FORMAT_HINT}")
    year, number = int(match.group(1)), int(match.group(2))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"the year must be from {FIRST_YEAR} to {LAST_YEAR}, not {year}")
    return Week(year, number, tz)


def parse_iso_week(text: str, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """'2026-W47' -> (Monday 00:00, next Monday 00:00), aware, in `tz`."""
    week = parse_week(text, tz)
    return week.start, week.end


def week_of_date(day: date, tz: ZoneInfo) -> Week:
    year, number, _ = day.isocalendar()
    return Week(year, number, tz)


def week_containing(instant: datetime, tz: ZoneInfo) -> Week:
    if instant.tzinfo is None:
        raise ValueError("week_containing needs a timezone-aware instant")
    return week_of_date(instant.astimezone(tz).date(), tz)


def week_before(instant: datetime, tz: ZoneInfo) -> Week:
    """The last whole week before the one `instant` falls in: what Monday's digest covers."""
    return week_containing(instant, tz).shifted(-1)
