"""What the engagements slice answers: the session and engagement buttons, the ones that
ask before cancelling, ending or withdrawing, the line manager's approval, held and missed
sessions, and the conversation that schedules a session."""

from __future__ import annotations

from bot.conversation_names import EngagementConversation
from bot.engagements import confirm_first, engagement_actions, missed_sessions, sponsor
from bot.engagements.schedule_session import SCHEDULE_SESSION
from bot.registry import Registry
from bot.verbs import EngagementVerb


def register(registry: Registry) -> None:
    registry.add_verbs(
        EngagementVerb,
        engagement_actions.ACTIONS,
        confirm_first.ACTIONS,  # asks before cancelling, ending or withdrawing
        sponsor.ACTIONS,
        missed_sessions.ACTIONS,
    )
    registry.add_conversations(EngagementConversation, (SCHEDULE_SESSION,))
