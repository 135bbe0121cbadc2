"""Text between the core and Teams: what a person typed, without Teams' markup; and what
we show in a card, with card markdown neutralised."""

from __future__ import annotations

import html
import re

from microsoft_teams.api.activities.message import MessageActivity

_TAG = re.compile(r"<[^>]+>")
# Card TextBlocks and facts are markdown: emphasis, strike, code, links ([x](y), <url>),
# and lists at a line's start. A backslash makes each character literal.
_MARKDOWN = re.compile(r"([\\*_~`\[\]<>])")
_LIST_START = re.compile(r"^(\s*)([-+]|\d+(?=[.)]))", flags=re.MULTILINE)


def typed_text(activity: MessageActivity) -> str:
    """Mentions of the bot removed, HTML tags dropped, entities decoded."""
    activity.strip_mentions_text()
    return html.unescape(_TAG.sub(" ", activity.text or "")).strip()


def card_markdown(text: str) -> str:
    """`text` shown as written in a card: nothing in it becomes emphasis, a link or a
    list (core text is plain, and much of it was typed by someone else)."""
    escaped = _MARKDOWN.sub(r"\\\1", text)
    return _LIST_START.sub(lambda m: m.group(1) + _escape_list_marker(m.group(2)), escaped)


def _escape_list_marker(marker: str) -> str:
    # "- x" and "+ x" start bullets; "3. x" and "3) x" numbered items (the dot is kept).
    return "\\" + marker if marker in "-+" else marker + "\\"
