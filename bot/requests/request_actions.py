"""Buttons on a coachee's own request: change it, meet online to widen the choice, and
back to the shortlist."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from bot.actions import Action
from bot.choosing import shortlist_choices
from bot.conversation_names import RequestConversation
from bot.domain import CoachingRequest, Format, Person, RequestState
from bot.messages import Incoming, Outcome, refusal
from bot.registry import VerbHandler
from bot.requests.amend import amend_request, changeable_request, request_data
from bot.verbs import RequestVerb

if TYPE_CHECKING:
    from bot.app import CoachingBot


def change(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    request = changeable_request(bot.services, person, action.int_arg(0))
    if isinstance(request, Outcome):
        return request
    return bot.start(RequestConversation.CHANGE_REQUEST, person, incoming, **request_data(request))


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


ACTIONS: dict[RequestVerb, VerbHandler] = {
    RequestVerb.CHANGE: change,
    RequestVerb.ONLINE: include_online,
    RequestVerb.SHORTLIST: show_shortlist,
}
