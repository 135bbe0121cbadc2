"""Recognising the core's "nothing changed" answers to a button, so they can be shown
only to the presser (ephemeral) instead of joining the conversation.

The core has no marker for these yet, so they are recognised by their opening words;
see the report to the lead: an explicit flag on `Outcome` would replace this list.
"""

from __future__ import annotations

from bot.coaching.booking import GONE
from bot.coaching.engagement_actions import OLD
from bot.messages import Outcome
from bot.replies import Text

OPENINGS = (
    "That button belongs to ",  # an earlier question, or a conversation that has finished
    "Sorry, I can't find that",
    "Sorry, that button is from an older version",
    "Sorry, I couldn't read that button",
    "That coach isn't on your current shortlist",
    "Sorry, that coach is no longer available",
    "That time is no longer on offer",
    "Sorry, that approval isn't yours",
    "You've already answered this one",
    "That request isn't open any more",
    "That coaching has already ended",
    "This coaching isn't active",
    "Only the coach can record",
    GONE,
    OLD,
)


def is_refusal(outcome: Outcome) -> bool:
    if outcome.outgoing or not outcome.replies:
        return False
    first = outcome.replies[0]
    return isinstance(first, Text) and first.text.startswith(OPENINGS)
