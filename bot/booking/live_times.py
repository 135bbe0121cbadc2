"""Which offered times can still be booked, and fresh ones when none can.

A card may be pressed days after it was sent, so every booking and every re-offer asks
here first: a time is live while it is still to come, inside the booking horizon and free
for both people. (The store checks "free for both" again under its locks as it books.)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from bot.bookable import in_bookable_range
from bot.booking.slots import request_slots
from bot.domain import CoachingRequest, Person
from bot.domain.timewindow import TimeWindow
from bot.services import Services


def live_slots(
    services: Services, windows: Iterable[TimeWindow], *, coach_id: int, coachee_id: int
) -> list[TimeWindow]:
    """The windows still bookable: in range and clear of either person's sessions."""
    store = services.store
    ahead = [w for w in windows if in_bookable_range(services, w)]
    if not ahead:
        return []
    span = TimeWindow(min(w.start for w in ahead), max(w.end for w in ahead))
    busy = store.busy_windows(coach_id, span) + store.busy_windows(coachee_id, span)
    return [w for w in ahead if not any(w.overlaps(b) for b in busy)]


def refresh_offer(services: Services, request: CoachingRequest, coach: Person) -> CoachingRequest:
    """The request with only live times on offer: those still live of the ones offered,
    or, when none is left, fresh ones from the coach's availability. Saved when changed,
    since only offered times may be booked."""
    live = live_slots(
        services, request.offered_slots, coach_id=coach.id, coachee_id=request.coachee_id
    )
    if not live:
        live = request_slots(services, request, coach)
    if tuple(live) == request.offered_slots:
        return request
    request = dataclasses.replace(
        request, offered_slots=tuple(live), updated_at=services.clock.now()
    )
    services.store.update_request(request)
    return request
