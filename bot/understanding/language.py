"""Noticing a message in a language the bot doesn't handle, so it can say so plainly.

Welsh councils are in the pool, so Welsh is recognised by its common words and answered in
English with one Welsh sentence; a few Spanish and French words are recognised too. A message
counts only when such words outnumber English function words, so an English request that
names a Welsh place or programme is still read as English.
"""

from __future__ import annotations

import re
from typing import Final

_WELSH: Final = frozenset(
    {
        "hoffwn", "hoffen", "gael", "cael", "hyfforddiant", "hyfforddi", "hyfforddwr", "mentora",
        "diolch", "fawr", "bore", "prynhawn", "noswaith", "helo", "sut", "mae", "os", "gwelwch",
        "dda", "oes", "modd", "sesiwn", "ar-lein", "arwain", "tîm", "gyda", "yn", "ydw", "dw",
        "rydw", "fy", "gen", "chi", "ti", "ac", "neu", "hefyd", "eisiau", "angen",
    }
)  # fmt: skip
_OTHER: Final = frozenset(
    {
        "gustaría", "gustaria", "recibir", "sobre", "liderazgo", "quiero", "necesito", "hola",
        "je", "voudrais", "pour", "mon", "équipe", "bonjour", "merci", "besoin", "avec",
    }
)  # fmt: skip
# Words that are never English, so one of them alone is enough.
_DISTINCTIVE: Final = frozenset(
    {"diolch", "hoffwn", "shwmae", "helo", "hyfforddiant", "gracias", "hola", "bonjour", "merci"}
)
_ENGLISH: Final = frozenset(
    {
        "i", "i'd", "i'm", "im", "id", "me", "my", "the", "a", "an", "to", "on", "with", "for",
        "and", "please", "can", "could", "would", "like", "want", "need", "is", "it", "in", "of",
        "hi", "hello", "some", "about", "help", "thanks", "you", "get", "have", "be",
    }
)  # fmt: skip
_WORD: Final = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)?")

WELSH_REPLY: Final = (
    "Sorry, I can only understand English at the moment. Please write to me in English, or "
    "ask your coaching pool coordinator, who can help in other ways.\n"
    "Mae'n ddrwg gen i, dim ond Saesneg rydw i'n ei deall ar hyn o bryd."
)


def other_language(text: str) -> bool:
    """True when ``text`` is in a language the bot doesn't handle (Welsh above all)."""
    words = [w.lower() for w in _WORD.findall(text)]
    foreign = sum(w in _WELSH or w in _OTHER for w in words)
    english = sum(w in _ENGLISH for w in words)
    alone = len(words) == 1 and words[0] in _DISTINCTIVE  # "Diolch"
    return alone or (foreign >= 2 and foreign > english)
