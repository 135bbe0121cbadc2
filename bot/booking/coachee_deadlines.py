"""A coachee who hasn't chosen (a coach from their shortlist, or one of the times their
coach proposed): one nudge at the programme's deadline, then the pool coordinators are
told a working day later, so a person can help. Both lapse once the coachee has chosen."""

from __future__ import annotations

from datetime import datetime

from bot.booking.booking import fresh_times
from bot.choosing import SHORTLIST, STATE_OF_STAGE, TIMES, shortlist_choices
from bot.domain import CoachingRequest, Person, Role
from bot.domain.outbox import OutboxMessage
from bot.domain.people import zone_of
from bot.lapse import Deadline, stamp
from bot.messages import Outcome
from bot.registry import Door
from bot.replies import Outgoing, Text
from bot.services import Services
from bot.text_format import local_date

_CHOOSING = {
    SHORTLIST: "a coach from their shortlist",
    TIMES: "one of the times their coach proposed",
}


def _still_choosing(
    services: Services, message: OutboxMessage
) -> tuple[CoachingRequest, Person, str] | None:
    store = services.store
    request = store.get_request(int(message.payload["request_id"]))
    coachee = store.get_person(message.recipient_id)
    stage = str(message.payload["stage"])
    if request is None or coachee is None or request.state is not STATE_OF_STAGE.get(stage):
        return None  # chosen, withdrawn or moved on since: the deadline has lapsed
    return request, coachee, stage


def coachee_nudge(bot: Door, message: OutboxMessage) -> Outcome:
    services = bot.services
    found = _still_choosing(services, message)
    if found is None:
        return Outcome()
    request, coachee, stage = found
    store = services.store
    moves_on = datetime.fromisoformat(str(message.payload["moves_on_at"]))
    when = local_date(
        moves_on, zone_of(coachee, services.settings.pool_timezone), now=services.clock.now()
    )
    then = f"If you haven't chosen by {when}, I'll tell the pool coordinators, so they can help."
    if stage == SHORTLIST:
        choices = shortlist_choices(services, request.id, store.get_shortlist(request.id))
        nudge = Text(f"A gentle reminder: your shortlist of coaches is waiting. {then}")
        return Outcome((nudge, choices))
    coach = store.get_person(request.chosen_coach_id or 0)
    name = coach.first_name if coach else "Your coach"
    # Only times still to come and free for both: the proposal may be days old.
    return fresh_times(
        services,
        request.id,
        coachee,
        f"A gentle reminder: {name} is waiting for you to pick a time. {then}",
    )


def coachee_choice_deadline(bot: Door, message: OutboxMessage) -> Outcome:
    services = bot.services
    found = _still_choosing(services, message)
    if found is None:
        return Outcome()
    request, coachee, stage = found
    store = services.store
    programme = store.get_programme(request.programme_id)
    organisation = store.get_organisation(coachee.organisation_id)
    # Enough to find the request, and nothing that names the coachee.
    note = Text(
        f"Request {request.id} ({programme.name if programme else 'a programme'}, from "
        f"{organisation.name if organisation else 'a member organisation'}) is waiting for the "
        f"coachee to choose {_CHOOSING[stage]}: they were reminded at the programme's "
        "deadline and still haven't chosen. `coachpool requests` lists it."
    )
    told = Text(
        "You haven't chosen yet, so I've let the pool coordinators know: one of them may get in "
        "touch to help. Say 'my requests' to see where things are, or to withdraw."
    )
    coordinators = store.list_people(Role.COORDINATOR)
    return Outcome((told,), outgoing=tuple(Outgoing(c.id, (note,)) for c in coordinators))


def coachee_nudge_until(services: Services, message: OutboxMessage) -> Deadline | None:
    """A nudge to choose by a time that has already passed would promise what happened."""
    moves_on = datetime.fromisoformat(str(message.payload["moves_on_at"]))
    return Deadline(moves_on, f"the coachee's time to choose ran out at {stamp(moves_on)}")
