"""What the coaches slice answers: a coach's profile buttons, and the availability, pause,
meeting link and profile conversations."""

from __future__ import annotations

from bot.coaches import profile_actions
from bot.coaches.availability import AVAILABILITY, MEETING_LINK, PAUSE
from bot.coaches.coach_profile import COACH_PROFILE
from bot.conversation_names import CoachConversation
from bot.registry import Registry
from bot.verbs import CoachVerb


def register(registry: Registry) -> None:
    registry.add_verbs(CoachVerb, profile_actions.ACTIONS)
    registry.add_conversations(
        CoachConversation, (AVAILABILITY, PAUSE, MEETING_LINK, COACH_PROFILE)
    )
