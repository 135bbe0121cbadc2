"""A coach's online meeting room: a web link we can safely put in a message and an invite."""

from __future__ import annotations

from urllib.parse import urlsplit


def meeting_link(text: str) -> str:
    """The link, tidied; ValueError with a plain reason if it isn't one we can use."""
    link = text.strip().strip("<>")
    parts = urlsplit(link)
    unsafe = any(c.isspace() or not c.isprintable() or c in '"<>' for c in link)
    if parts.scheme != "https" or not parts.netloc or unsafe or len(link) > 500:
        raise ValueError(f"'{text.strip()[:80]}' is not a web link starting https://")
    return link
