"""A coachee's open requests, as 'my requests' and their home surface show them: each with
its state and the buttons to change or withdraw it."""

from __future__ import annotations

from bot.actions import action_value
from bot.domain import RequestState
from bot.domain.people import zone_of
from bot.messages import Outcome
from bot.registry import Context
from bot.replies import Card, Choice, Fact, Reply, Text
from bot.requests.amend import CHANGEABLE
from bot.services import Services
from bot.text_format import local_date
from bot.verbs import EngagementVerb, RequestVerb


def requests(ctx: Context) -> Outcome:
    services, person = ctx.services, ctx.person
    store = services.store
    mine = [r for r in store.list_requests(coachee_id=person.id) if r.state.is_open]
    if not mine:
        return Outcome(
            (Text("You have no open requests. Tell me what you'd like coaching on to start one."),)
        )
    zone = zone_of(person, services.settings.pool_timezone)
    replies: list[Reply] = []
    for request in mine:
        programme = store.get_programme(request.programme_id)
        facts = [
            Fact("Programme", programme.name if programme else ""),
            Fact("Coaching on", request.topic),
            Fact("Made on", local_date(request.created_at, zone, now=services.clock.now())),
            Fact("Status", _status(services, request.state, request.chosen_coach_id)),
        ]
        change = (
            (Choice("Change it", action_value(RequestVerb.CHANGE, request.id)),)
            if request.state in CHANGEABLE
            else ()
        )
        withdraw = Choice(
            "Withdraw", action_value(EngagementVerb.WITHDRAW, request.id), style="danger"
        )
        replies.append(Card(f"Request {request.id}", tuple(facts), actions=(*change, withdraw)))
    return Outcome(tuple(replies))


def _status(services: Services, state: RequestState, coach_id: int | None) -> str:
    coach = services.store.get_person(coach_id) if coach_id else None
    return {
        RequestState.OPEN: "looking for coaches",
        RequestState.SHORTLISTED: "waiting for you to choose a coach",
        RequestState.WAITING_COACH: f"waiting for {coach.name if coach else 'the coach'} to answer",
        RequestState.WAITING_COACHEE: "waiting for you to pick one of the times "
        f"{coach.name if coach else 'your coach'} proposed",
        RequestState.WAITLISTED: "on the waiting list",
    }.get(state, state.value)
