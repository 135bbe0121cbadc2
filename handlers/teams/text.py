"""What a person typed, without Teams' markup."""

from __future__ import annotations

import html
import re

from microsoft_teams.api.activities.message import MessageActivity

_TAG = re.compile(r"<[^>]+>")


def typed_text(activity: MessageActivity) -> str:
    """Mentions of the bot removed, HTML tags dropped, entities decoded."""
    activity.strip_mentions_text()
    return html.unescape(_TAG.sub(" ", activity.text or "")).strip()
