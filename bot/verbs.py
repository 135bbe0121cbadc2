"""The button vocabulary: one StrEnum per slice that answers the verb.

Buttons cross slices (a session card built in the kernel, shown by booking and aftercare,
carries engagements' reschedule and cancel), so a slice never imports another slice's verbs:
they all live here, grouped by the slice that answers them, and each slice registers its
handlers with its own enum (`registry.add_verbs(EngagementVerb, ACTIONS)`, which checks at
start-up that every member is answered, once). The values are on buttons already sent, so
they never change; a verb no longer answered is removed, and its old buttons get the polite
'older version' reply.
"""

from __future__ import annotations

from enum import StrEnum


class RequestVerb(StrEnum):
    """Answered by bot/requests: changing a request, the shortlist."""

    CHANGE = "change"
    ONLINE = "online"
    SHORTLIST = "shortlist"


class BookingVerb(StrEnum):
    """Answered by bot/booking: the coachee's choice and the coach's answer."""

    CHOOSE = "choose"
    NONE = "none"
    ACCEPT = "accept"
    PICK = "pick"
    DECLINE = "decline"
    PROPOSE = "propose"


class EngagementVerb(StrEnum):
    """Answered by bot/engagements: sessions, ending things, sponsors."""

    AVAILABILITY = "availability"
    MEETING_LINK = "meeting_link"
    PAUSE = "pause"
    RESUME = "resume"
    BOOK = "book"
    RESCHEDULE = "reschedule"
    HELD = "held"
    NO_SHOW = "noshow"
    COACH_MISSED = "coachmissed"
    NOT_HAPPENED = "nothappened"
    # Ending things asks first ('withdraw'), then does it ('withdraw_yes'), or keeps it.
    WITHDRAW = "withdraw"
    WITHDRAW_YES = "withdraw_yes"
    END = "end"
    END_YES = "end_yes"
    CANCEL = "cancel"
    CANCEL_YES = "cancel_yes"
    KEEP = "keep"
    # The line manager's approval.
    APPROVE = "approve"
    REFUSE = "refuse"


class CoachVerb(StrEnum):
    """Answered by bot/coaches: a coach's profile."""

    PROFILE_EDIT = "profile_edit"


class AftercareVerb(StrEnum):
    """Answered by bot/aftercare: the feedback and final-evaluation forms."""

    FEEDBACK = "feedback"
    EVALUATE = "evaluate"


# Every verb the core answers, for the registry's check (tests/test_registry.py).
VOCABULARIES: tuple[type[StrEnum], ...] = (
    RequestVerb,
    BookingVerb,
    EngagementVerb,
    CoachVerb,
    AftercareVerb,
)
