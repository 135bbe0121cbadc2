"""UK phrasing from issue 14, seen from Monday 30 November 2026 at 18:50 in London (GMT).

Tue 1, Wed 2, Thu 3, Fri 4 December; Mon 7 ... Fri 11; Mon 14 ... Fri 18; the default horizon
ends before Monday 21 December. The whole corpus is in tests/understanding/corpus/times.tsv;
these are the issue's own examples and the rule that matters most: a word about time that
isn't used in the reading makes the bot ask, showing what it understood.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.when import parse_when
from tests.when.test_when_phrases import show

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 30, 18, 50, tzinfo=LONDON)


def understood(text: str, now: datetime = NOW) -> list[str]:
    result = parse_when(text, now=now, tz=LONDON)
    assert result.questions == (), result.questions
    return [show(w) for w in result.windows]


def questions(text: str, now: datetime = NOW) -> tuple[str, ...]:
    result = parse_when(text, now=now, tz=LONDON)
    assert result.questions
    return result.questions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Weds pm", ["2026-12-02 13:00-17:00"]),
        ("Thurs am", ["2026-12-03 09:00-12:00"]),
        ("Friday a.m.", ["2026-12-04 09:00-12:00"]),
        ("half 2 on Thursday", ["2026-12-03 14:30-15:30"]),
        ("quarter past ten Friday", ["2026-12-04 10:15-11:15"]),
        ("quarter to 3 on Wednesday", ["2026-12-02 14:45-15:45"]),
        ("9.30 on Tuesday", ["2026-12-01 09:30-10:30"]),
        ("Friday at 10.30", ["2026-12-04 10:30-11:30"]),
        ("Friday at ten o'clock", ["2026-12-04 10:00-11:00"]),
        ("Tuesday or Thursday, 1-3", ["2026-12-01 13:00-15:00", "2026-12-03 13:00-15:00"]),
        ("Tuesday 1-3 or 4-5", ["2026-12-01 13:00-15:00", "2026-12-01 16:00-17:00"]),
        ("a week on Thursday", ["2026-12-10 09:00-17:00"]),
        ("Thursday week", ["2026-12-10 09:00-17:00"]),
        (
            "the week after next, Monday or Friday morning",
            ["2026-12-14 09:00-12:00", "2026-12-18 09:00-12:00"],
        ),
        ("w/c 14th", [f"2026-12-{d} 09:00-17:00" for d in range(14, 19)]),
        ("week commencing 14th", [f"2026-12-{d} 09:00-17:00" for d in range(14, 19)]),
        ("w/c 14 Dec, Tue or Wed", ["2026-12-15 09:00-17:00", "2026-12-16 09:00-17:00"]),
        ("Tuesday afternoons, fortnightly", ["2026-12-01 13:00-17:00", "2026-12-15 13:00-17:00"]),
        ("every other Wednesday", ["2026-12-02 09:00-17:00", "2026-12-16 09:00-17:00"]),
        ("Thursday after lunch", ["2026-12-03 13:00-17:00"]),
        ("Friday before lunch", ["2026-12-04 09:00-12:00"]),
        ("first thing in the morning Thursday", ["2026-12-03 09:00-10:00"]),
        ("thrusday morning", ["2026-12-03 09:00-12:00"]),
        (
            "I have to lead a board next week so the week after would be better",
            [f"2026-12-{d} 09:00-17:00" for d in range(14, 19)],
        ),
        ("I'm in meetings all day Tuesday but Wednesday is free", ["2026-12-02 09:00-17:00"]),
        ("Could we do Wednesday? Any time after 2", ["2026-12-02 14:00-17:00"]),
    ],
)
def test_uk_phrasing(text: str, expected: list[str]) -> None:
    assert understood(text) == expected


def test_evenings_never_offer_what_is_left_of_this_one() -> None:
    # At 18:50 only ten minutes of this evening are left: too short for a meeting.
    evenings = understood("evenings")
    assert evenings[0] == "2026-12-01 17:00-19:00"
    assert len(evenings) == 14
    (question,) = questions("this evening")
    assert question.startswith("There isn't enough of Monday 30 November, 17:00–19:00 GMT left")


def test_a_run_of_days_recurs_as_a_plural_does() -> None:
    assert len(understood("Tues–Thurs 2–4pm")) == len(understood("Tuesday afternoons")) * 3


def test_an_ordinal_naming_today_is_today() -> None:
    morning = datetime(2026, 11, 30, 8, 30, tzinfo=LONDON)
    assert understood("Monday 30th at 10", now=morning) == ["2026-11-30 10:00-11:00"]
    # In the evening that time has passed: asked, never moved to Wednesday 30 December.
    result = parse_when("Monday 30th at 10", now=NOW, tz=LONDON)
    assert result.windows == ()
    assert "has already passed" in result.questions[0]


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        ("Tuesday, but only after my 1:1", "1"),
        ("early next week", "early"),
        ("sometime midweek", "sometime midweek"),
    ],
)
def test_a_word_left_unread_is_asked_about_showing_what_was_understood(
    text: str, unread: str
) -> None:
    (question, *_) = questions(text)
    assert f'"{unread}' in question


def test_the_question_shows_the_reading() -> None:
    (question,) = questions("early next week")
    assert question.startswith("I understood Monday 7 December, 09:00–17:00")
    assert 'but not "early"' in question


@pytest.mark.parametrize(
    "text", ["w/c 15th", "fortnightly", "after lunch", "1-3", "Thursday at half 7", "tonight"]
)
def test_what_cannot_be_settled_is_asked(text: str) -> None:
    assert questions(text)


def test_am_is_a_verb_unless_it_follows_a_day() -> None:
    assert understood("I am free on Tuesday") == ["2026-12-01 09:00-17:00"]
