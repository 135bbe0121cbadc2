"""Where an input goes when no conversation is waiting for it: intents and button verbs."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.actions import Action
from bot.aftercare.evaluation_form import PREFIX as EVALUATION_FORM
from bot.aftercare.evaluation_form import submit_evaluation
from bot.aftercare.feedback_form import PREFIX as FEEDBACK_FORM
from bot.aftercare.feedback_form import submit_feedback
from bot.coaching import (
    aftercare_actions,
    booking,
    coach_profile,
    confirm_first,
    coordinator,
    engagement_actions,
    missed_sessions,
    overview,
    request_actions,
    sponsor,
)
from bot.coaching.at_shortlist import at_the_shortlist
from bot.coaching.coach_replies import answer_in_words
from bot.coaching.one_request import start_intake
from bot.conversations.intake import INTAKE_FORM
from bot.digest.dashboard_link import dashboard_link
from bot.domain import Person, Role
from bot.messages import Incoming, Outcome, refusal
from bot.replies import Text
from bot.understanding.first_message import Intent, message_intent
from bot.understanding.language import WELSH_REPLY
from bot.understanding.service_answers import answer as answer_question
from bot.understanding.service_questions import recognise as recognise_question

if TYPE_CHECKING:
    from bot.app import CoachingBot

_GREETING = re.compile(
    r"^\s*(hi|hello|hey|good (morning|afternoon|evening)|help|\?|start)\W*$", re.I
)
_SESSIONS = re.compile(r"^\s*(my )?(sessions?|bookings?|appointments?|upcoming)\W*$", re.I)
_REQUESTS = re.compile(r"^\s*(my )?(requests?|status)\W*$", re.I)
_PENDING = re.compile(r"^\s*(pending|offers?|requests? for me|inbox)\W*$", re.I)
_AVAILABILITY = re.compile(r"^\s*(my )?availability\W*$", re.I)
_DIGEST = re.compile(r"^\s*(weekly )?(digest|figures|report)( this week)?\W*$", re.I)
_DASHBOARD = re.compile(r"^\s*(the )?dashboard( link)?\W*$", re.I)
_WAITING = re.compile(r"^\s*(waiting|pipeline|waiting requests|queue)\W*$", re.I)
_PROFILE = re.compile(r"^\s*(my )?(coach(ing)? )?profile\W*$", re.I)
_APPROVALS = re.compile(r"^\s*(my |pending )?(approvals?|sponsor(ing)?)\W*$", re.I)


def route_text(bot: CoachingBot, person: Person, incoming: Incoming) -> Outcome:
    text = incoming.text.strip()
    if not text:
        return Outcome((Text(overview.help_text(person)),))
    shortlist = at_the_shortlist(bot, person, incoming)
    if shortlist is not None:
        return shortlist
    if _GREETING.match(text):
        return Outcome((Text(overview.help_text(person)),))
    aside = route_aside(bot, person, text)
    if aside is not None:
        return aside
    answered = answer_in_words(bot, person, incoming)
    if answered is not None:
        return answered
    intent = message_intent(text)
    if intent is Intent.REQUEST:
        return start_intake(bot, person, incoming)
    if intent is Intent.OTHER_LANGUAGE:
        return Outcome((Text(WELSH_REPLY),))
    return Outcome((Text("Sorry, I'm not sure what you mean. " + overview.help_text(person)),))


def route_aside(bot: CoachingBot, person: Person, text: str) -> Outcome | None:
    """What may be said anywhere, even mid-conversation: a command, or a question about
    the service (answered without starting anything); None for anything else."""
    command = route_command(bot, person, text)
    if command is not None:
        return command
    question = recognise_question(text)
    if question is None:
        return None
    programmes = bot.services.store.list_programmes()
    return Outcome((Text(answer_question(question, programmes, first_name=person.first_name)),))


def route_command(bot: CoachingBot, person: Person, text: str) -> Outcome | None:
    """The few words that mean the same wherever they are said, even mid-conversation;
    None for anything else."""
    services = bot.services
    if _SESSIONS.match(text):
        return overview.sessions(services, person)
    if _REQUESTS.match(text):
        return overview.requests(services, person)
    if _PENDING.match(text) and Role.COACH in person.roles:
        return overview.pending_offers(services, person)
    if _AVAILABILITY.match(text):
        return overview.availability(services, person)
    if _PROFILE.match(text) and Role.COACH in person.roles:
        return coach_profile.profile(services, person)
    if _DIGEST.match(text) and coordinator.may_see_figures(person):
        return coordinator.digest_now(services, person, this_week="this week" in text.lower())
    if _DASHBOARD.match(text) and coordinator.may_see_figures(person):
        return dashboard_link(services, person)
    if _WAITING.match(text) and coordinator.may_see_figures(person):
        return coordinator.waiting_requests(services, person)
    if _APPROVALS.match(text):
        return sponsor.approvals(services, person)
    return None


def route_form(
    bot: CoachingBot, person: Person, incoming: Incoming, form: dict[str, str]
) -> Outcome | None:
    """A submitted standalone form, by its token; None for a form a conversation asked for."""
    services = bot.services
    if incoming.token.startswith(FEEDBACK_FORM):
        return submit_feedback(services, person, incoming.token, form)
    if incoming.token.startswith(EVALUATION_FORM):
        return submit_evaluation(services, person, incoming.token, form)
    if incoming.token == INTAKE_FORM:
        # The intake form starts a request afresh, whatever was under way.
        services.store.clear_conversation(person.id, incoming.channel)
        return start_intake(bot, person, incoming)
    return None


def route_action(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    handler = _ACTIONS.get(action.verb)
    if handler is None:
        return refusal(
            "Sorry, that button is from an older version of me and no longer works. "
            "Say 'help' to see what you can do."
        )
    try:
        return handler(bot, person, incoming, action)
    except (ValueError, IndexError):
        return refusal("Sorry, I couldn't read that button, so I've ignored it.")


_ACTIONS = {
    **booking.ACTIONS,
    **engagement_actions.ACTIONS,
    **aftercare_actions.ACTIONS,
    **request_actions.ACTIONS,
    **sponsor.ACTIONS,
    **coach_profile.ACTIONS,
    **missed_sessions.ACTIONS,
    **confirm_first.ACTIONS,  # after engagement_actions: its asking versions replace the deeds
}
