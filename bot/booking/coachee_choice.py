"""The coachee's turn to choose: a coach from a shortlist, or one of the times a coach
proposed (request WAITING_COACHEE).

A proposal is the coach's answer, so their deadline stops. Whatever the coachee is
choosing, they get the programme's answer time: a nudge at the deadline, and a working day
later the pool coordinators are told (armed by bot/choosing.py, answered in
bot/booking/coachee_deadlines.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import timedelta

from bot import keys
from bot.bookable import horizon, in_bookable_range
from bot.booking.slot_buttons import slot_value
from bot.choosing import TIMES, schedule_coachee_deadlines
from bot.domain import CoachingRequest, Person, RequestState
from bot.domain.audit import AuditEntry
from bot.domain.people import zone_of
from bot.domain.timewindow import TimeWindow
from bot.messages import Outcome
from bot.replies import Choice, Choices, Outgoing, Text
from bot.scheduling import candidate_slots, subtract
from bot.services import Services
from bot.text_format import local_date, local_time
from bot.verbs import BookingVerb

PROPOSED_AT_MOST = 3


def proposed_slots(
    services: Services, request: CoachingRequest, coach: Person, proposed: Sequence[TimeWindow]
) -> list[TimeWindow]:
    """Session-length slots inside what the coach said, bookable and free for both."""
    store = services.store
    programme = store.get_programme(request.programme_id)
    assert programme is not None
    within = horizon(services)
    free = subtract(list(proposed), store.busy_windows(coach.id, within))
    free = subtract(free, store.busy_windows(request.coachee_id, within))
    slots = candidate_slots(
        free,
        list(proposed),
        length=timedelta(minutes=programme.session_minutes),
        not_before=services.clock.now(),
        limit=PROPOSED_AT_MOST,
    )
    return [s for s in slots if in_bookable_range(services, s)]


def pick_choices(
    services: Services, request: CoachingRequest, coachee: Person, intro: str
) -> Choices:
    zone = zone_of(coachee, services.settings.pool_timezone)
    options = tuple(
        Choice(
            local_time(s.start, zone, now=services.clock.now()),
            slot_value(BookingVerb.PICK, request.id, s),
        )
        for s in request.offered_slots
    )
    return Choices(intro, options)


def times_proposed(
    services: Services, request: CoachingRequest, coach: Person, slots: Sequence[TimeWindow]
) -> Outcome:
    """Offer the coach's times to the coachee and hand the request to them."""
    store, now = services.store, services.clock.now()
    coachee = store.get_person(request.coachee_id)
    assert coachee is not None
    with store.transaction():
        was = request.state
        request = dataclasses.replace(
            request,
            state=RequestState.WAITING_COACHEE,
            offered_slots=tuple(slots),
            updated_at=now,
        )
        store.update_request(request, expected=was)
        store.cancel_scheduled(keys.coach_prefix(request.id))
        due = schedule_coachee_deadlines(services, request, stage=TIMES)
        store.audit(AuditEntry(now, coach.id, "request.times_proposed", f"request:{request.id}"))
    coach_zone = zone_of(coach, services.settings.pool_timezone)
    coachee_zone = zone_of(coachee, services.settings.pool_timezone)
    listed = "; ".join(local_time(s.start, coach_zone, now=now) for s in slots)
    offer = pick_choices(
        services,
        request,
        coachee,
        f"{coach.name} would be glad to coach you and has suggested these times. "
        f"Please pick the one that suits you by {local_date(due.nudge_at, coachee_zone, now=now)}:",
    )
    return Outcome(
        (
            Text(
                f"Thanks. I've offered {coachee.first_name} {listed}. "
                "I'll confirm as soon as they pick."
            ),
        ),
        (Outgoing(coachee.id, (offer,)),),
    )
