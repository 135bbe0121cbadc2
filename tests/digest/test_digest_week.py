"""ISO weeks in the pool's zone: local midnights, clock changes, and clear refusals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.digest.week import Week, parse_iso_week, parse_week, week_before, week_containing

LONDON = ZoneInfo("Europe/London")


def test_a_week_runs_monday_midnight_to_monday_midnight_local() -> None:
    start, end = parse_iso_week("2026-W47", LONDON)
    assert start == datetime(2026, 11, 16, tzinfo=LONDON)
    assert end == datetime(2026, 11, 23, tzinfo=LONDON)
    assert start.tzinfo is LONDON and end.tzinfo is LONDON
    assert end - start == timedelta(weeks=1)


def test_summer_weeks_start_at_local_midnight_not_utc() -> None:
    start, _ = parse_iso_week("2026-W27", LONDON)
    assert start.astimezone(UTC) == datetime(2026, 6, 28, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("label", "hours"),
    [
        ("2026-W13", 167),  # clocks go forward on Sunday 29 March 2026
        ("2026-W43", 169),  # and back on Sunday 25 October 2026
        ("2026-W14", 168),
    ],
)
def test_weeks_with_a_clock_change_are_an_hour_short_or_long(label: str, hours: int) -> None:
    start, end = parse_iso_week(label, LONDON)
    assert start.hour == end.hour == 0
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=hours)


def test_week_53_exists_only_in_long_years() -> None:
    assert parse_week("2026-W53", LONDON).monday.isoformat() == "2026-12-28"
    with pytest.raises(ValueError, match="2025 has weeks 1 to 52; there is no week 53"):
        parse_week("2025-W53", LONDON)


def test_week_one_may_start_in_the_year_before() -> None:
    start, _ = parse_iso_week("2026-W01", LONDON)
    assert start == datetime(2025, 12, 29, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-W54", "2026 has weeks 1 to 53; there is no week 54"),
        ("2026-W00", "there is no week 0"),
        ("26-W1", "'26-W1' is not an ISO week: write the week as YYYY-Www, e.g. 2026-W47"),
        ("2026W47", "'2026W47' is not an ISO week: write the week as YYYY-Www"),
        ("2026-W7", "is not an ISO week"),
        ("2026-47", "is not an ISO week"),
        ("", "is not an ISO week"),
        ("0001-W01", "the year must be from 1900 to 9998, not 1"),
        ("9999-W52", "the year must be from 1900 to 9998, not 9999"),
        ("last week", "is not an ISO week"),
    ],
)
def test_bad_weeks_are_refused_saying_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_iso_week(text, LONDON)


def test_lower_case_and_spaces_are_forgiven() -> None:
    assert parse_week(" 2026-w47 ", LONDON).label == "2026-W47"


def test_the_week_before_is_last_weeks_monday_to_monday() -> None:
    monday_morning = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert week_before(monday_morning, LONDON) == Week(2026, 47, LONDON)


def test_the_week_of_an_instant_is_decided_in_the_pool_zone() -> None:
    # Sunday 23:30 UTC in summer is already Monday 00:30 in London.
    late_sunday = datetime(2026, 6, 28, 23, 30, tzinfo=UTC)
    assert week_containing(late_sunday, LONDON).label == "2026-W27"
    assert week_containing(late_sunday, ZoneInfo("UTC")).label == "2026-W26"


def test_weeks_shift_across_year_ends() -> None:
    assert Week(2026, 1, LONDON).shifted(-1).label == "2025-W52"
    assert Week(2026, 53, LONDON).shifted(1).label == "2027-W01"


def test_naive_instants_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        week_containing(datetime(2026, 11, 23, 9, 0), LONDON)  # noqa: DTZ001 - on purpose
