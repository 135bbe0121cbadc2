"""Text between the core and Slack: escaping what we send, unwrapping what people type.

Slack's mrkdwn treats `&`, `<` and `>` as control characters, and `*`, `_`, `~` and backticks
as formatting: everything the core writes (much of it typed by someone else) is plain text,
so all of them are neutralised and the text shows exactly as written.
"""

from __future__ import annotations

import re

from handlers.slack.limits import size

# mrkdwn has no escape for *bold*, _italic_, ~strike~ and `code`: a marker only counts on a
# word's edge and when it touches the word, so a zero-width space beside every marker on a
# word's edge stops it (markers inside a word, as in first_last@x.org, never format).
ZERO_WIDTH_SPACE = "\u200b"
_FORMATTING = re.compile(r"(?<!\w)[*_~`]+|[*_~`]+(?!\w)")
_QUOTE = re.compile(r"^(?=&gt;)", flags=re.MULTILINE)  # "> " starts a block quote
_LINK = re.compile(r"<(?:mailto:)?([^<>|]+)\|([^<>]*)>|<(?:mailto:)?([^<>|]+)>")


def escape(text: str) -> str:
    """Plain text as mrkdwn that shows exactly that text: `&`, `<` and `>` escaped (so
    nothing becomes a mention, a channel or a link), and formatting neutralised."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = _QUOTE.sub(ZERO_WIDTH_SPACE, escaped)
    return _FORMATTING.sub(lambda m: f"{ZERO_WIDTH_SPACE}{m.group()}{ZERO_WIDTH_SPACE}", escaped)


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
