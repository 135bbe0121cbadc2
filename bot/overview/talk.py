"""What a person types when no conversation is waiting: a greeting, a command, a question
about the service, an answer to a coach's offer in words, or a request for coaching.

Registered as the bot's `Talk` (bot/registry.py) by this slice's `register`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.booking.coach_replies import answer_in_words
from bot.coaches import profile_actions
from bot.digest.dashboard_link import dashboard_link
from bot.domain import Person, Role
from bot.engagements import sponsor
from bot.messages import Incoming, Outcome
from bot.overview import coordinator, overview
from bot.overview.at_shortlist import at_the_shortlist
from bot.replies import Text
from bot.requests.one_request import start_intake
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
        return profile_actions.profile(services, person)
    if _DIGEST.match(text) and coordinator.may_see_figures(person):
        return coordinator.digest_now(services, person, this_week="this week" in text.lower())
    if _DASHBOARD.match(text) and coordinator.may_see_figures(person):
        return dashboard_link(services, person)
    if _WAITING.match(text) and coordinator.may_see_figures(person):
        return coordinator.waiting_requests(services, person)
    if _APPROVALS.match(text):
        return sponsor.approvals(services, person)
    return None
