"""What the requests slice answers: the intake and change-request conversations, the
request form that starts intake all at once, and the request's own buttons (see, change or
withdraw a request, the shortlist); in words, a request for coaching, 'my requests',
'back', 'cancel' or 'help' at a shortlist, and coordinators' 'waiting'; on the home
surface, a coachee's requests and the requests waiting for a coach; and, when another slice
says so, a fresh shortlist for a request back to choosing, or the waiting list matched again
when a place frees."""

from __future__ import annotations

from bot.conversation_names import RequestConversation
from bot.events import PlaceFreed, RequestBackToChoosing
from bot.help_text import may_see_figures
from bot.messages import Outcome
from bot.registry import (
    Audience,
    Before,
    Command,
    Context,
    Door,
    FormRoute,
    HomePlace,
    HomeSection,
    Registry,
    phrases,
)
from bot.replies import Reply, Text
from bot.requests import listing, request_actions, waiting_requests
from bot.requests.at_shortlist import at_the_shortlist
from bot.requests.change_request import CHANGE
from bot.requests.forms import RequestForm
from bot.requests.intake import INTAKE
from bot.requests.one_request import start_intake
from bot.requests.shortlist import offer_shortlist
from bot.requests.waitlist import rematch_waiting
from bot.safeguarding import FORM_NOT_SAVED
from bot.verbs import RequestVerb


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
    _register_words_and_home(registry)


def _offer_again(bot: Door, event: RequestBackToChoosing) -> Outcome:
    """The coachee's shortlist afresh (or the waiting-list news), for the publisher to send."""
    return offer_shortlist(bot.services, event.request)


def _rematch(bot: Door, event: PlaceFreed) -> Outcome:
    """Each waiting request that now has a place and a coach is offered a shortlist: news."""
    return Outcome(outgoing=rematch_waiting(bot.services))


def _register_words_and_home(registry: Registry) -> None:
    registry.add_request_starter(start_intake)
    registry.add_typed_answer(Before.GREETINGS, at_the_shortlist)
    registry.add_command(Command(phrases(("", "my "), ("request", "requests", "status")), _mine))
    registry.add_command(
        Command(frozenset({"waiting", "pipeline", "waiting requests", "queue"}), _waiting)
    )
    registry.add_home_section(
        HomePlace.REQUESTS, HomeSection("Your requests", Audience.EVERYONE, listing.requests)
    )
    # The home's list does not say why each waits (a re-match each): 'waiting' does.
    registry.add_home_section(
        HomePlace.WAITING, HomeSection("", Audience.FIGURES, _waiting_without_reasons)
    )


def _mine(ctx: Context, text: str) -> Outcome:
    return listing.requests(ctx)


def _waiting(ctx: Context, text: str) -> Outcome | None:
    if not may_see_figures(ctx.person):
        return None
    return waiting_requests.waiting_requests(ctx.services, ctx.person)


def _waiting_without_reasons(ctx: Context) -> Outcome:
    # Titled "N requests waiting": no heading above it.
    return waiting_requests.waiting_requests(ctx.services, ctx.person, reasons=False)


def _intake_form(ctx: Context, form: dict[str, str]) -> Outcome | None:
    if ctx.incoming.token != RequestForm.INTAKE:
        return None
    # The intake form starts a request afresh, whatever was under way.
    ctx.services.store.clear_conversation(ctx.person.id, ctx.incoming.channel)
    return start_intake(ctx)


def _intake_again(ctx: Context, token: str) -> tuple[Reply, ...]:
    if token not in {"", RequestForm.INTAKE}:
        return (Text(FORM_NOT_SAVED),)
    return (
        Text(
            f"{FORM_NOT_SAVED} You can fill in the request form again when you're "
            "ready, or say 'coaching' and I'll ask one question at a time."
        ),
    )
