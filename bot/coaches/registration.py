"""What the coaches slice answers: a coach's profile buttons, and the availability, pause,
meeting link and profile conversations; in words, a coach's 'profile'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.coaches import profile_actions
from bot.coaches.availability import AVAILABILITY, MEETING_LINK, PAUSE
from bot.coaches.coach_profile import COACH_PROFILE
from bot.conversation_names import CoachConversation
from bot.domain import Person, Role
from bot.messages import Outcome
from bot.registry import Command, Registry, phrases
from bot.verbs import CoachVerb

if TYPE_CHECKING:
    from bot.app import CoachingBot


def register(registry: Registry) -> None:
    registry.add_verbs(CoachVerb, profile_actions.ACTIONS)
    registry.add_conversations(
        CoachConversation, (AVAILABILITY, PAUSE, MEETING_LINK, COACH_PROFILE)
    )
    words = phrases(("", "my "), ("", "coach ", "coaching "), ("profile",))
    registry.add_command(Command(words, _profile))


def _profile(bot: CoachingBot, person: Person, text: str) -> Outcome | None:
    if Role.COACH not in person.roles:
        return None
    return profile_actions.profile(bot.services, person)
