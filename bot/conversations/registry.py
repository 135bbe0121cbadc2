"""Every conversation the core knows, by name."""

from __future__ import annotations

from bot.conversations.availability import AVAILABILITY, MEETING_LINK, PAUSE
from bot.conversations.change_request import CHANGE
from bot.conversations.coach_profile import COACH_PROFILE
from bot.conversations.engine import Conversation
from bot.conversations.intake import INTAKE
from bot.conversations.propose_times import PROPOSE_TIMES
from bot.conversations.reason import DECLINE_REASON
from bot.conversations.schedule_session import SCHEDULE_SESSION
from bot.conversations.themes import THEMES_CONVERSATION

CONVERSATIONS: dict[str, Conversation] = {
    c.name: c
    for c in (
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
    )
}
