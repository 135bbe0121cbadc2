from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.scheduling import Nation, add_working_days, bank_holidays, is_working_day

LONDON = ZoneInfo("Europe/London")


def london(year: int, month: int, day: int, hour: int = 10) -> datetime:
    return datetime(year, month, day, hour, tzinfo=LONDON)


def test_skips_the_weekend() -> None:
    friday = london(2026, 3, 6)
    assert add_working_days(friday, 1, LONDON) == london(2026, 3, 9).astimezone(UTC)
    assert add_working_days(friday, 3, LONDON) == london(2026, 3, 11).astimezone(UTC)


def test_a_weekend_start_counts_from_the_next_working_day() -> None:
    saturday = london(2026, 3, 7)
    assert add_working_days(saturday, 1, LONDON) == london(2026, 3, 9).astimezone(UTC)


def test_skips_easter_2026() -> None:
    # Good Friday 3 April, Easter Monday 6 April 2026.
    thursday = london(2026, 4, 2)
    assert add_working_days(thursday, 1, LONDON) == london(2026, 4, 7).astimezone(UTC)


def test_skips_christmas_substitute_days() -> None:
    # 2026: Boxing Day is a Saturday, so Monday 28 December is the holiday.
    assert add_working_days(london(2026, 12, 24), 1, LONDON) == london(2026, 12, 29).astimezone(UTC)
    # 2027: Christmas on a Saturday and Boxing Day on a Sunday: 27 and 28 December.
    assert add_working_days(london(2027, 12, 24), 1, LONDON) == london(2027, 12, 29).astimezone(UTC)
    # 2028: New Year's Day is a Saturday, so Monday 3 January.
    assert add_working_days(london(2027, 12, 31), 1, LONDON) == london(2028, 1, 4).astimezone(UTC)


def test_keeps_the_local_time_across_the_clock_change() -> None:
    # Friday 27 March 2026 17:00 GMT + 1 working day = Monday 30 March 17:00 BST = 16:00 UTC.
    deadline = add_working_days(london(2026, 3, 27, 17), 1, LONDON)
    assert deadline == datetime(2026, 3, 30, 16, tzinfo=UTC)
    assert deadline.tzinfo is UTC


def test_the_default_response_deadline_of_three_working_days() -> None:
    # Asked on Thursday 21 May 2026; Monday 25 May is the spring bank holiday.
    asked = london(2026, 5, 21, 15)
    assert add_working_days(asked, 3, LONDON) == london(2026, 5, 27, 15).astimezone(UTC)


def test_zero_days_is_the_same_instant_and_bad_input_is_refused() -> None:
    start = london(2026, 3, 7)
    assert add_working_days(start, 0, LONDON) == start
    with pytest.raises(ValueError, match="negative"):
        add_working_days(start, -1, LONDON)
    with pytest.raises(ValueError, match="timezone-aware"):
        add_working_days(datetime(2026, 3, 7), 1, LONDON)  # noqa: DTZ001 - naive on purpose


@pytest.mark.parametrize(
    ("nation", "weekday_holidays"),
    [(Nation.ENGLAND, 8), (Nation.SCOTLAND, 9), (Nation.NORTHERN_IRELAND, 10)],
)
def test_every_year_has_its_bank_holidays_not_only_the_next_few(
    nation: Nation, weekday_holidays: int
) -> None:
    holidays = bank_holidays(nation)
    for year in (2025, 2029, 2035, 2050):
        days = [date(year, 1, 1) + timedelta(days=n) for n in range(365)]
        off = [d for d in days if d.weekday() < 5 and not is_working_day(d, holidays=holidays)]
        assert len(off) == weekday_holidays, (nation, year, off)


@pytest.mark.parametrize(
    ("nation", "holidays_2029", "working_2029"),
    [
        (
            Nation.ENGLAND,
            ["01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"],
            ["01-02", "03-19", "07-12", "08-06", "11-30"],
        ),
        (
            Nation.SCOTLAND,
            ["01-01", "01-02", "03-30", "05-07", "05-28", "08-06", "11-30", "12-25", "12-26"],
            ["04-02", "08-27", "03-19"],
        ),
        (
            Nation.NORTHERN_IRELAND,
            ["01-01", "03-19", "03-30", "04-02", "05-07", "05-28", "07-12", "08-27", "12-25"],
            ["01-02", "08-06", "11-30"],
        ),
    ],
)
def test_2029_bank_holidays_are_not_working_days(
    nation: Nation, holidays_2029: list[str], working_2029: list[str]
) -> None:
    holidays = bank_holidays(nation)
    for day in holidays_2029:
        assert not is_working_day(date.fromisoformat(f"2029-{day}"), holidays=holidays), day
    for day in working_2029:
        assert is_working_day(date.fromisoformat(f"2029-{day}"), holidays=holidays), day


def test_england_and_wales_is_the_default() -> None:
    # Thursday 29 March 2029 + 1 working day: past Good Friday and Easter Monday.
    assert add_working_days(london(2029, 3, 29), 1, LONDON) == london(2029, 4, 3).astimezone(UTC)
    assert not is_working_day(date(2025, 12, 25))
    assert is_working_day(date(2025, 12, 24))
    assert not is_working_day(date(2026, 3, 7))  # a Saturday
    assert is_working_day(date(2026, 12, 28), holidays=frozenset())
