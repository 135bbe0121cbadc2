"""Reading a person's first message: is it a request for coaching, and what does it say?

One reading, used by what people type (bot/overview/talk.py: start an intake or not) and
by intake (what to take without asking), so that what bench/bench_understanding.py measures
is what people get. The topic, the coach they would like, the format and their free time are
told apart within the message; a topic found only in a described situation, with no coaching
theme in it, is doubtful and is echoed back at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Final
from zoneinfo import ZoneInfo

from bot.domain.coaches import Format
from bot.domain.timewindow import TimeWindow
from bot.matching.text import STOP_WORDS
from bot.matching.topics import near_themes, themes_of
from bot.understanding.language import other_language
from bot.understanding.preferences import preferences_in
from bot.understanding.request_text import asks_for_coaching, understand_format
from bot.understanding.topic_text import find_topic
from bot.understanding.typos import with_key_words_corrected
from bot.when import parse_when


class Intent(StrEnum):
    REQUEST = "request"
    NOT_A_REQUEST = "not_a_request"
    OTHER_LANGUAGE = "other_language"


@dataclass(frozen=True)
class FirstMessage:
    """What a first message says. An empty topic means the bot asks for one; a doubtful one
    is echoed back before anything else is asked."""

    intent: Intent
    topic: str = ""
    topic_doubtful: bool = False
    preferences: str = ""
    format: Format | None = None
    windows: tuple[TimeWindow, ...] = ()


# A described situation is a request even without the word "coaching".
_SITUATION: Final = re.compile(
    r"\b(?:struggl\w*|finding it (?:hard|difficult|tough)|find it (?:hard|difficult)"
    r"|burn(?:t|ed) out|worried|overwhelmed|drowning|difficulty|dificulty|nervous|stuck"
    r"|out of my depth|get better at|work on my)\b",
    re.IGNORECASE,
)
# Someone speaking as a coach ("I'm a coach and want to update my availability").
_AS_COACH: Final = re.compile(r"\b(?:i'?m|i am|as) an? coach\b", re.IGNORECASE)
# Words that say only that the person wants coaching, not what about.
_ONLY_ASKING: Final = frozenset(
    word
    for word in (
        "manager", "said", "suggested", "told", "should", "interested", "sign", "signed", "pool",
        "request", "start", "started", "join", "book", "mentor", "mentoring", "please", "get",
        "line", "boss", "interest", "requesting", "signing", "starting", "joining", "booking",
        "suggest", "says", "say", "tell", "tells", "want", "wants", "wanted", "coach",
    )
)  # fmt: skip


def message_intent(text: str) -> Intent:
    """Whether ``text`` asks for coaching, is in another language, or is something else."""
    if other_language(text):
        return Intent.OTHER_LANGUAGE
    fixed = with_key_words_corrected(text)
    asked = find_topic(fixed).how == "asked"  # "I'd like up to 3 sessions on ..."
    if _AS_COACH.search(fixed) and not asked:
        return Intent.NOT_A_REQUEST
    if asks_for_coaching(fixed) or themes_of(fixed) or _SITUATION.search(fixed) or asked:
        return Intent.REQUEST
    return Intent.NOT_A_REQUEST


def read_first_message(text: str, *, now: datetime, tz: ZoneInfo) -> FirstMessage:
    intent = message_intent(text)
    if intent is not Intent.REQUEST:
        return FirstMessage(intent)
    fixed = with_key_words_corrected(text)
    found = find_topic(fixed)
    topic = "" if _only_asking(found.text) else found.text
    doubtful = bool(topic) and found.how == "described" and not near_themes(topic)
    rest = fixed.replace(topic, " ") if topic else fixed  # format is never read in the topic
    when = parse_when(rest, now=now, tz=tz)
    windows = when.windows if when.windows and not when.questions else ()
    return FirstMessage(
        Intent.REQUEST,
        topic,
        doubtful,
        preferences_in(rest),
        understand_format(rest),
        windows,
    )


def _only_asking(topic: str) -> bool:
    """True for "I'm interested in coaching", "my manager said I should get some coaching"."""
    words = set(re.findall(r"[a-z]+", topic.lower().replace("'", ""))) - STOP_WORDS
    return not words - _ONLY_ASKING
