"""Windows said back to a person in their own zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.timewindow import TimeWindow
from bot.when import describe_window, describe_windows, parse_when
from bot.when.describe import describe_day, describe_instant

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=LONDON)


def london(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        (
            TimeWindow(london(2026, 12, 1, 13, 0), london(2026, 12, 1, 17, 0)),
            "Tuesday 1 December, 13:00–17:00 GMT",
        ),
        (
            TimeWindow(london(2026, 12, 1, 13, 0), london(2026, 12, 2, 10, 0)),
            "Tuesday 1 December 13:00 – Wednesday 2 December 10:00 GMT",
        ),
        (
            TimeWindow(london(2026, 11, 27, 22, 0), london(2026, 11, 28, 0, 0)),
            "Friday 27 November, 22:00–00:00 GMT",
        ),
        (
            TimeWindow(london(2027, 1, 1, 9, 5), london(2027, 1, 1, 9, 35)),
            "Friday 1 January 2027, 09:05–09:35 GMT",
        ),
        (
            # Across the autumn change the clock reads the same twice, so the zones are named.
            TimeWindow(
                datetime(2026, 10, 25, 0, 30, tzinfo=UTC), datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
            ),
            "Sunday 25 October, 01:30 BST–01:30 GMT",
        ),
    ],
)
def test_describe_window(window: TimeWindow, expected: str) -> None:
    assert describe_window(window, LONDON, now=NOW) == expected


def test_describe_window_uses_an_en_dash_and_names_the_persons_zone() -> None:
    window = TimeWindow(
        datetime(2026, 11, 26, 19, 0, tzinfo=UTC), datetime(2026, 11, 26, 20, 0, tzinfo=UTC)
    )
    text = describe_window(window, NEW_YORK, now=NOW)
    assert text == "Thursday 26 November, 14:00–15:00 EST"
    assert "\u2013" in text
    assert describe_window(window, LONDON, now=NOW) == "Thursday 26 November, 19:00–20:00 GMT"


def test_the_year_is_shown_when_it_is_not_this_year() -> None:
    now = london(2026, 11, 25, 10, 0)
    next_year = TimeWindow(london(2027, 1, 1, 9, 0), london(2027, 1, 1, 17, 0))
    this_year = TimeWindow(london(2026, 12, 1, 9, 0), london(2026, 12, 1, 17, 0))
    assert describe_window(next_year, LONDON, now=now) == "Friday 1 January 2027, 09:00–17:00 GMT"
    assert describe_window(this_year, LONDON, now=now) == "Tuesday 1 December, 09:00–17:00 GMT"


def test_a_date_a_year_ahead_shows_its_year_in_every_form() -> None:
    now = london(2026, 11, 25, 10, 0)
    ahead = london(2027, 11, 25, 14, 0)
    assert describe_day(ahead, LONDON, now=now) == "Thursday 25 November 2027"
    assert describe_instant(ahead, LONDON, now=now) == "Thursday 25 November 2027, 14:00 GMT"
    assert describe_instant(now, NEW_YORK, now=now) == "Wednesday 25 November, 05:00 EST"


def test_describe_windows_joins_with_semicolons() -> None:
    now = london(2026, 11, 25, 10, 0)
    result = parse_when("Tuesday or Thursday afternoon", now=now, tz=LONDON)
    assert describe_windows(result.windows, LONDON, now=now) == (
        "Thursday 26 November, 13:00–17:00 GMT; Tuesday 1 December, 13:00–17:00 GMT"
    )


def test_describe_windows_caps_the_list() -> None:
    start = london(2026, 12, 1, 9, 0)
    windows = [
        TimeWindow(start + timedelta(days=d), start + timedelta(days=d, hours=1)) for d in range(11)
    ]
    text = describe_windows(windows, LONDON, now=NOW)
    parts = text.split("; ")
    assert len(parts) == 9
    assert parts[0] == "Tuesday 1 December, 09:00–10:00 GMT"
    assert parts[7] == "Tuesday 8 December, 09:00–10:00 GMT"
    assert parts[8] == "and 3 more"


@pytest.mark.parametrize("count", [1, 8])
def test_describe_windows_shows_up_to_eight_in_full(count: int) -> None:
    start = london(2026, 12, 1, 9, 0)
    windows = [
        TimeWindow(start + timedelta(days=d), start + timedelta(days=d, hours=1))
        for d in range(count)
    ]
    assert "more" not in describe_windows(windows, LONDON, now=NOW)
    assert describe_windows(windows, LONDON, now=NOW).count(";") == count - 1


def test_describe_no_windows() -> None:
    assert describe_windows([], LONDON, now=NOW) == "no times"
