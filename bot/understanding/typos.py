"""Reading past typos in the words that say what a message is ("coahcing", "mentorng").

Only the few words that decide whether a message asks for coaching are corrected, and only
when the slip is small for the word's length, so ordinary words stay as they are.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from rapidfuzz.distance import DamerauLevenshtein

# The word as people mean it, and how many slips its length allows.
_KEY_WORDS: Final = (("coaching", 2), ("coach", 1), ("mentoring", 2), ("mentor", 1))
# Real words that sit close to a key word and must stay themselves.
_LEAVE: Final = frozenset(
    {"couch", "coast", "roach", "poach", "coaches", "coached", "mentors", "mentored", "mention"}
)
_WORD: Final = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=4096)
def corrected(word: str) -> str:
    """The key word ``word`` is a slip of, or ``word`` itself."""
    lower = word.lower()
    if lower in _LEAVE or len(lower) < 5:
        return word
    for key, slips in _KEY_WORDS:
        if lower == key:
            return word
        if lower[0] == key[0] and DamerauLevenshtein.distance(lower, key) <= slips:
            return key
    return word


def with_key_words_corrected(text: str) -> str:
    """``text`` with slips of the key words put right, everything else as written."""
    return _WORD.sub(lambda match: corrected(match.group()), text)
