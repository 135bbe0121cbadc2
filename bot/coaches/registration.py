"""What the coaches slice answers: a coach's profile buttons, and the availability, pause,
meeting link and profile conversations."""

from __future__ import annotations

from bot.coaches import profile_actions
from bot.coaches.availability import AVAILABILITY, MEETING_LINK, PAUSE
from bot.coaches.coach_profile import COACH_PROFILE
from bot.registry import Registry


def register(registry: Registry) -> None:
    registry.add_verbs(profile_actions.ACTIONS.items())
    for conversation in (AVAILABILITY, PAUSE, MEETING_LINK, COACH_PROFILE):
        registry.add_conversation(conversation)
