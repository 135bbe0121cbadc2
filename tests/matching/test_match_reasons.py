"""Reasons are 2-4 specific, human sentences taken from what ranked the coach."""

from __future__ import annotations

import re
from datetime import date, time, timedelta

from bot.domain import Accreditation, Format, WeeklySlot
from bot.domain.timewindow import TimeWindow
from bot.matching import match

from .builders import LEADERS, LONDON, afternoons, coach, context, free, local

# Tuesday and Thursday afternoons for three weeks: six afternoons.
SIX_AFTERNOONS = afternoons(*(date(2026, 3, 10) + timedelta(days=d) for d in (0, 2, 7, 9, 14, 16)))
TUESDAY_AFTERNOONS = free(WeeklySlot(1, time(13), time(17)))


def test_reasons_name_the_specialism_the_times_the_capacity_and_the_format() -> None:
    change_coach = coach(
        1,
        specialisms=("Managing change and restructures", "Public speaking"),
        free_time=TUESDAY_AFTERNOONS,
        active=1,
        max_coachees=3,
    )
    result = match(
        context(topic="My team is being restructured", windows=SIX_AFTERNOONS), [change_coach]
    )
    assert result.candidates[0].reasons == (
        "Specialises in managing change and restructures",
        "Free on 3 of your 6 preferred afternoons",
        "Has capacity: 1 of 3 coaching places in use",
        "Offers online sessions",
    )


def test_reasons_for_a_coach_free_every_time_and_owed_hours_by_their_council() -> None:
    owed = coach(2, organisation_id=4, balance=-12.0, specialisms=("Confidence",))
    result = match(context(topic="imposter syndrome", windows=SIX_AFTERNOONS), [owed])
    assert result.candidates[0].reasons == (
        "Specialises in confidence",
        "Free on all 6 of your preferred afternoons",
        "Their council, Sandwell, has given fewer hours than it received",
        "Has capacity: 0 of 2 coaching places in use",
    )


def test_accreditation_is_a_reason_where_the_programme_requires_it() -> None:
    accredited = coach(3, accreditation=Accreditation.ILM7)
    result = match(context(programme=LEADERS, windows=SIX_AFTERNOONS), [accredited])
    assert "ILM level 7 accredited" in result.candidates[0].reasons


def test_in_person_in_the_coachees_place() -> None:
    local_coach = coach(4, formats=frozenset({Format.IN_PERSON}), locations=("Dudley",))
    result = match(context(format=Format.IN_PERSON, location="dudley"), [local_coach])
    assert "Meets in person in dudley" in result.candidates[0].reasons


def test_without_windows_the_reason_counts_days_in_the_horizon() -> None:
    # Tuesday 3 to Monday 30 March after 24 hours' notice: 19 full weekdays, and on Monday
    # 30 March (BST) the horizon still leaves 09:00-10:00 London.
    result = match(context(), [coach(5)])
    assert "Free on 20 days in the next 4 weeks" in result.candidates[0].reasons


def test_days_given_that_are_not_all_afternoons() -> None:
    windows = (
        TimeWindow(local(date(2026, 3, 10), 9), local(date(2026, 3, 10), 17)),
        TimeWindow(local(date(2026, 3, 11), 9), local(date(2026, 3, 11), 17)),
    )
    only_tuesdays = coach(6, free_time=TUESDAY_AFTERNOONS)
    result = match(context(windows=windows), [only_tuesdays])
    assert "Free on 1 of the 2 days you gave" in result.candidates[0].reasons


def test_reasons_are_short_human_and_free_of_scores() -> None:
    pool = [
        coach(1, specialisms=("Managing change",), bio="Twenty years in housing."),
        coach(2, organisation_id=3, balance=-30.0, accreditation=Accreditation.ILM5),
        coach(3, active=1, hours=2.0, formats=frozenset({Format.EITHER}), locations=("Walsall",)),
    ]
    result = match(context(topic="restructure", windows=SIX_AFTERNOONS), pool)
    jargon = re.compile(r"score|weight|component|theme|idf|token|\d+\.\d", re.IGNORECASE)
    for candidate in result.candidates:
        assert 2 <= len(candidate.reasons) <= 4
        for reason in candidate.reasons:
            assert reason[0].isupper()
            assert not reason.endswith(".")
            assert len(reason) <= 90
            assert not jargon.search(reason), reason


def test_slots_preview_is_spread_over_the_wanted_days() -> None:
    result = match(context(windows=SIX_AFTERNOONS), [coach(7)])
    preview = result.candidates[0].slots_preview
    assert [slot.start.astimezone(LONDON) for slot in preview] == [
        local(date(2026, 3, 10), 13),
        local(date(2026, 3, 12), 13),
        local(date(2026, 3, 17), 13),
    ]
    assert all(slot.duration == timedelta(minutes=60) for slot in preview)
