"""What the coaches slice answers: a coach's profile buttons, and the availability, pause,
meeting link and profile conversations; in words, a coach's 'profile'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.coaches import profile_actions
from bot.coaches.availability import AVAILABILITY, MEETING_LINK, PAUSE
from bot.coaches.coach_profile import COACH_PROFILE
from bot.domain import Person, Role
from bot.messages import Outcome
from bot.registry import Command, Registry, phrases

if TYPE_CHECKING:
    from bot.app import CoachingBot


def register(registry: Registry) -> None:
    registry.add_verbs(profile_actions.ACTIONS.items())
    for conversation in (AVAILABILITY, PAUSE, MEETING_LINK, COACH_PROFILE):
        registry.add_conversation(conversation)
    words = phrases(("", "my "), ("", "coach ", "coaching "), ("profile",))
    registry.add_command(Command(words, _profile))


def _profile(bot: CoachingBot, person: Person, text: str) -> Outcome | None:
    if Role.COACH not in person.roles:
        return None
    return profile_actions.profile(bot.services, person)
