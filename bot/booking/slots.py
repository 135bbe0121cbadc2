"""Concrete times to offer: both parties free, inside what the coachee asked for."""

from __future__ import annotations

from datetime import timedelta

from bot.domain import CoachingRequest, Person, Programme
from bot.domain.people import zone_of
from bot.domain.timewindow import TimeWindow
from bot.requests.candidates import horizon
from bot.scheduling import candidate_slots, free_windows, subtract
from bot.services import Services

SLOTS_OFFERED = 3


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


def request_slots(services: Services, request: CoachingRequest, coach: Person) -> list[TimeWindow]:
    store = services.store
    coachee = store.get_person(request.coachee_id)
    programme = store.get_programme(request.programme_id)
    if coachee is None or programme is None:
        return []
    return slots_for(
        services, coach=coach, coachee=coachee, programme=programme, wanted=request.windows or None
    )
