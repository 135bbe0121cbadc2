"""When a session may be booked: the horizon free time is offered over, whether a time is
still in bookable range, and session slots free for both people.

In the kernel because three slices ask the same question and must get the same answer:
requests matches over the horizon, booking offers and books a first session inside it,
and engagements books and moves later ones inside it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.domain import Person, Programme
from bot.domain.people import zone_of
from bot.domain.timewindow import TimeWindow
from bot.scheduling import candidate_slots, free_windows, subtract
from bot.services import Services

NOTICE = timedelta(hours=24)  # a session starts no sooner: a coach needs time to prepare
SLOTS_OFFERED = 3


def horizon(services: Services, now: datetime | None = None) -> TimeWindow:
    """Where a coach's free time is offered from and to."""
    now = now or services.clock.now()
    return TimeWindow(now + NOTICE, now + timedelta(weeks=services.settings.horizon_weeks))


def in_bookable_range(services: Services, window: TimeWindow) -> bool:
    """Still to come and no further ahead than the horizon. The horizon's day of notice
    applies to times the bot picks; a time both people chose may be sooner."""
    return services.clock.now() < window.start and window.end <= horizon(services).end


def slots_for(
    services: Services,
    *,
    coach: Person,
    coachee: Person,
    programme: Programme,
    wanted: tuple[TimeWindow, ...] | None,
    limit: int = SLOTS_OFFERED,
) -> list[TimeWindow]:
    """Up to `limit` session slots in the coach's availability, free for both, within
    `wanted` (or anywhere in the horizon when None)."""
    store = services.store
    profile = store.get_coach(coach.id)
    if profile is None:
        return []
    within = horizon(services)
    coach_free = free_windows(
        profile,
        coach_tz=zone_of(coach, services.settings.pool_timezone),
        within=within,
        busy=store.busy_windows(coach.id, within),
    )
    both_free = subtract(coach_free, store.busy_windows(coachee.id, within))
    return candidate_slots(
        both_free,
        list(wanted) if wanted else [within],
        length=timedelta(minutes=programme.session_minutes),
        not_before=within.start,
        limit=limit,
    )
