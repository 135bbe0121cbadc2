"""Small builders for matching tests: a coachee in Dudley, coaches elsewhere, free weekdays."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain import (
    Accreditation,
    CoachingRequest,
    CoachProfile,
    Organisation,
    Person,
    Programme,
    RequestState,
    Role,
    WeeklySlot,
)
from bot.domain.timewindow import TimeWindow
from bot.matching import CoachCandidate, MatchContext
from bot.scheduling import free_windows

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)  # Monday 2 March 2026, 09:00 in London
HORIZON = TimeWindow(NOW, NOW + timedelta(days=28))
COACHEE_ID = 500
COACHEE_ORG = 1

ORGANISATIONS = {
    1: Organisation(1, "dudley", "Dudley Council"),
    2: Organisation(2, "walsall", "Walsall Council"),
    3: Organisation(3, "wmfs", "West Midlands Fire Service"),
    4: Organisation(4, "sandwell", "Sandwell Council"),
}

POOL = Programme(1, "pool", "Regional Coaching Pool")
LEADERS = Programme(
    2, "leaders", "Senior Leaders Programme", required_accreditation=Accreditation.ILM7
)
MENTORING = Programme(3, "members", "Member Mentoring", same_organisation_allowed=True)


def weekdays(start: int = 9, end: int = 17) -> tuple[WeeklySlot, ...]:
    return tuple(WeeklySlot(day, time(start), time(end)) for day in range(5))


def free(*slots: WeeklySlot) -> tuple[TimeWindow, ...]:
    profile = CoachProfile(person_id=0, weekly=slots)
    return tuple(free_windows(profile, coach_tz=LONDON, within=HORIZON, busy=()))


ALL_WEEKDAYS = free(*weekdays())


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def afternoons(*days: date) -> tuple[TimeWindow, ...]:
    """13:00-17:00 London on each day."""
    return tuple(TimeWindow(local(day, 13), local(day, 17)) for day in days)


def coachee(**changes: Any) -> Person:
    person = Person(
        COACHEE_ID,
        "sam@dudley.example",
        "Sam Patel",
        COACHEE_ORG,
        roles=frozenset({Role.COACHEE}),
    )
    return replace(person, **changes)


def coach(
    coach_id: int,
    *,
    organisation_id: int = 2,
    manager_id: int | None = None,
    free_time: tuple[TimeWindow, ...] = ALL_WEEKDAYS,
    active: int = 0,
    hours: float = 0.0,
    balance: float = 0.0,
    past: frozenset[int] = frozenset(),
    **profile: Any,
) -> CoachCandidate:
    """A coach at Walsall by default, free 09:00-17:00 every weekday, with 2 places free."""
    person = Person(
        coach_id,
        f"coach{coach_id}@example.org",
        f"Coach {coach_id}",
        organisation_id,
        roles=frozenset({Role.COACH}),
        manager_id=manager_id,
    )
    return CoachCandidate(
        person=person,
        profile=CoachProfile(person_id=coach_id, **profile),
        organisation=ORGANISATIONS[organisation_id],
        free=free_time,
        active_coachees=active,
        hours_this_month=hours,
        organisation_balance_hours=balance,
        past_coachee_ids=past,
    )


def request(**changes: Any) -> CoachingRequest:
    base = CoachingRequest(
        id=1,
        coachee_id=COACHEE_ID,
        programme_id=POOL.id,
        state=RequestState.OPEN,
        created_at=NOW,
    )
    return replace(base, **changes)


def context(
    *, programme: Programme = POOL, person: Person | None = None, **request_changes: Any
) -> MatchContext:
    return MatchContext(
        request=request(**request_changes),
        coachee=person or coachee(),
        programme=programme,
        now=NOW,
    )
