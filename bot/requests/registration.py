"""What the requests slice answers: the intake and change-request conversations, the
request form that starts intake all at once, and the request's own buttons (see, change or
withdraw a request, the shortlist); and, when another slice says so, a fresh shortlist for a
request back to choosing, or the waiting list matched again when a place frees."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.conversation_names import RequestConversation
from bot.domain import Person
from bot.events import PlaceFreed, RequestBackToChoosing
from bot.messages import Incoming, Outcome
from bot.registry import FormRoute, Registry
from bot.replies import Reply, Text
from bot.requests import request_actions
from bot.requests.change_request import CHANGE
from bot.requests.forms import RequestForm
from bot.requests.intake import INTAKE
from bot.requests.one_request import start_intake
from bot.requests.shortlist import offer_shortlist
from bot.requests.waitlist import rematch_waiting
from bot.safeguarding import FORM_NOT_SAVED
from bot.services import Services
from bot.verbs import RequestVerb

if TYPE_CHECKING:
    from bot.app import CoachingBot


def register(registry: Registry) -> None:
    registry.add_verbs(RequestVerb, request_actions.ACTIONS)
    registry.add_conversations(RequestConversation, (INTAKE, CHANGE))
    registry.add_forms(
        RequestForm,
        {
            RequestForm.INTAKE: FormRoute(
                submit=_intake_form, again=_intake_again, starts_request=True
            )
        },
    )
    registry.subscribe(RequestBackToChoosing, _offer_again)
    registry.subscribe(PlaceFreed, _rematch)


def _offer_again(bot: CoachingBot, event: RequestBackToChoosing) -> Outcome:
    """The coachee's shortlist afresh (or the waiting-list news), for the publisher to send."""
    return offer_shortlist(bot.services, event.request)


def _rematch(bot: CoachingBot, event: PlaceFreed) -> Outcome:
    """Each waiting request that now has a place and a coach is offered a shortlist: news."""
    return Outcome(outgoing=rematch_waiting(bot.services))


def _intake_form(
    bot: CoachingBot, person: Person, incoming: Incoming, form: dict[str, str]
) -> Outcome | None:
    if incoming.token != RequestForm.INTAKE:
        return None
    # The intake form starts a request afresh, whatever was under way.
    bot.services.store.clear_conversation(person.id, incoming.channel)
    return start_intake(bot, person, incoming)


def _intake_again(services: Services, person: Person, token: str) -> tuple[Reply, ...]:
    if token not in {"", RequestForm.INTAKE}:
        return (Text(FORM_NOT_SAVED),)
    return (
        Text(
            f"{FORM_NOT_SAVED} You can fill in the request form again when you're "
            "ready, or say 'coaching' and I'll ask one question at a time."
        ),
    )
