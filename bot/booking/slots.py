"""Concrete times to offer for a request: both parties free, inside what the coachee asked
for (the horizon and the slots themselves are the kernel's, bot/bookable.py)."""

from __future__ import annotations

from bot.bookable import slots_for
from bot.domain import CoachingRequest, Person
from bot.domain.timewindow import TimeWindow
from bot.services import Services


def request_slots(services: Services, request: CoachingRequest, coach: Person) -> list[TimeWindow]:
    store = services.store
    coachee = store.get_person(request.coachee_id)
    programme = store.get_programme(request.programme_id)
    if coachee is None or programme is None:
        return []
    return slots_for(
        services, coach=coach, coachee=coachee, programme=programme, wanted=request.windows or None
    )
