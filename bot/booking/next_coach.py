"""When the chosen coach drops out before answering (the answer time passed, or they left
the pool): the coachee is offered the other coaches. One way, wherever it happens."""

from __future__ import annotations

import dataclasses

from bot import keys
from bot.domain import CoachingRequest, RequestState
from bot.events import RequestBackToChoosing
from bot.messages import Outcome
from bot.registry import Door
from bot.services import Services


def release_coach(
    services: Services, request: CoachingRequest, *, coach_id: int
) -> CoachingRequest:
    """Move the request from waiting on `coach_id` (or on the coachee to pick among that
    coach's proposed times) back to choosing, never offering that coach again, and stop its
    deadlines; the request as it now is, for a shortlist to be offered."""
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
    return request


def offer_next_coach(bot: Door, request: CoachingRequest, *, coach_id: int) -> Outcome:
    """Release the coach and match afresh: the coachee's shortlist (or the waiting-list
    news), to be sent to them, from the requests slice (`RequestBackToChoosing`)."""
    with bot.services.store.transaction():
        released = release_coach(bot.services, request, coach_id=coach_id)
        return bot.publish(RequestBackToChoosing(released))
