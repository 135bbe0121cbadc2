"""`back`, `cancel` and `help` said while a shortlist waits for the coachee's choice.

The shortlist is not a conversation (its buttons work whenever they are pressed), so these
words are read here: help explains the choice, back returns to the request to change it,
cancel asks whether to withdraw it (that question is the confirmation `confirm_first` asks).
Registered as the typed answer tried before greetings and commands (`Before.GREETINGS`), so
'help' here explains the choice rather than everything.
"""

from __future__ import annotations

from bot.actions import action_value
from bot.choosing import shortlist_choices
from bot.conversation_names import RequestConversation
from bot.domain import RequestState
from bot.engine import BACK_WORDS, CANCEL_WORDS, HELP_WORDS
from bot.help_text import help_text
from bot.messages import Outcome
from bot.registry import Context
from bot.replies import Choice, Choices, Text
from bot.requests.amend import request_data
from bot.verbs import EngagementVerb, RequestVerb


def at_the_shortlist(ctx: Context, text: str) -> Outcome | None:
    """The answer to back / cancel / help when a shortlist is waiting; None otherwise."""
    said = text.lower().strip(" .!")
    if said not in CANCEL_WORDS | BACK_WORDS | HELP_WORDS:
        return None
    store = ctx.services.store
    waiting = store.list_requests(coachee_id=ctx.person.id, states=[RequestState.SHORTLISTED])
    if not waiting:
        return None
    request = max(waiting, key=lambda r: (r.updated_at or r.created_at, r.id))
    if said in BACK_WORDS:
        lead = Outcome((Text("Here's your request: change any part and I'll look again."),))
        return lead + ctx.start(RequestConversation.CHANGE_REQUEST, **request_data(request))
    if said in CANCEL_WORDS:
        ask = Choices(
            f"Would you like to withdraw your coaching request (reference {request.id})? "
            "No coach has been asked yet, so no one else needs telling.",
            (
                Choice(
                    "Withdraw my request",
                    action_value(EngagementVerb.WITHDRAW_YES, request.id),
                    style="danger",
                ),
                Choice("Keep it", action_value(RequestVerb.SHORTLIST, request.id)),
            ),
        )
        return Outcome((ask,))
    explain = Text(
        f"You're choosing a coach for your request (reference {request.id}). Pick one and "
        "I'll ask them for a time; 'None of these suit me' looks for others. Say 'back' to "
        "change your request, or 'cancel' to withdraw it."
    )
    entries = store.get_shortlist(request.id)
    everything = Text(help_text(ctx.person))
    return Outcome((explain, shortlist_choices(ctx.services, request.id, entries), everything))
