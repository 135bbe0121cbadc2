"""Buttons that carry their own meaning: 'act:<verb>:<id>[:<id>...]'.

Anything the bot sends outside a conversation turn (a shortlist, a coach's booking
request, a reminder) uses these, so a press works whenever it comes and on whichever
replica; the handler for each verb re-checks the store, so a press from an old message
or a second press changes nothing and gets a polite answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

PREFIX = "act"


class Verb(StrEnum):
    """Every button verb, by the slice that answers it (bot/assembly registers them). The
    values are on buttons already sent, so they never change; a verb no longer answered
    stays out of here and gets the polite 'older version' reply."""

    # Requests: the shortlist, the coach's answer, changing a request.
    CHOOSE = "choose"
    NONE = "none"
    ACCEPT = "accept"
    PICK = "pick"
    DECLINE = "decline"
    PROPOSE = "propose"
    CHANGE = "change"
    ONLINE = "online"
    SHORTLIST = "shortlist"
    # Engagements and sessions.
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
    # Sponsors, coaches' profiles, aftercare.
    APPROVE = "approve"
    REFUSE = "refuse"
    PROFILE_EDIT = "profile_edit"
    FEEDBACK = "feedback"
    EVALUATE = "evaluate"


@dataclass(frozen=True)
class Action:
    verb: str  # as pressed: a Verb's value, or a verb from an older version of the bot
    args: tuple[str, ...]

    def int_arg(self, index: int) -> int:
        return int(self.args[index])


def action_value(verb: Verb, *args: int | str) -> str:
    return ":".join((PREFIX, verb, *(str(a) for a in args)))


def parse_action(value: str) -> Action | None:
    parts = value.split(":")
    if len(parts) < 2 or parts[0] != PREFIX or not parts[1]:
        return None
    return Action(parts[1], tuple(parts[2:]))
