"""Core replies as Teams message activities.

Only text: one plain message. Anything richer: one Adaptive Card for the whole turn. Each
file (the .ics invite) follows as its own file-consent card, the one way a bot hands a
file to someone in a personal chat (see files.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from microsoft_teams.api.activities.message import MessageActivityInput
from microsoft_teams.cards import AdaptiveCard

from bot.replies import Attachment, Card, Choices, Form, Reply, Text
from handlers.teams.cards import file_note, reply_card
from handlers.teams.files import file_offer
from handlers.teams.summary import summarised


def render_activities(replies: Sequence[Reply]) -> list[MessageActivityInput]:
    """Everything a turn's replies become, in the order to send them."""
    return ([main_message(replies)] if replies else []) + file_offers(replies)


def main_message(replies: Sequence[Reply]) -> MessageActivityInput:
    """Files are announced here and offered in messages of their own."""
    plain = [r for r in replies if isinstance(r, Text | Attachment)]
    if len(plain) == len(replies):
        lines = [line for r in plain for line in _text(r).splitlines() if line.strip()]
        # Markdown joins single newlines; a blank line between lines keeps the bot's breaks.
        return MessageActivityInput(text="\n\n".join(lines), text_format="markdown")
    return summarised(summary_of(replies)).add_card(reply_card(replies))


def update_card(replies: Sequence[Reply]) -> AdaptiveCard:
    """What replaces a pressed card: the whole turn (its files follow separately)."""
    return reply_card(replies)


def file_offers(replies: Sequence[Reply]) -> list[MessageActivityInput]:
    return [file_offer(r) for r in replies if isinstance(r, Attachment)]


def _text(reply: Text | Attachment) -> str:
    return reply.text if isinstance(reply, Text) else file_note(reply)


def summary_of(replies: Sequence[Reply]) -> str:
    """The line a notification shows for a card."""
    for reply in replies:
        if isinstance(reply, Text) and reply.text.strip():
            return reply.text.strip().splitlines()[0][:200]
        if isinstance(reply, Card | Form):
            return reply.title[:200]
        if isinstance(reply, Choices):
            return reply.prompt.strip().splitlines()[0][:200]
    return "A message from the coaching pool"
