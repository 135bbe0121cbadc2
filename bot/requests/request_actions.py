"""Buttons on a coachee's own request: change it, meet online to widen the choice, and
back to the shortlist."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from bot.actions import Action, Verb
from bot.choosing import shortlist_choices
from bot.domain import CoachingRequest, Format, Person, RequestState
from bot.messages import Incoming, Outcome, refusal
from bot.registry import VerbHandler
from bot.requests.amend import CHANGE_REQUEST, amend_request, changeable_request, request_data

if TYPE_CHECKING:
    from bot.app import CoachingBot


def change(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    request = changeable_request(bot.services, person, action.int_arg(0))
    if isinstance(request, Outcome):
        return request
    return bot.start(CHANGE_REQUEST, person, incoming, **request_data(request))


def include_online(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    """The bot's suggestion taken: online sessions as well as in person."""

    def widen(request: CoachingRequest) -> CoachingRequest:
        return dataclasses.replace(request, format=Format.EITHER)

    return amend_request(bot.services, person, action.int_arg(0), widen)


def show_shortlist(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    store = bot.services.store
    request = store.get_request(action.int_arg(0))
    if request is None or request.coachee_id != person.id:
        return refusal("Sorry, I can't find that request.")
    if request.state is not RequestState.SHORTLISTED:
        return refusal("That request has moved on since, so there's no shortlist to show.")
    entries = store.get_shortlist(request.id)
    return Outcome((shortlist_choices(bot.services, request.id, entries),))


ACTIONS: dict[Verb, VerbHandler] = {
    Verb.CHANGE: change,
    Verb.ONLINE: include_online,
    Verb.SHORTLIST: show_shortlist,
}
