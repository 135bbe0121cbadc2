"""The offers waiting for a coach's answer, as 'pending' and their home surface show them."""

from __future__ import annotations

from bot.booking.booking import coach_offer
from bot.booking.live_times import refresh_offer
from bot.domain import RequestState
from bot.messages import Outcome
from bot.registry import Context
from bot.replies import Reply, Text


def pending_offers(ctx: Context) -> Outcome:
    services, person = ctx.services, ctx.person
    waiting = services.store.list_requests(
        chosen_coach_id=person.id, states=[RequestState.WAITING_COACH]
    )
    if not waiting:
        return Outcome((Text("No requests are waiting for your answer."),))
    replies: list[Reply] = []
    for request in waiting:
        live = refresh_offer(services, request, person)  # an old offer's times may have gone
        replies += coach_offer(services, live, person, list(live.offered_slots))
    return Outcome(tuple(replies))
