from __future__ import annotations

from datetime import time

import pytest

from bot.domain.coaches import WeeklySlot
from bot.pool.availability import AvailabilityError, format_weekly, parse_weekly


def slot(weekday: int, start: str, end: str) -> WeeklySlot:
    return WeeklySlot(weekday, time.fromisoformat(start), time.fromisoformat(end))


def test_blocks_are_parsed_and_sorted() -> None:
    assert parse_weekly("Thu 13:00-17:00; Mon 09:00-12:00") == (
        slot(0, "09:00", "12:00"),
        slot(3, "13:00", "17:00"),
    )


@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("Mon 09:00-10:00", 0),
        ("monday 09:00-10:00", 0),
        ("Tues 09:00-10:00", 1),
        ("TUESDAY 09:00-10:00", 1),
        ("Weds 09:00-10:00", 2),
        ("Thur 09:00-10:00", 3),
        ("Thurs. 09:00-10:00", 3),
        ("Fri 09:00-10:00", 4),
        ("Sat 09:00-10:00", 5),
        ("Sunday 09:00-10:00", 6),
    ],
)
def test_weekday_spellings(text: str, weekday: int) -> None:
    assert parse_weekly(text)[0].weekday == weekday


@pytest.mark.parametrize(
    "text", ["Tue 9:30-12:00", "Tue 09.30-12.00", "Tue 09:30 – 12:00", "Tue 09:30 to 12:00"]
)
def test_time_spellings(text: str) -> None:
    assert parse_weekly(text) == (slot(1, "09:30", "12:00"),)


def test_blank_text_and_empty_blocks_give_no_slots() -> None:
    assert parse_weekly("") == ()
    assert parse_weekly(" ; Mon 09:00-10:00 ;; ") == (slot(0, "09:00", "10:00"),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Tusday 09:00-12:00", "'Tusday' in 'Tusday 09:00-12:00' is not a day of the week"),
        ("Thu 17:00-13:00", "'Thu 17:00-13:00' ends before it starts"),
        ("Thu 13:00-13:00", "'Thu 13:00-13:00' ends before it starts"),
        ("Mon 25:00-26:00", "'25:00' in 'Mon 25:00-26:00' is not a time of day"),
        ("Mon 09:75-10:00", "'09:75' in 'Mon 09:75-10:00' is not a time of day"),
        ("Mon 9am-12pm", "'Mon 9am-12pm' is not a day and times like 'Tue 13:00-17:00'"),
        ("09:00-12:00", "'09:00-12:00' is not a day and times"),
        ("Mon 09:00-12:00, Thu 13:00-17:00", "is not a day and times"),
        (
            "Mon 09:00-12:00; Mon 11:00-13:00",
            "'Mon 09:00-12:00' and 'Mon 11:00-13:00' overlap",
        ),
    ],
)
def test_mistakes_are_explained(text: str, message: str) -> None:
    with pytest.raises(AvailabilityError) as raised:
        parse_weekly(text)
    assert message in str(raised.value)


def test_touching_blocks_do_not_overlap() -> None:
    assert len(parse_weekly("Mon 09:00-12:00; Mon 12:00-13:00")) == 2


def test_format_is_the_inverse_of_parse() -> None:
    text = "Mon 09:00-12:00; Thu 13:30-17:00"
    assert format_weekly(parse_weekly(text)) == text
