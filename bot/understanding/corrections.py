"""A correction typed at a summary: "change the goal to feeling confident", "where things
are now: new in post", "the times should be Monday mornings", or just "change the topic".

Only names the part and keeps the person's words for it; the step that owns the part checks
the value as it would a fresh answer. A sentence naming no part is left to the caller, which
may still read it as times or a format ("actually Thursday mornings", "in person").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Each part and the words people use for it, longest first so "where things are now" wins
# over "where".
PART_WORDS: dict[str, tuple[str, ...]] = {
    "reality": (
        "where things are now",
        "where things are",
        "where i am now",
        "the situation",
        "situation",
        "background",
        "reality",
    ),
    "preferences": ("preferences", "preference", "the kind of coach", "coach i'd like"),
    "topic": ("what i'd like coaching on", "coaching on", "the topic", "topic", "subject"),
    "goal": ("the goal", "my goal", "goal", "aim", "outcome"),
    "when": ("the times", "my times", "times", "time", "when i'm free", "availability", "days"),
    "format": ("online or in person", "meeting", "format"),
    "location": ("the location", "location", "the place", "place", "where to meet", "venue"),
    "programme": ("the programme", "programme", "program"),
}

_PART = "|".join(
    re.escape(word)
    for word in sorted((w for ws in PART_WORDS.values() for w in ws), key=len, reverse=True)
)
_LEAD = r"^\s*(?:(?:no|actually|sorry|oh|and|but|please)[,.!]?\s+)*"
_CHANGE = re.compile(
    _LEAD + r"(?:can you |could you |please |i'd like to |i want to )?"
    r"(?:change|update|edit|correct|fix|make)\s+(?:the |my )?(?P<part>" + _PART + r")"
    r"(?:\s*(?:to|into|:|=|-|as|so it says|so it's)\s*(?P<value>.+))?\s*$",
    re.IGNORECASE | re.DOTALL,
)
_STATEMENT = re.compile(
    _LEAD + r"(?:the |my )?(?P<part>" + _PART + r")\s*"
    r"(?::|=|-|should be|should say|is really|is actually|is)\s*(?P<value>.+?)\s*$",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class Correction:
    part: str  # a key of PART_WORDS
    value: str  # the new words, or "" when only the part was named


def read_correction(text: str) -> Correction | None:
    """The part named and its new value, or None when the words name no part."""
    for pattern in (_CHANGE, _STATEMENT):
        found = pattern.match(text)
        if found:
            value = (found.group("value") or "").strip().strip("\"'“”").rstrip(".").strip()
            return Correction(_part_of(found.group("part")), value)
    return None


def _part_of(word: str) -> str:
    word = word.lower()
    return next(part for part, words in PART_WORDS.items() if word in words)
