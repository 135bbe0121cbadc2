"""parse_when on each kind of phrase, seen from Wednesday 25 November 2026 at 10:00 in London.

The calendar around then: Mon 23, Tue 24, *Wed 25*, Thu 26, Fri 27 November; Mon 30 November,
Tue 1 ... Fri 4 December; Mon 7 ... Fri 11 December; the default horizon ends before Wed 16
December. London is on GMT, so local times equal UTC here (clock changes have their own tests).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.timewindow import TimeWindow
from bot.when import parse_when

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=LONDON)


def show(window: TimeWindow, tz: ZoneInfo = LONDON) -> str:
    start, end = window.start.astimezone(tz), window.end.astimezone(tz)
    if start.date() == end.date():
        return f"{start:%Y-%m-%d %H:%M}-{end:%H:%M}"
    return f"{start:%Y-%m-%d %H:%M}-{end:%Y-%m-%d %H:%M}"


def understood(text: str, **options: int) -> list[str]:
    result = parse_when(text, now=NOW, tz=LONDON, **options)
    assert result.questions == ()
    assert result.understood
    return [show(w) for w in result.windows]


WORKING_WEEK_AFTER_NEXT = [f"2026-12-{d:02d} 09:00-17:00" for d in range(7, 12)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday", ["2026-12-01 09:00-17:00"]),
        ("tues", ["2026-12-01 09:00-17:00"]),
        ("tue", ["2026-12-01 09:00-17:00"]),
        ("TUESDAY", ["2026-12-01 09:00-17:00"]),
        ("Thursday afternoon", ["2026-11-26 13:00-17:00"]),
        ("thurs", ["2026-11-26 09:00-17:00"]),
        ("Fri", ["2026-11-27 09:00-17:00"]),
        ("Monday", ["2026-11-30 09:00-17:00"]),
        # Today counts while its window hasn't ended; what's left of it starts now.
        ("Wednesday", ["2026-11-25 10:00-17:00"]),
        ("Wednesday afternoon", ["2026-11-25 13:00-17:00"]),
        ("Wednesday at 3pm", ["2026-11-25 15:00-16:00"]),
        # A meeting whose start has gone means next week's.
        ("Wednesday at 9am", ["2026-12-02 09:00-10:00"]),
        ("Sat", ["2026-11-28 09:00-17:00"]),
    ],
)
def test_singular_weekday_is_the_next_one(text: str, expected: list[str]) -> None:
    assert understood(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tuesdays",
            ["2026-12-01 09:00-17:00", "2026-12-08 09:00-17:00", "2026-12-15 09:00-17:00"],
        ),
        (
            "every Tuesday",
            ["2026-12-01 09:00-17:00", "2026-12-08 09:00-17:00", "2026-12-15 09:00-17:00"],
        ),
        (
            "any Tuesday",
            ["2026-12-01 09:00-17:00", "2026-12-08 09:00-17:00", "2026-12-15 09:00-17:00"],
        ),
        (
            "Wednesdays",
            ["2026-11-25 10:00-17:00", "2026-12-02 09:00-17:00", "2026-12-09 09:00-17:00"],
        ),
        (
            "Tuesday or Thursday afternoons",
            [
                "2026-11-26 13:00-17:00",
                "2026-12-01 13:00-17:00",
                "2026-12-03 13:00-17:00",
                "2026-12-08 13:00-17:00",
                "2026-12-10 13:00-17:00",
                "2026-12-15 13:00-17:00",
            ],
        ),
        (
            "Tuesdays in December",
            [f"2026-12-{d:02d} 09:00-17:00" for d in (1, 8, 15, 22, 29)],
        ),
    ],
)
def test_plural_weekday_recurs_within_the_horizon(text: str, expected: list[str]) -> None:
    assert understood(text) == expected


def test_monday_wednesday_and_friday_afternoons() -> None:
    days = ["11-25", "11-27", "11-30", "12-02", "12-04", "12-07", "12-09", "12-11", "12-14"]
    expected = [f"2026-{d} 13:00-17:00" for d in days]
    assert understood("Monday, Wednesday and Friday afternoons") == expected


@pytest.mark.parametrize(
    ("weeks", "expected"),
    [
        (1, ["2026-11-27 09:00-17:00"]),
        (2, ["2026-11-27 09:00-17:00", "2026-12-04 09:00-17:00"]),
        (0, []),
    ],
)
def test_horizon_weeks_bounds_recurrence(weeks: int, expected: list[str]) -> None:
    result = parse_when("Fridays", now=NOW, tz=LONDON, horizon_weeks=weeks)
    assert [show(w) for w in result.windows] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday morning", ["2026-11-27 09:00-12:00"]),
        ("Friday lunchtime", ["2026-11-27 12:00-14:00"]),
        ("Friday at lunch time", ["2026-11-27 12:00-14:00"]),
        ("Friday afternoon", ["2026-11-27 13:00-17:00"]),
        ("Friday end of the day", ["2026-11-27 16:00-18:00"]),
        ("end of day Friday", ["2026-11-27 16:00-18:00"]),
        ("Friday evening", ["2026-11-27 17:00-19:00"]),
        ("first thing Monday", ["2026-11-30 09:00-10:00"]),
        ("tomorrow morning", ["2026-11-26 09:00-12:00"]),
        ("this afternoon", ["2026-11-25 13:00-17:00"]),
        ("this morning", ["2026-11-25 10:00-12:00"]),
        ("tonight", ["2026-11-25 17:00-19:00"]),
        ("Friday any time", ["2026-11-27 09:00-17:00"]),
    ],
)
def test_parts_of_day(text: str, expected: list[str]) -> None:
    assert understood(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday at 2pm", "2026-12-01 14:00-15:00"),
        ("2pm tomorrow", "2026-11-26 14:00-15:00"),
        ("Tuesday 14:30", "2026-12-01 14:30-15:30"),
        ("Tuesday at 2", "2026-12-01 14:00-15:00"),
        ("Tuesday at 2.30pm", "2026-12-01 14:30-15:30"),
        ("Tuesday at 2.30", "2026-12-01 14:30-15:30"),
        ("Tuesday 2:30 p.m.", "2026-12-01 14:30-15:30"),
        ("Tuesday at 9", "2026-12-01 09:00-10:00"),
        ("Tuesday 9:30", "2026-12-01 09:30-10:30"),
        ("Tuesday 09:30", "2026-12-01 09:30-10:30"),
        ("Tuesday at 12", "2026-12-01 12:00-13:00"),
        ("Tuesday at 6", "2026-12-01 18:00-19:00"),
        ("Tuesday at 11am", "2026-12-01 11:00-12:00"),
        ("Tuesday at 8am", "2026-12-01 08:00-09:00"),
        ("Friday at noon", "2026-11-27 12:00-13:00"),
        ("Friday 12 noon", "2026-11-27 12:00-13:00"),
        ("Tuesday at 2 o'clock", "2026-12-01 14:00-15:00"),
        ("Tuesday 3ish", "2026-12-01 15:00-16:00"),
        ("Tuesday at two", "2026-12-01 14:00-15:00"),
        ("Tuesday evening at 7", "2026-12-01 19:00-20:00"),
        ("Tuesday at 7 in the morning", "2026-12-01 07:00-08:00"),
        ("7 in the evening on Friday", "2026-11-27 19:00-20:00"),
        ("tonight at 7", "2026-11-25 19:00-20:00"),
        ("Friday at 10 in the morning", "2026-11-27 10:00-11:00"),
    ],
)
def test_a_time_is_a_meeting_of_the_default_length(text: str, expected: str) -> None:
    assert understood(text) == [expected]


def test_default_minutes_sets_the_meeting_length() -> None:
    assert understood("tomorrow at 2pm", default_minutes=90) == ["2026-11-26 14:00-15:30"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday 2–4pm", "2026-11-27 14:00-16:00"),
        ("Friday 2-4pm", "2026-11-27 14:00-16:00"),
        ("Friday 2 - 4 pm", "2026-11-27 14:00-16:00"),
        ("Friday 2pm-4pm", "2026-11-27 14:00-16:00"),
        ("Friday between 2 and 4", "2026-11-27 14:00-16:00"),
        ("between 2 and 4 on Friday", "2026-11-27 14:00-16:00"),
        ("Friday 10am to 12", "2026-11-27 10:00-12:00"),
        ("Friday 14:00-16:00", "2026-11-27 14:00-16:00"),
        ("Friday 9-5", "2026-11-27 09:00-17:00"),
        ("Friday 11-1", "2026-11-27 11:00-13:00"),
        ("Friday 11-1pm", "2026-11-27 11:00-13:00"),
        ("Friday from 2 to 4", "2026-11-27 14:00-16:00"),
        ("2-4 on Friday", "2026-11-27 14:00-16:00"),
        ("Friday 2-4", "2026-11-27 14:00-16:00"),
        ("between 5 and 7 on Friday", "2026-11-27 17:00-19:00"),
        ("Friday evening 7-9", "2026-11-27 19:00-21:00"),
        ("Friday 7-9am", "2026-11-27 07:00-09:00"),
        ("Friday after 3pm", "2026-11-27 15:00-17:00"),
        ("Friday from 2", "2026-11-27 14:00-17:00"),
        ("Friday before 11", "2026-11-27 09:00-11:00"),
        ("Friday until 11am", "2026-11-27 09:00-11:00"),
        ("Friday 10pm-1am", "2026-11-27 22:00-2026-11-28 01:00"),
    ],
)
def test_time_ranges(text: str, expected: str) -> None:
    assert understood(text) == [expected]


def test_day_range_with_time_range() -> None:
    # A run of days is when the person is usually free, as "Tuesday afternoons" is: it recurs
    # to the horizon (Tuesday 15 December is the last day before it).
    days = ("2026-11-25", "2026-11-26", "2026-12-01", "2026-12-02", "2026-12-03")
    days += ("2026-12-08", "2026-12-09", "2026-12-10", "2026-12-15")
    expected = [f"{d} 14:00-16:00" for d in days]
    assert understood("Tues–Thurs 2–4pm") == expected
    assert understood("Tuesday to Thursday, 2-4pm") == expected
    assert understood("between Tuesday and Thursday 2-4pm") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mon or Wed morning", ["2026-11-25 10:00-12:00", "2026-11-30 09:00-12:00"]),
        ("Tue/Thu afternoon", ["2026-11-26 13:00-17:00", "2026-12-01 13:00-17:00"]),
        ("Tuesday & Thursday", ["2026-11-26 09:00-17:00", "2026-12-01 09:00-17:00"]),
        (
            "Tuesday morning or Thursday afternoon",
            ["2026-11-26 13:00-17:00", "2026-12-01 09:00-12:00"],
        ),
        ("Tuesday morning or afternoon", ["2026-12-01 09:00-12:00", "2026-12-01 13:00-17:00"]),
        ("Tuesday 10am or 2pm", ["2026-12-01 10:00-11:00", "2026-12-01 14:00-15:00"]),
        ("2-4pm on Tuesday or Thursday", ["2026-11-26 14:00-16:00", "2026-12-01 14:00-16:00"]),
        ("2pm tomorrow or 3pm Friday", ["2026-11-26 14:00-15:00", "2026-11-27 15:00-16:00"]),
        (
            "Tuesday works, or maybe Thursday afternoon",
            ["2026-11-26 13:00-17:00", "2026-12-01 09:00-17:00"],
        ),
        ("Tuesday would be great, ideally in the afternoon", ["2026-12-01 13:00-17:00"]),
        (
            "Monday to Friday",
            ["2026-11-25 10:00-17:00"]
            + [f"2026-11-{d} 09:00-17:00" for d in (26, 27, 30)]
            + [f"2026-12-{d:02d} 09:00-17:00" for d in (1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15)],
        ),
        ("next Tuesday or Wednesday", ["2026-12-01 09:00-17:00", "2026-12-02 09:00-17:00"]),
    ],
)
def test_lists_share_a_part_of_day(text: str, expected: list[str]) -> None:
    assert understood(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Adjacent windows join up; overlapping ones merge.
        ("Friday morning or lunchtime", ["2026-11-27 09:00-14:00"]),
        ("Friday afternoon, or 2-4pm", ["2026-11-27 13:00-17:00"]),
        ("Tuesday at 2 or 3", ["2026-12-01 14:00-16:00"]),
    ],
)
def test_windows_are_merged(text: str, expected: list[str]) -> None:
    assert understood(text) == expected


NEXT_WEEK = [
    f"{d} 09:00-17:00"
    for d in ("2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04")
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", ["2026-11-25 10:00-17:00"]),
        ("tomorrow", ["2026-11-26 09:00-17:00"]),
        ("tmrw", ["2026-11-26 09:00-17:00"]),
        ("day after tomorrow", ["2026-11-27 09:00-17:00"]),
        ("the day after tomorrow", ["2026-11-27 09:00-17:00"]),
        ("in 3 days", ["2026-11-28 09:00-17:00"]),
        ("next week", NEXT_WEEK),
        (
            "this week",
            ["2026-11-25 10:00-17:00", "2026-11-26 09:00-17:00", "2026-11-27 09:00-17:00"],
        ),
        ("the week after", WORKING_WEEK_AFTER_NEXT),
        ("the week after next", WORKING_WEEK_AFTER_NEXT),
        ("in two weeks", WORKING_WEEK_AFTER_NEXT),
        ("in 2 weeks", WORKING_WEEK_AFTER_NEXT),
        ("in two weeks' time", WORKING_WEEK_AFTER_NEXT),
        ("in a fortnight", WORKING_WEEK_AFTER_NEXT),
        ("in 3 weeks", [f"2026-12-{d} 09:00-17:00" for d in range(14, 19)]),
        ("w/c 7 December", WORKING_WEEK_AFTER_NEXT),
        ("week commencing 7/12", WORKING_WEEK_AFTER_NEXT),
        ("next week afternoons", [x.replace("09:00", "13:00") for x in NEXT_WEEK]),
        ("mornings next week", [x.replace("17:00", "12:00") for x in NEXT_WEEK]),
        ("every day next week", NEXT_WEEK),
    ],
)
def test_relative_days_and_weeks(text: str, expected: list[str]) -> None:
    assert understood(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "next X" is X in next calendar week; Tuesday and Monday have passed this week.
        ("next Tuesday", ["2026-12-01 09:00-17:00"]),
        ("next Monday", ["2026-11-30 09:00-17:00"]),
        ("next Wednesday", ["2026-12-02 09:00-17:00"]),
        ("this Thursday", ["2026-11-26 09:00-17:00"]),
        ("this Friday afternoon", ["2026-11-27 13:00-17:00"]),
        ("this coming Friday", ["2026-11-27 09:00-17:00"]),
        ("Tuesday next week", ["2026-12-01 09:00-17:00"]),
        ("Thursday next week", ["2026-12-03 09:00-17:00"]),
        ("Tuesday or Thursday next week", ["2026-12-01 09:00-17:00", "2026-12-03 09:00-17:00"]),
        ("next week on Tuesday or Thursday", ["2026-12-01 09:00-17:00", "2026-12-03 09:00-17:00"]),
        ("Thursday afternoon next week", ["2026-12-03 13:00-17:00"]),
        ("Tuesday the week after", ["2026-12-08 09:00-17:00"]),
        # The UK "Thursday week": a week after the coming Thursday.
        ("Thursday week", ["2026-12-03 09:00-17:00"]),
        ("Tuesday week", ["2026-12-08 09:00-17:00"]),
        ("Monday or next week", ["2026-11-30 09:00-17:00", *NEXT_WEEK[1:]]),
    ],
)
def test_next_and_this_weekday(text: str, expected: list[str]) -> None:
    assert understood(text) == expected


def test_next_thursday_when_a_thursday_is_still_to_come_asks_to_confirm() -> None:
    result = parse_when("next Thursday", now=NOW, tz=LONDON)
    assert [show(w) for w in result.windows] == ["2026-12-03 09:00-17:00"]
    assert result.questions == (
        'By "next Thursday" do you mean Thursday 3 December, '
        "rather than this Thursday (26 November)?",
    )
    assert not result.understood


@pytest.mark.parametrize(
    "text",
    [
        "3/12",
        "3/12/2026",
        "03/12/2026",
        "3/12/26",
        "3.12.2026",
        "2026-12-03",
        "3 December",
        "3 Dec",
        "3rd December",
        "3rd of December",
        "December 3rd",
        "December 3",
        "Dec 3rd",
        "December 3rd, 2026",
        "the 3rd",
        "on the 3rd",
        "Thursday the 3rd",
        "Thursday 3 December",
        "Thursday, 3 December",
    ],
)
def test_explicit_dates_are_day_first(text: str) -> None:
    assert understood(text) == ["2026-12-03 09:00-17:00"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3rd Dec at 10am", ["2026-12-03 10:00-11:00"]),
        ("Thursday 3 December afternoon", ["2026-12-03 13:00-17:00"]),
        ("3/12 2-4pm", ["2026-12-03 14:00-16:00"]),
        ("December 3rd at 14:30", ["2026-12-03 14:30-15:30"]),
        ("3/12/2027", ["2027-12-03 09:00-17:00"]),
        # Future-preferring: a day-month that has passed this year is next year's.
        ("24/11", ["2027-11-24 09:00-17:00"]),
        ("1/1", ["2027-01-01 09:00-17:00"]),
        ("29/2", ["2028-02-29 09:00-17:00"]),
        # ... and today's counts while its window is still to come.
        ("25/11", ["2026-11-25 10:00-17:00"]),
        ("25 November at 4pm", ["2026-11-25 16:00-17:00"]),
        (
            "1-3 December",
            ["2026-12-01 09:00-17:00", "2026-12-02 09:00-17:00", "2026-12-03 09:00-17:00"],
        ),
        ("3/12 - 4/12 mornings", ["2026-12-03 09:00-12:00", "2026-12-04 09:00-12:00"]),
    ],
)
def test_explicit_dates_with_times(text: str, expected: list[str]) -> None:
    assert understood(text) == expected


def test_the_realistic_request() -> None:
    text = (
        "could I get coaching on leading my team through a restructure, "
        "Tuesday or Thursday afternoons, online please"
    )
    assert understood(text) == [
        "2026-11-26 13:00-17:00",
        "2026-12-01 13:00-17:00",
        "2026-12-03 13:00-17:00",
        "2026-12-08 13:00-17:00",
        "2026-12-10 13:00-17:00",
        "2026-12-15 13:00-17:00",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm an ILM 7 coach, Friday at 10 works", ["2026-11-27 10:00-11:00"]),
        ("6 sessions please, starting Tuesday afternoon", ["2026-12-01 13:00-17:00"]),
        ("team of 5, Friday 2-4pm", ["2026-11-27 14:00-16:00"]),
        ("Tuesday, 2-3 sessions", ["2026-12-01 09:00-17:00"]),
        ("2 hours on Friday", ["2026-11-27 09:00-17:00"]),
        ("Morning! Tuesday afternoon?", ["2026-12-01 13:00-17:00"]),
        ("Good afternoon, Friday at 10 please", ["2026-11-27 10:00-11:00"]),
        ("We sat down and agreed Sunday", ["2026-11-29 09:00-17:00"]),
        ("Not sure yet, maybe Friday?", ["2026-11-27 09:00-17:00"]),
    ],
)
def test_other_words_and_numbers_are_ignored(text: str, expected: list[str]) -> None:
    assert understood(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("any day next week except Friday", NEXT_WEEK[:4]),
        ("next week but not Monday morning", ["2026-11-30 12:00-17:00", *NEXT_WEEK[1:]]),
        (
            "afternoons next week, not Wednesday",
            [x.replace("09:00", "13:00") for x in NEXT_WEEK[:2] + NEXT_WEEK[3:]],
        ),
        ("I can't do Monday, Tuesday is better", ["2026-12-01 09:00-17:00"]),
        ("Tuesday, but not the morning", ["2026-12-01 12:00-17:00"]),
    ],
)
def test_exclusions_are_taken_away(text: str, expected: list[str]) -> None:
    assert understood(text) == expected


def test_windows_are_in_the_future_and_sorted() -> None:
    result = parse_when("today, tomorrow or Tuesdays; afternoons", now=NOW, tz=LONDON)
    assert all(w.start >= NOW for w in result.windows)
    assert list(result.windows) == sorted(result.windows)
    assert all(a.end < b.start for a, b in zip(result.windows, result.windows[1:], strict=False))
