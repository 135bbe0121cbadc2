"""Block Kit elements, each built within Slack's limits whatever it is given."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from handlers.slack import limits
from handlers.slack.limits import cut, pages
from handlers.slack.payloads import button_value
from handlers.slack.text import escape, escaped_size

Block = dict[str, Any]


def plain(text: str, limit: int) -> dict[str, Any]:
    # plain_text may not be empty.
    return {"type": "plain_text", "text": cut(text.strip() or "…", limit), "emoji": True}


def mrkdwn(text: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": text}


def sections(text: str) -> list[Block]:
    """Plain `text` as one section per 3,000 escaped characters; nothing for no text."""
    if not text.strip():
        return []
    return [
        {"type": "section", "text": mrkdwn(escape(page))}
        for page in pages(text.strip(), limits.SECTION_TEXT, measure=escaped_size)
        if page.strip()
    ]


def labelled(label: str, body: str, *, limit: int) -> str:
    """'*Label*' over the escaped body, the whole within `limit`."""
    head = f"*{escape(cut(' '.join(label.split()), 200))}*" if label.strip() else ""
    room = limit - limits.size(head) - 1
    text = escape(cut(body, room, measure=escaped_size)) if body else ""
    return "\n".join(part for part in (head, text) if part) or "…"


def header(text: str) -> list[Block]:
    if not text.strip():
        return []
    return [{"type": "header", "text": plain(text, limits.HEADER_TEXT)}]


def context(text: str) -> Block:
    return {
        "type": "context",
        "elements": [mrkdwn(escape(cut(text, limits.CONTEXT_TEXT, measure=escaped_size)))],
    }


def button(*, label: str, value: str, token: str, action_id: str, style: str = "") -> Block | None:
    payload = button_value(value, token)
    if payload is None:
        return None
    element: Block = {
        "type": "button",
        "text": plain(label, limits.BUTTON_TEXT),
        "action_id": action_id,
        "value": payload,
    }
    if style in {"primary", "danger"}:
        element["style"] = style
    return element


def actions(elements: Sequence[Block]) -> list[Block]:
    """Buttons in as many actions blocks as Slack's 25-per-block limit needs."""
    size = limits.ACTIONS_ELEMENTS
    return [
        {"type": "actions", "elements": list(elements[i : i + size])}
        for i in range(0, len(elements), size)
    ]
