"""The notification line of a message."""

from __future__ import annotations

from microsoft_teams.api.activities.message import MessageActivityInput


def summarised(summary: str) -> MessageActivityInput:
    """An empty message whose notification reads `summary` instead of "sent a card".
    (`summary` is an activity field the SDK's input model leaves out; the model keeps
    unknown fields as given.)"""
    return MessageActivityInput.model_validate({"summary": summary[:200]})
