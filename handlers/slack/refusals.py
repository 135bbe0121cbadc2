"""Recognising the core's "nothing changed" answers to a button, so they can be shown
only to the presser (ephemeral) instead of joining the conversation."""

from __future__ import annotations

from bot.messages import Outcome


def is_refusal(outcome: Outcome) -> bool:
    return outcome.refused and not outcome.outgoing and bool(outcome.replies)
