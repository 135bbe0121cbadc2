"""When fewer than a shortlist qualify, one plain sentence says why."""

from __future__ import annotations

from datetime import date, time

from bot.domain import Accreditation, Format, WeeklySlot
from bot.domain.timewindow import TimeWindow
from bot.matching import match

from .builders import LEADERS, afternoons, coach, context, free, local

TUESDAY = date(2026, 3, 10)
TUESDAY_AFTERNOONS = free(WeeklySlot(1, time(13), time(17)))
MONDAY_MORNINGS = free(WeeklySlot(0, time(9), time(12)))


def test_few_coaches_free_at_the_times_given() -> None:
    pool = [
        coach(1, free_time=TUESDAY_AFTERNOONS),
        coach(2, free_time=TUESDAY_AFTERNOONS),
        coach(3, free_time=MONDAY_MORNINGS),
        coach(4, free_time=MONDAY_MORNINGS),
        coach(5, free_time=MONDAY_MORNINGS),
    ]
    result = match(context(windows=afternoons(TUESDAY)), pool)
    assert len(result.candidates) == 2
    assert result.shortfall_reason == (
        "Only 2 coaches are free at the times you gave; widening your times would help."
    )
    one = match(context(windows=afternoons(TUESDAY)), pool[1:])
    assert one.shortfall_reason == (
        "Only 1 coach is free at the times you gave; widening your times would help."
    )


def test_full_coaches_are_not_said_to_be_unfree() -> None:
    """A full coach is ruled out before their times are read: the sentence must not claim
    that no coach is free then."""
    pool = [
        coach(1, free_time=TUESDAY_AFTERNOONS, max_coachees=2, active=2),
        coach(2, free_time=MONDAY_MORNINGS),
        coach(3, free_time=MONDAY_MORNINGS),
    ]
    result = match(context(windows=afternoons(TUESDAY)), pool)
    assert result.candidates == ()
    assert result.shortfall_reason == (
        "No coach with room is free at the times you gave; 1 more is full or paused just "
        "now, so a place may open. Widening your times would help too."
    )


def test_no_accredited_coach_has_capacity() -> None:
    pool = [
        coach(1, accreditation=Accreditation.ILM7, max_coachees=2, active=2),
        coach(2, accreditation=Accreditation.ILM7, paused=True),
        coach(3, accreditation=Accreditation.ILM5),
    ]
    result = match(context(programme=LEADERS), pool)
    assert result.candidates == ()
    assert result.shortfall_reason == "No coach with ILM level 7 has capacity right now."


def test_accreditation_as_the_main_blocker() -> None:
    pool = [
        coach(1, accreditation=Accreditation.ILM7),
        coach(2, accreditation=Accreditation.ILM5),
        coach(3),
    ]
    result = match(context(programme=LEADERS), pool)
    assert result.shortfall_reason == (
        "Only 1 suitable coach holds ILM level 7, which the Senior Leaders Programme requires."
    )


def test_in_person_in_a_place_few_coaches_meet() -> None:
    pool = [
        coach(1, formats=frozenset({Format.IN_PERSON}), locations=("Dudley",)),
        coach(2, formats=frozenset({Format.IN_PERSON}), locations=("Walsall",)),
        coach(3),
    ]
    result = match(context(format=Format.IN_PERSON, location="Dudley"), pool)
    assert result.shortfall_reason == (
        "Only 1 suitable coach meets in person in Dudley; online sessions would widen the choice."
    )


def test_times_too_short_for_a_session() -> None:
    short = (TimeWindow(local(TUESDAY, 13), local(TUESDAY, 13, 30)),)
    result = match(context(windows=short), [coach(1), coach(2)])
    assert result.shortfall_reason == (
        "None of the times you gave leaves room for a 60-minute session in the next 4 weeks; "
        "please give some other times."
    )


def test_an_empty_pool_and_a_small_one() -> None:
    assert match(context(), []).shortfall_reason == "There are no coaches in the pool yet."
    small = match(context(), [coach(1), coach(2)])
    assert small.shortfall_reason == "Only 2 coaches in the pool can take this request."


def test_no_shortfall_when_the_shortlist_is_full() -> None:
    result = match(context(), [coach(1), coach(2), coach(3), coach(4, paused=True)])
    assert len(result.candidates) == 3
    assert result.shortfall_reason == ""
