"""The bot asks rather than guesses: past, ambiguous and meaningless phrases give questions."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.when import WhenResult, parse_when

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=LONDON)  # Wednesday

NOTHING = (
    "I couldn't find a day or time in that. When are you free? For example: "
    '"Tuesday or Thursday afternoon" or "3 December, 2-4pm".'
)


def asked(text: str) -> tuple[str, ...]:
    result = parse_when(text, now=NOW, tz=LONDON)
    assert result.windows == ()
    assert not result.understood
    return result.questions


@pytest.mark.parametrize(
    "text",
    ["banana", "", "   ", "ILM 7", "6 sessions", "team of 5", "2 sessions please", "24/7 support",
     "level 7 coaching for a team of 5", "online please", "I'd like 3 to 4 sessions", "Room 101"],
)  # fmt: skip
def test_no_time_content_asks_when_they_are_free(text: str) -> None:
    assert asked(text) == (NOTHING,)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("1/1/2020", "1 January 2020 has already passed — did you mean a date in the future?"),
        (
            "1 January 2020",
            "1 January 2020 has already passed — did you mean a date in the future?",
        ),
        ("24/11/2026", "24 November 2026 has already passed — did you mean a date in the future?"),
        ("yesterday", '"yesterday" has already passed — did you mean a day in the future?'),
        ("last Tuesday", '"last Tuesday" has already passed — did you mean a day in the future?'),
        ("last week", '"last week" has already passed — did you mean a day in the future?'),
        (
            "this Monday",
            "This Monday (23 November) has already passed — did you mean Monday 30 November?",
        ),
        (
            "Monday this week",
            '"Monday this week" has already passed — did you mean a day in the future?',
        ),
        (
            "today at 9am",
            "Wednesday 25 November, 09:00–10:00 GMT has already passed — "
            "did you mean a time in the future?",
        ),
        (
            "this morning at 9",
            "Wednesday 25 November, 09:00–10:00 GMT has already passed — "
            "did you mean a time in the future?",
        ),
        (
            "25/11 at 8am",
            "Wednesday 25 November, 08:00–09:00 GMT has already passed — "
            "did you mean a time in the future?",
        ),
        (
            "1/1/2020 - 3/1/2020",
            "3 January 2020 has already passed — did you mean a date in the future?",
        ),
    ],
)
def test_the_past_is_questioned(text: str, question: str) -> None:
    assert asked(text) == (question,)


def test_this_week_asks_once_its_working_days_are_over() -> None:
    friday_evening = datetime(2026, 11, 27, 18, 0, tzinfo=LONDON)
    result = parse_when("this week", now=friday_evening, tz=LONDON)
    assert result.windows == ()
    assert result.questions == (
        '"this week" has already passed — did you mean a day in the future?',
    )


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("Tuesday at 7", 'Did you mean 7am or 7pm by "at 7"?'),
        ("Friday 7:30", 'Did you mean 7am or 7pm by "7:30"?'),
        ("at 2", 'Which day do you mean for "at 2"? For example: "Tuesday at 2".'),
        ("2pm", 'Which day do you mean for "2pm"? For example: "Tuesday 2pm".'),
        ("14:30", 'Which day do you mean for "14:30"? For example: "Tuesday 14:30".'),
        ("afternoon", 'Which day do you mean for "afternoon"? For example: "Tuesday afternoon".'),
        ("December", 'Which days in December would suit you? For example: "Tuesdays in December".'),
        ("Tuesday morning at 3pm", '"at 3pm" isn\'t in the morning — which did you mean?'),
        ("Friday 4-2", '"4 - 2" seems to end before it starts — could you check it?'),
        ("31/2", 'I couldn\'t find "31/2" in the calendar — could you check the date?'),
        (
            "30 February",
            'I couldn\'t find "30 February" in the calendar — could you check the date?',
        ),
        (
            "Tuesday 3 December",
            "3 December 2026 is a Thursday, not a Tuesday — which did you mean?",
        ),
        ("Friday the 3rd", "3 December 2026 is a Thursday, not a Friday — which did you mean?"),
        (
            "1/12 - 28/2",
            '"1/12 - 28/2" is more than a month — '
            "could you narrow it down to the days you're free?",
        ),
        ("5/12 - 3/12", '"5/12 - 3/12" seems to end before it starts — could you check it?'),
        (
            "Tuesday at 25:00",
            '"at 25:00" isn\'t a time I understand — could you write it like "2pm" or "14:00"?',
        ),
    ],
)
def test_ambiguous_or_impossible_phrases_are_questioned(text: str, question: str) -> None:
    assert asked(text) == (question,)


def test_a_question_does_not_hide_what_was_understood() -> None:
    result = parse_when("Friday afternoon or Tuesday at 7", now=NOW, tz=LONDON)
    assert [(w.start.hour, w.end.hour, w.start.day) for w in result.windows] == [(13, 17, 27)]
    assert result.questions == ('Did you mean 7am or 7pm by "at 7"?',)
    assert not result.understood


def test_a_negation_that_cannot_be_placed_is_questioned() -> None:
    result = parse_when("Tuesday is not possible, Thursday afternoon is fine", now=NOW, tz=LONDON)
    assert len(result.windows) == 2
    assert result.questions == (
        "I'm not sure which of those times don't suit you — "
        "could you tell me just the times you're free?",
    )


@pytest.mark.parametrize("text", ["not Mondays", "I can't do Friday", "except Tuesday afternoons"])
def test_only_exclusions_asks_when_they_are_free(text: str) -> None:
    assert asked(text) == ("Thanks — which days and times are you free, then?",)


def test_questions_are_not_repeated() -> None:
    assert asked("yesterday or yesterday") == (
        '"yesterday" has already passed — did you mean a day in the future?',
    )


@pytest.mark.parametrize(
    ("windows", "questions", "expected"),
    [((), (), False), ((), ("?",), False)],
)
def test_understood_needs_windows_and_no_questions(
    windows: tuple[()], questions: tuple[str, ...], expected: bool
) -> None:
    assert WhenResult(windows, questions).understood is expected


def test_now_must_be_aware() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        parse_when("Tuesday", now=datetime(2026, 11, 25, 10, 0), tz=LONDON)  # noqa: DTZ001


@pytest.mark.parametrize(("minutes", "weeks"), [(0, 3), (-30, 3), (60, -1)])
def test_bad_options_are_refused(minutes: int, weeks: int) -> None:
    with pytest.raises(ValueError, match="default_minutes"):
        parse_when("Tuesday", now=NOW, tz=LONDON, default_minutes=minutes, horizon_weeks=weeks)
