"""Safeguarding at the door: whatever a person sends is screened before any routing.

Text that signals risk (bot/understanding/wellbeing.py) gets the kind reply and is then
dropped: it is not taken as an answer, saved in a conversation, a form or a request, nor
passed to anyone. The person may carry on: a conversation under way asks its question
again, a request for coaching starts the intake without their words, and a form can be
filled in again.
"""

from __future__ import annotations

from bot.conversation_names import RequestConversation
from bot.domain import Person
from bot.messages import Incoming, Outcome
from bot.registry import Context, Door
from bot.replies import Reply, Text
from bot.understanding.request_text import asks_for_coaching
from bot.understanding.wellbeing import any_shows_distress, support_message

FORM_NOT_SAVED = "I haven't saved that form, so nothing you wrote in it was kept or sent to anyone."
CARRY_ON = "Whenever you're ready, we can carry on where we were (or say 'cancel' to stop):"


def at_risk(incoming: Incoming) -> bool:
    """True when anything the person sent signals risk: typed text, a pressed value, or
    any field of a submitted form."""
    return any_shows_distress((incoming.text, incoming.value, *(incoming.form or {}).values()))


def answer_kindly(bot: Door, person: Person | None, incoming: Incoming) -> Outcome:
    """The kind reply, and a way to carry on that keeps nothing of what was sent."""
    if person is None or person.erased:
        return _say(support_message(first_name="", eap_contact=""))
    organisation = bot.services.store.get_organisation(person.organisation_id)
    kind = _say(
        support_message(
            first_name=person.first_name,
            eap_contact=organisation.eap_contact if organisation else "",
        )
    )
    state = bot.engine.active(person, incoming)
    if incoming.form is not None:
        kind += Outcome(_form_again(Context(bot, person, incoming)))
        route = bot.registry.form(incoming.token)
        if state is None or not incoming.token or (route is not None and route.starts_request):
            return kind
    if state is not None:
        return kind + bot.engine.ask_again(state, person=person, incoming=incoming, note=CARRY_ON)
    if asks_for_coaching(incoming.text):
        # Start the intake afresh: nothing of the risky message becomes the topic or goal.
        afresh = Incoming(person.id, incoming.channel, event_id=incoming.event_id)
        note = _say(
            "If you'd still like coaching as well, I'm happy to help; I've left out what "
            "you just wrote, so please tell me in your own time."
        )
        return kind + note + bot.start(RequestConversation.INTAKE, person, afresh)
    return kind + _say("If you'd like coaching as well, say 'coaching' whenever you're ready.")


def _form_again(ctx: Context) -> tuple[Reply, ...]:
    """Say truthfully what happened to the form, and how to fill it in again (the form's
    slice knows how: its route's `again`)."""
    token = ctx.incoming.token
    route = ctx.bot.registry.form(token)
    if route is None:
        return (Text(FORM_NOT_SAVED),)
    return route.again(ctx, token)


def _say(text: str) -> Outcome:
    return Outcome((Text(text),))
