"""Text between the core and Slack: escaping what we send, unwrapping what people type.

Slack's mrkdwn treats `&`, `<` and `>` as control characters; everything else the core
writes (bullets, quotes) shows as it is.
"""

from __future__ import annotations

import re

from handlers.slack.limits import size

_LINK = re.compile(r"<(?:mailto:)?([^<>|]+)\|([^<>]*)>|<(?:mailto:)?([^<>|]+)>")


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escaped_size(text: str) -> int:
    """How long `text` is once escaped: what Slack's limits count for mrkdwn."""
    return size(escape(text))


def bold(text: str) -> str:
    """Bold in mrkdwn; the text is escaped and kept to one line."""
    flat = " ".join(text.split())
    return f"*{escape(flat)}*" if flat else ""


def from_slack(text: str) -> str:
    """What a person typed, as plain text: links and mentions unwrapped, entities decoded."""
    text = _LINK.sub(lambda m: m.group(2) or m.group(1) or m.group(3) or "", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()
