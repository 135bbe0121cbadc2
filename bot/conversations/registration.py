"""Every conversation the core knows, by name, and the request form that starts intake
all at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.coaching.one_request import start_intake
from bot.conversations.availability import AVAILABILITY, MEETING_LINK, PAUSE
from bot.conversations.change_request import CHANGE
from bot.conversations.coach_profile import COACH_PROFILE
from bot.conversations.intake import INTAKE, INTAKE_FORM
from bot.conversations.propose_times import PROPOSE_TIMES
from bot.conversations.reason import DECLINE_REASON
from bot.conversations.schedule_session import SCHEDULE_SESSION
from bot.conversations.themes import THEMES_CONVERSATION
from bot.domain import Person
from bot.messages import Incoming, Outcome
from bot.registry import FormRoute, Registry
from bot.replies import Reply, Text
from bot.safeguarding import FORM_NOT_SAVED
from bot.services import Services

if TYPE_CHECKING:
    from bot.app import CoachingBot


def register(registry: Registry) -> None:
    for conversation in (
        INTAKE,
        CHANGE,
        PROPOSE_TIMES,
        DECLINE_REASON,
        SCHEDULE_SESSION,
        THEMES_CONVERSATION,
        AVAILABILITY,
        PAUSE,
        MEETING_LINK,
        COACH_PROFILE,
    ):
        registry.add_conversation(conversation)
    registry.add_form(
        INTAKE_FORM, FormRoute(submit=_intake_form, again=_intake_again, starts_request=True)
    )


def _intake_form(
    bot: CoachingBot, person: Person, incoming: Incoming, form: dict[str, str]
) -> Outcome | None:
    if incoming.token != INTAKE_FORM:
        return None
    # The intake form starts a request afresh, whatever was under way.
    bot.services.store.clear_conversation(person.id, incoming.channel)
    return start_intake(bot, person, incoming)


def _intake_again(services: Services, person: Person, token: str) -> tuple[Reply, ...]:
    if token not in {"", INTAKE_FORM}:
        return (Text(FORM_NOT_SAVED),)
    return (
        Text(
            f"{FORM_NOT_SAVED} You can fill in the request form again when you're "
            "ready, or say 'coaching' and I'll ask one question at a time."
        ),
    )
