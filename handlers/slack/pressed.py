"""After a press, the pressed message shows what happened instead of its buttons, as Teams
does with its card refresh, so an answered question can't be pressed again by mistake.

Done with `chat.update` on the message, not its `response_url`: a response URL lasts 30
minutes and five uses, and a coach may answer a day later. A form answered in a modal is
marked when it is submitted: the message is read back with `conversations.history`
(`im:history`), since a view submission doesn't carry it. Marking is best effort: a message
left with its buttons does no harm, a later press on it is answered politely.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from slack_sdk.web import WebClient

from bot.ports.notifier import DeliveryError
from handlers.slack import limits
from handlers.slack.blocks import Block, context
from handlers.slack.bodies import as_dict, as_text
from handlers.slack.text import ZERO_WIDTH_SPACE, from_slack
from handlers.slack.webapi import SlackApi

log = logging.getLogger("coachpool.slack")
# What a question's answer takes away: its buttons and the fields of a form in a message.
_ANSWERABLE = frozenset({"actions", "input"})


@dataclass(frozen=True)
class PressedMessage:
    """A message of ours in a conversation, as Slack showed it."""

    channel: str
    ts: str
    blocks: tuple[Block, ...] = ()

    @classmethod
    def from_press(cls, body: dict[str, Any]) -> PressedMessage | None:
        """The message a `block_actions` press came from; None on the Home tab, in a
        modal or on an ephemeral message (which can't be updated)."""
        container = as_dict(body.get("container"))
        if container.get("type") != "message" or container.get("is_ephemeral"):
            return None
        return cls._of(
            as_text(container.get("channel_id")),
            as_text(container.get("message_ts")),
            as_dict(body.get("message")).get("blocks"),
        )

    @classmethod
    def _of(cls, channel: str, ts: str, blocks: Any) -> PressedMessage | None:
        if not channel or not ts:
            return None
        shown = [b for b in blocks if isinstance(b, dict)] if isinstance(blocks, list) else []
        return cls(channel, ts, tuple(shown))


def pressed_label(message: PressedMessage | None, *, block_id: str, label: str) -> str:
    """What the person chose, in words: a "Choose" button beside a section stands for the
    section's first line (a coach's name, a programme)."""
    if message is None:
        return label
    block = next((b for b in message.blocks if b.get("block_id") == block_id), None)
    if block is None or "accessory" not in block:
        return label
    shown = from_slack(as_text(as_dict(block.get("text")).get("text")))
    first = shown.splitlines()[0] if shown.strip() else ""
    words = first.replace(ZERO_WIDTH_SPACE, "").replace("*", "").strip()
    return words or label


def chosen(label: str) -> str:
    return f"✓ You chose: {' '.join(label.split())}" if label.strip() else "✓ Answered"


def sent(title: str) -> str:
    return f"✓ You sent: {' '.join(title.split())}" if title.strip() else "✓ Sent"


def answered_blocks(blocks: Sequence[Block], line: str) -> list[Block]:
    """The message without what answered it (buttons, a form's fields), and `line`."""
    kept = [
        {k: v for k, v in block.items() if k != "accessory"}
        for block in blocks
        if block.get("type") not in _ANSWERABLE
    ]
    return [*kept[: limits.MESSAGE_BLOCKS - 1], context(line)]


def mark_answered(api: SlackApi, client: WebClient, message: PressedMessage, line: str) -> None:
    try:
        api.call(
            client.chat_update,
            channel=message.channel,
            ts=message.ts,
            text=line,
            blocks=answered_blocks(message.blocks, line),
        )
    except DeliveryError as error:
        log.warning("pressed message left as it was: %s", error.reason)


def read_back(api: SlackApi, client: WebClient, *, channel: str, ts: str) -> PressedMessage | None:
    """Our message at `ts` in `channel`, or None if Slack won't say."""
    try:
        found = api.call(
            client.conversations_history,
            channel=channel,
            latest=ts,
            oldest=ts,
            inclusive=True,
            limit=1,
        )
    except DeliveryError as error:
        log.warning("answered message not read back: %s", error.reason)
        return None
    messages = found.get("messages")
    first = messages[0] if isinstance(messages, list) and messages else {}
    if not isinstance(first, dict) or as_text(first.get("ts")) != ts:
        return None
    return PressedMessage._of(channel, ts, first.get("blocks"))
