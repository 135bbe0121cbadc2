"""Matching a coach in one zone with a coachee in another, across a clock change."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from bot.domain import CoachProfile, WeeklySlot
from bot.domain.timewindow import TimeWindow
from bot.matching import match
from bot.scheduling import free_windows

from .builders import HORIZON, coach, context, local

NEW_YORK = ZoneInfo("America/New_York")


def test_a_new_york_coach_meets_a_london_coachee_where_the_clocks_allow() -> None:
    # Tuesdays 11:00-12:00 in New York: 16:00-17:00 London on 3 March (EST, five hours apart)
    # but 15:00-16:00 London on 10 March (New York is on summer time from 8 March).
    weekly = (WeeklySlot(1, time(11), time(12)),)
    coach_free = free_windows(
        CoachProfile(person_id=1, weekly=weekly), coach_tz=NEW_YORK, within=HORIZON, busy=()
    )
    wanted = tuple(
        TimeWindow(local(day, 16), local(day, 17)) for day in (date(2026, 3, 3), date(2026, 3, 10))
    )
    result = match(context(windows=wanted), [coach(1, free_time=tuple(coach_free))])
    (candidate,) = result.candidates
    assert [slot.start for slot in candidate.slots_preview] == [
        datetime(2026, 3, 3, 16, tzinfo=UTC)
    ]
    assert "Free on 1 of your 2 preferred afternoons" in candidate.reasons
