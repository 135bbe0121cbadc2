"""Written dates ("3/12", "3rd Dec", "December 3rd, 2026") turned into calendar dates.

The grammar finds a date and hands its text here; dateparser reads it with UK day-first order.
dateparser is slow to import, so it is imported on first use, and answers are cached.

Future preference: a date written without a year is the next one on or after today. dateparser's
PREFER_DATES_FROM='future' counts today as the past, so it is given the last minute of yesterday
as its base; "25/11" said on 25 November then means today, and "24/11" means next year.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo


@lru_cache(maxsize=1024)
def calendar_date(source: str, today: date, zone: str) -> date | None:
    """The date ``source`` means, seen from ``today`` in ``zone``; None if it isn't one."""
    import dateparser  # deliberately lazy: importing it costs more than a whole parse

    tz = ZoneInfo(zone)
    base = datetime.combine(today - timedelta(days=1), time(23, 59), tzinfo=tz)
    settings: dict[str, Any] = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": base,
        "TIMEZONE": zone,
        "RETURN_AS_TIMEZONE_AWARE": True,
        "REQUIRE_PARTS": ["day", "month"],
        "PARSERS": ["absolute-time"],
    }
    parsed = dateparser.parse(source, languages=["en"], settings=settings)
    return parsed.date() if isinstance(parsed, datetime) else None
