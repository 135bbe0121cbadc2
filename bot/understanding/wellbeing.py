"""Noticing signs of risk or distress, so the bot can answer kindly and point to support.

This is the ONE list of phrases: every piece of free text a person sends is screened with
it at the door (`CoachingBot.handle`). A false alarm costs a kind word; a miss could cost
far more, so the list leans towards catching. Text that matches is never stored or passed
on, and no one is alerted: coaching is confidential, and a person in distress is pointed
to their organisation's employee assistance programme and to emergency help.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_CANT = r"(?:can'?t|cannot|can not)"
_DONT = r"(?:don'?t|do not)"
_I_AM = r"(?:i'?m|i am|im)"

# One entry per way people say it; tests/understanding/test_wellbeing.py has an example
# sentence for each.
PHRASES: tuple[str, ...] = (
    r"suicid\w*",  # suicide, suicidal thoughts
    r"kill(?:ing)? myself",
    r"top(?:ping)? myself",  # British slang for suicide
    r"(?:take|taken|taking|took) my (?:own )?life",
    r"end(?:ing)? (?:it all|my (?:own )?life|things)",
    r"(?:think|thinking|thought|thoughts) (?:of|about) ending it",
    r"(?:want|wanted|going|planning|plan) to end it",
    r"want(?:ed)? to die",
    r"wish i (?:was|were) dead",
    r"better off dead",
    r"better off without me",
    _DONT + r" want to (?:be here|live|be alive|wake up)",
    r"no (?:point|reason) (?:in )?(?:living|to live|going on|being alive|carrying on)",
    r"nothing (?:left )?to live for",
    r"(?:not|isn'?t|is not) worth living",
    r"self[- ]?harm\w*",
    r"(?:harm|hurt|cut)(?:ing)? myself",
    r"overdos\w*",
    _CANT + r" go on",
    _CANT + r" cope",
    r"not coping",
    # Not a coach turning down work ("I can't take this on"), but "... on top of everything".
    _CANT + r" take (?:(?:it|this)(?! on\b(?! top\b))|any ?more)",
    # "breaking down" as a person, not "breaking down silos" or "barriers".
    r"breaking down(?! (?:the |our |my )?(?:silos?|barriers?|walls?|tasks?|work|"
    r"projects?|problems?|goals?|costs?|data|into|of|in)\b)",
    r"falling apart",
    r"hopeless",
    r"panic attacks?",
    r"in crisis",
    r"at breaking point",
    _I_AM + r" not safe",
    _DONT + r" feel safe",
    r"not safe at home",
)

_RISK = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in PHRASES) + r")")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def normalised(text: str, *, invisible: str = "") -> str:
    """Text as the phrases are written: compatibility forms folded, invisible characters
    replaced by `invisible`, curly apostrophes straightened, lower case, single spaces."""
    folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    visible = "".join(invisible if unicodedata.category(c) == "Cf" else c for c in folded)
    return " ".join(visible.lower().split())


def shows_distress(text: str) -> bool:
    # An invisible character may stand inside a word or between two: try both readings.
    return bool(text) and any(_RISK.search(normalised(text, invisible=gap)) for gap in ("", " "))


def any_shows_distress(texts: Iterable[str]) -> bool:
    return any(shows_distress(text) for text in texts)


def support_message(*, first_name: str, eap_contact: str) -> str:
    eap = (
        eap_contact
        or "your organisation's employee assistance programme (HR can give you the number)"
    )
    greeting = (
        f"{first_name}, thank you for telling me." if first_name else "Thank you for telling me."
    )
    return (
        f"{greeting} It sounds like things are really hard right now. "
        f"Coaching isn't the right support for a crisis, but you don't have to manage this alone: "
        f"{eap}. If you are in danger or might act on thoughts of harming yourself, call 999 or "
        "Samaritans free on 116 123, any time. I haven't told anyone about this message, "
        "and I haven't kept it."
    )
