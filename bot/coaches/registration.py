"""What the coaches slice answers: a coach's profile buttons, and the availability, pause,
meeting link and profile conversations; in words, a coach's 'profile'."""

from __future__ import annotations

from bot.coaches import profile_actions
from bot.coaches.availability import AVAILABILITY, MEETING_LINK, PAUSE
from bot.coaches.coach_profile import COACH_PROFILE
from bot.conversation_names import CoachConversation
from bot.domain import Role
from bot.messages import Outcome
from bot.registry import Command, Context, Registry, phrases
from bot.verbs import CoachVerb


def register(registry: Registry) -> None:
    registry.add_verbs(CoachVerb, profile_actions.ACTIONS)
    registry.add_conversations(
        CoachConversation, (AVAILABILITY, PAUSE, MEETING_LINK, COACH_PROFILE)
    )
    words = phrases(("", "my "), ("", "coach ", "coaching "), ("profile",))
    registry.add_command(Command(words, _profile))


def _profile(ctx: Context, text: str) -> Outcome | None:
    if Role.COACH not in ctx.person.roles:
        return None
    return profile_actions.profile(ctx.services, ctx.person)
