"""When the chosen coach drops out before answering (the answer time passed, or they left
the pool): the coachee is offered the other coaches. One way, wherever it happens."""

from __future__ import annotations

import dataclasses

from bot import keys
from bot.domain import CoachingRequest, RequestState
from bot.messages import Outcome
from bot.requests.shortlist import offer_shortlist
from bot.services import Services


def offer_next_coach(services: Services, request: CoachingRequest, *, coach_id: int) -> Outcome:
    """Move the request from waiting on `coach_id` (or on the coachee to pick among that
    coach's proposed times) back to choosing, never offering that coach again, stop its
    deadlines, and match afresh: the coachee's shortlist (or the waiting-list news), to be
    sent to them."""
    store, now = services.store, services.clock.now()
    was = request.state  # waiting on the coach, or on the coachee to pick the coach's times
    request = dataclasses.replace(
        request,
        state=RequestState.SHORTLISTED,
        chosen_coach_id=None,
        offered_slots=(),
        declined_coach_ids=request.declined_coach_ids | {coach_id},
        updated_at=now,
    )
    with store.transaction():
        store.update_request(request, expected=was)
        store.cancel_scheduled(keys.request_prefix(request.id))
        return offer_shortlist(services, request)
