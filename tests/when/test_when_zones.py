"""Times are the person's wall-clock times, converted to UTC correctly across clock changes.

Europe/London changes on 29 March 2026 (to BST, UTC+1), 25 October 2026 (to GMT), 28 March 2027
and 31 October 2027. America/New_York changes on 8 March and 1 November 2026; Asia/Kolkata is
UTC+05:30 all year.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.when import parse_when

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
KOLKATA = ZoneInfo("Asia/Kolkata")


def utc(result_text: str, now: datetime, tz: ZoneInfo = LONDON) -> list[str]:
    result = parse_when(result_text, now=now, tz=tz)
    assert result.understood, result.questions
    return [f"{w.start:%Y-%m-%d %H:%M}Z-{w.end:%H:%M}Z" for w in result.windows]


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # Wednesday before each change: "Friday or Monday at 10am" straddles it.
        (
            datetime(2026, 3, 25, 10, 0, tzinfo=LONDON),
            ["2026-03-27 10:00Z-11:00Z", "2026-03-30 09:00Z-10:00Z"],
        ),
        (
            datetime(2026, 10, 21, 10, 0, tzinfo=LONDON),
            ["2026-10-23 09:00Z-10:00Z", "2026-10-26 10:00Z-11:00Z"],
        ),
        (
            datetime(2027, 3, 24, 10, 0, tzinfo=LONDON),
            ["2027-03-26 10:00Z-11:00Z", "2027-03-29 09:00Z-10:00Z"],
        ),
        (
            datetime(2027, 10, 27, 10, 0, tzinfo=LONDON),
            ["2027-10-29 09:00Z-10:00Z", "2027-11-01 10:00Z-11:00Z"],
        ),
    ],
)
def test_the_same_local_hour_has_different_utc_offsets_across_a_change(
    now: datetime, expected: list[str]
) -> None:
    assert utc("Friday or Monday at 10am", now) == expected


def test_recurring_afternoons_follow_the_clocks() -> None:
    now = datetime(2026, 3, 17, 10, 0, tzinfo=LONDON)  # Tuesday
    assert utc("Thursdays 2-4pm", now) == [
        "2026-03-19 14:00Z-16:00Z",
        "2026-03-26 14:00Z-16:00Z",
        "2026-04-02 13:00Z-15:00Z",
    ]


def test_next_week_after_the_autumn_change() -> None:
    now = datetime(2026, 10, 21, 10, 0, tzinfo=LONDON)
    assert utc("next week mornings", now) == [f"2026-10-{d} 09:00Z-12:00Z" for d in range(26, 31)]


def test_a_time_that_does_not_exist_is_asked_about_not_moved() -> None:
    # 01:30 on 29 March 2026 falls in the gap: the clocks go from 01:00 GMT to 02:00 BST.
    now = datetime(2026, 3, 1, 10, 0, tzinfo=LONDON)
    for text in ("29/3/2026 at 1.30am", "29/3/2026 at 01:30"):
        result = parse_when(text, now=now, tz=LONDON)
        assert result.windows == ()
        assert result.questions == (
            "There's no 01:30 on Sunday 29 March 2026: the clocks go forward an hour that "
            "night — could you pick another time?",
        )


def test_a_repeated_time_is_its_first_occurrence_and_asked_back() -> None:
    now = datetime(2026, 10, 1, 10, 0, tzinfo=LONDON)
    result = parse_when("25/10/2026 at 1.30am", now=now, tz=LONDON)
    assert [f"{w.start:%Y-%m-%d %H:%M}Z-{w.end:%H:%M}Z" for w in result.windows] == [
        "2026-10-25 00:30Z-01:30Z"
    ]
    assert result.questions == (
        "01:30 happens twice on Sunday 25 October 2026, as the clocks go back an hour that "
        "night: I've taken the first, 01:30 BST, not the second, 01:30 GMT an hour later — "
        "is that right?",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Wall-clock ranges: both ends are converted on their own.
        ("25/10/2026 12:30am-3am", ["2026-10-24 23:30Z-03:00Z"]),  # 3.5 real hours
        ("29/3/2026 12:30am-3am", ["2026-03-29 00:30Z-02:00Z"]),  # 1.5 real hours
    ],
)
def test_ranges_across_a_change_are_wall_clock(text: str, expected: list[str]) -> None:
    now = datetime(2026, 3, 1, 10, 0, tzinfo=LONDON)
    assert utc(text, now) == expected


def test_a_range_from_inside_the_gap_is_questioned() -> None:
    now = datetime(2026, 3, 1, 10, 0, tzinfo=LONDON)
    result = parse_when("29/3/2026 1am-2am", now=now, tz=LONDON)
    assert result.windows == ()
    assert result.questions == (
        "There's no 01:00 on Sunday 29 March 2026: the clocks go forward an hour that night — "
        "could you pick another time?",
    )


@pytest.mark.parametrize(
    ("tz", "text", "expected"),
    [
        (NEW_YORK, "tomorrow at 2pm", ["2026-11-26 19:00Z-20:00Z"]),
        (NEW_YORK, "Tuesday morning", ["2026-12-01 14:00Z-17:00Z"]),
        (NEW_YORK, "3/12", ["2026-12-03 14:00Z-22:00Z"]),
        (KOLKATA, "tomorrow at 2pm", ["2026-11-27 08:30Z-09:30Z"]),
        (KOLKATA, "Tuesday morning", ["2026-12-01 03:30Z-06:30Z"]),
        (KOLKATA, "3/12", ["2026-12-03 03:30Z-11:30Z"]),
    ],
)
def test_times_are_the_persons_local_time(tz: ZoneInfo, text: str, expected: list[str]) -> None:
    # 20:00 UTC on 25 November is 15:00 in New York but already 01:30 on the 26th in Kolkata.
    now = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)
    assert utc(text, now, tz) == expected


@pytest.mark.parametrize(
    ("tz", "expected"),
    [
        (NEW_YORK, ["2026-11-25 20:00Z-22:00Z"]),  # the rest of Wednesday's working day
        (KOLKATA, ["2026-11-26 03:30Z-11:30Z"]),  # Thursday, the person's today
        (LONDON, []),  # Wednesday's working day in London has ended
    ],
)
def test_today_is_the_persons_today(tz: ZoneInfo, expected: list[str]) -> None:
    now = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)
    result = parse_when("today", now=now, tz=tz)
    assert [f"{w.start:%Y-%m-%d %H:%M}Z-{w.end:%H:%M}Z" for w in result.windows] == expected


def test_new_york_spring_forward() -> None:
    now = datetime(2026, 3, 4, 10, 0, tzinfo=NEW_YORK)  # Wednesday
    assert utc("Friday or Monday at 10am", now, NEW_YORK) == [
        "2026-03-06 15:00Z-16:00Z",
        "2026-03-09 14:00Z-15:00Z",
    ]


@pytest.mark.parametrize(
    ("text", "now", "asked"),
    [
        (
            "Sunday at 2:30am",
            datetime(2026, 3, 4, 10, 0, tzinfo=NEW_YORK),
            "There's no 02:30 on Sunday 8 March 2026: the clocks go forward",
        ),
        (
            "Sunday at 1:30am",
            datetime(2026, 10, 28, 10, 0, tzinfo=NEW_YORK),
            "01:30 happens twice on Sunday 1 November 2026, as the clocks go back an hour that "
            "night: I've taken the first, 01:30 EDT, not the second, 01:30 EST",
        ),
    ],
)
def test_clock_changes_are_asked_about_in_the_persons_own_zone(
    text: str, now: datetime, asked: str
) -> None:
    result = parse_when(text, now=now, tz=NEW_YORK)
    assert len(result.questions) == 1
    assert result.questions[0].startswith(asked)


def test_a_zone_without_clock_changes_is_never_asked() -> None:
    now = datetime(2026, 3, 25, 10, 0, tzinfo=KOLKATA)
    assert utc("Sunday 29 March at 1:30am", now, tz=KOLKATA) == ["2026-03-28 20:00Z-21:00Z"]
