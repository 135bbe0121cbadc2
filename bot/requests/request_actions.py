"""Buttons on a coachee's own request: change it, meet online to widen the choice, and
back to the shortlist."""

from __future__ import annotations

import dataclasses

from bot.actions import Action
from bot.choosing import shortlist_choices
from bot.conversation_names import RequestConversation
from bot.domain import CoachingRequest, Format, RequestState
from bot.messages import Outcome, refusal
from bot.registry import Context, VerbHandler
from bot.requests.amend import amend_request, changeable_request, request_data
from bot.verbs import RequestVerb


def change(ctx: Context, action: Action) -> Outcome:
    request = changeable_request(ctx.services, ctx.person, action.int_arg(0))
    if isinstance(request, Outcome):
        return request
    return ctx.start(RequestConversation.CHANGE_REQUEST, **request_data(request))


def include_online(ctx: Context, action: Action) -> Outcome:
    """The bot's suggestion taken: online sessions as well as in person."""

    def widen(request: CoachingRequest) -> CoachingRequest:
        return dataclasses.replace(request, format=Format.EITHER)

    return amend_request(ctx.services, ctx.person, action.int_arg(0), widen)


def show_shortlist(ctx: Context, action: Action) -> Outcome:
    store = ctx.services.store
    request = store.get_request(action.int_arg(0))
    if request is None or request.coachee_id != ctx.person.id:
        return refusal("Sorry, I can't find that request.")
    if request.state is not RequestState.SHORTLISTED:
        return refusal("That request has moved on since, so there's no shortlist to show.")
    entries = store.get_shortlist(request.id)
    return Outcome((shortlist_choices(ctx.services, request.id, entries),))


ACTIONS: dict[RequestVerb, VerbHandler] = {
    RequestVerb.CHANGE: change,
    RequestVerb.ONLINE: include_online,
    RequestVerb.SHORTLIST: show_shortlist,
}
