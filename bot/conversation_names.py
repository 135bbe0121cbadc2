"""Every conversation's name: one StrEnum per slice that holds the conversation.

A conversation is started from other slices and from the kernel (a button of engagements
opens a coach's availability, safeguarding starts the intake afresh), and a slice never
imports another, so the names live here, as the button verbs do (bot/verbs.py). Each
slice registers its conversations with its own enum (`registry.add_conversations(
CoachConversation, ...)`, which checks at start-up that every name has its conversation).
The names are stored in people's conversation state, so they never change.
"""

from __future__ import annotations

from enum import StrEnum


class RequestConversation(StrEnum):
    """Held by bot/requests."""

    INTAKE = "intake"
    CHANGE_REQUEST = "change_request"


class BookingConversation(StrEnum):
    """Held by bot/booking: the asked coach's answer."""

    PROPOSE_TIMES = "propose_times"
    DECLINE_REASON = "decline_reason"


class EngagementConversation(StrEnum):
    """Held by bot/engagements."""

    SCHEDULE_SESSION = "schedule_session"


class CoachConversation(StrEnum):
    """Held by bot/coaches."""

    AVAILABILITY = "availability"
    PAUSE = "pause"
    MEETING_LINK = "meeting_link"
    COACH_PROFILE = "coach_profile"


class AftercareConversation(StrEnum):
    """Held by bot/aftercare."""

    SESSION_THEMES = "session_themes"
