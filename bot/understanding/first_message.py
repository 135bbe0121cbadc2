"""Reading a person's first message: is it a request for coaching, and what does it say?

One reading, used by the router (start an intake or not) and by intake (what to take
without asking), so that what the bench measures is what people get.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.coaches import Format
from bot.matching.topics import themes_of
from bot.timewindow import TimeWindow
from bot.understanding.request_text import (
    asks_for_coaching,
    is_bare_opener,
    topic_from_sentence,
    understand_request,
)
from bot.when import parse_when


class Intent(StrEnum):
    REQUEST = "request"
    NOT_A_REQUEST = "not_a_request"
    OTHER_LANGUAGE = "other_language"


@dataclass(frozen=True)
class FirstMessage:
    """What a first message says. ``topic_doubtful`` asks the bot to echo the topic back
    at once; an empty topic means the bot asks for one."""

    intent: Intent
    topic: str = ""
    topic_doubtful: bool = False
    preferences: str = ""
    format: Format | None = None
    windows: tuple[TimeWindow, ...] = ()


def read_first_message(text: str, *, now: datetime, tz: ZoneInfo) -> FirstMessage:
    if not (asks_for_coaching(text) or themes_of(text)):
        return FirstMessage(Intent.NOT_A_REQUEST)
    understood = understand_request(text)
    topic = understood.topic
    if not topic and themes_of(text) and not is_bare_opener(text):
        topic = topic_from_sentence(text)
    when = parse_when(text, now=now, tz=tz)
    windows = when.windows if when.windows and not when.questions else ()
    return FirstMessage(Intent.REQUEST, topic, False, "", understood.format, windows)
