"""A coach who hasn't answered by the deadline: the coachee is offered the next coach.

These are timers, run by the door (`CoachingBot.handle_due`) in one transaction: a kind that
changes state returns its news as `Outcome.outgoing`, queued in that transaction, so a
failed send never leaves the state changed but the people untold."""

from __future__ import annotations

from datetime import datetime

from bot.booking.booking import coach_offer
from bot.booking.live_times import refresh_offer
from bot.booking.next_coach import offer_next_coach
from bot.domain import RequestState
from bot.domain.audit import AuditEntry
from bot.domain.outbox import OutboxMessage
from bot.domain.people import zone_of
from bot.lapse import Deadline, stamp
from bot.messages import Outcome
from bot.registry import Door
from bot.replies import Outgoing, Reply, Text
from bot.services import Services
from bot.text_format import local_time


def coach_response_deadline(bot: Door, message: OutboxMessage) -> Outcome:
    services = bot.services
    store, now = services.store, services.clock.now()
    request = store.get_request(int(message.payload["request_id"]))
    coach_id = int(message.payload["coach_id"])
    if (
        request is None
        or request.state is not RequestState.WAITING_COACH
        or request.chosen_coach_id != coach_id
    ):
        return Outcome()  # answered, withdrawn or moved on since: the deadline has lapsed
    coach = store.get_person(coach_id)
    shortlist = offer_next_coach(bot, request, coach_id=coach_id)
    store.audit(
        AuditEntry(
            now, None, "request.coach_timed_out", f"request:{request.id}", f"coach:{coach_id}"
        )
    )
    name = coach.name if coach else "The coach"
    to_coachee: tuple[Reply, ...] = (
        Text(
            f"{name} hasn't been able to answer in time, so I've looked for other coaches for you."
        ),
        *shortlist.replies,
    )
    to_coach: tuple[Reply, ...] = (
        Text(
            "A coaching request you were asked about has now gone to another coach, as the "
            "answer time passed. No action needed."
        ),
    )
    # News, not replies: queued by the door with the state change, so both commit together.
    return Outcome(
        outgoing=(
            Outgoing(request.coachee_id, to_coachee),
            Outgoing(coach_id, to_coach),
            *shortlist.outgoing,
        )
    )


def coach_nudge(bot: Door, message: OutboxMessage) -> Outcome:
    """One gentle nudge when the answer time is up; the request moves on a day later."""
    services = bot.services
    store = services.store
    request = store.get_request(int(message.payload["request_id"]))
    coach = store.get_person(message.recipient_id)
    if (
        request is None
        or coach is None
        or request.state is not RequestState.WAITING_COACH
        or request.chosen_coach_id != coach.id
    ):
        return Outcome()
    moves_on = datetime.fromisoformat(str(message.payload["moves_on_at"]))
    if services.clock.now() >= moves_on:
        return Outcome()  # delivered late: "if I haven't heard by" a day already past misleads
    coachee = store.get_person(request.coachee_id)
    name = coachee.first_name if coachee else "Your coachee"
    when = local_time(  # the hour too, as on the card: it moves on at the hour it was asked
        moves_on, zone_of(coach, services.settings.pool_timezone), now=services.clock.now()
    )
    nudge = Text(
        f"A gentle reminder: {name} is waiting to hear whether you can coach them. If I "
        f"haven't heard by {when}, I'll offer them another coach, no hard feelings."
    )
    # Only times still to come and free for both: the offer is days old by now.
    request = refresh_offer(services, request, coach)
    return Outcome((nudge, *coach_offer(services, request, coach, list(request.offered_slots))))


def coach_nudge_until(services: Services, message: OutboxMessage) -> Deadline | None:
    """A nudge about an answer time that has run out would promise what already happened."""
    moves_on = datetime.fromisoformat(str(message.payload["moves_on_at"]))
    return Deadline(moves_on, f"the coach's answer time ran out at {stamp(moves_on)}")
