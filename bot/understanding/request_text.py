"""Pulling the parts of a coaching request out of one free-text sentence.

Only what is clearly there is taken; the intake conversation asks for the rest and
echoes everything back so the coachee can correct it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.coaches import Format
from bot.understanding.topic_text import find_topic

_ONLINE = re.compile(
    r"\b(onl?ine?|virtual(ly)?|remote(ly)?|video|(on|over|via) teams|teams call|zoom|by phone"
    r"|over the phone)\b",
    re.IGNORECASE,
)
_IN_PERSON = re.compile(r"\b(in[- ]person|face[- ]to[- ]face|f2f|meet(ing)? up)\b", re.IGNORECASE)
_EITHER = re.compile(
    r"\b(either( way)?|don'?t mind|no preference|online or in person|in person or online)\b",
    re.IGNORECASE,
)
# Words that ask for coaching (or help) at all, whatever the topic.
_COACHING = re.compile(r"\b(coach(ing)?|mentor(ing)?|support|help with|talk to someone)\b", re.I)
_RAPID = re.compile(r"\b(rapid|quick(ly)?|urgent(ly)?|asap|short[- ]term|a few sessions)\b", re.I)
_MENTORING = re.compile(r"\b(mentor(ing)?|councillor|member mentoring)\b", re.IGNORECASE)
_PLACE = re.compile(r"\b(?:in|at|near|around)\s+((?:[A-Z][a-z'&]+)(?:[ -][A-Z][a-z'&]+){0,2})")
_NOT_PLACES = frozenset(
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December", "The", "My", "Person", "Teams",
    }
)  # fmt: skip

_GOAL = re.compile(
    r"\b(?:so (?:that )?I (?:can|could|feel|am)|my goal is(?: to)?|I want to|"
    r"I'd like to be able to)"
    r"\s+(?P<goal>[^,.;]+)",
    re.IGNORECASE,
)
# Openers that carry no topic on their own.
_BARE_OPENERS = re.compile(
    r"^\s*(hi|hello|hey)?[,!\s]*(i'?d like|i would like|can i (get|have)|could i (get|have)|"
    r"i want|i need|looking for)?\s*(some\s+)?(coaching|a coach|mentoring|a mentor|help)?"
    r"\s*(please)?[.!?\s]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RequestText:
    topic: str = ""
    goal: str = ""
    format: Format | None = None
    location: str = ""
    programme_hint: str = ""  # "rapid-support", "member-mentoring" or ""


def understand_request(text: str) -> RequestText:
    return RequestText(
        topic=_topic(text),
        goal=_goal(text),
        format=understand_format(text),
        location=_location(text),
        programme_hint=_programme_hint(text),
    )


def understand_format(text: str) -> Format | None:
    if _EITHER.search(text):
        return Format.EITHER
    online, in_person = bool(_ONLINE.search(text)), bool(_IN_PERSON.search(text))
    if online and in_person:
        return Format.EITHER
    if online:
        return Format.ONLINE
    if in_person:
        return Format.IN_PERSON
    return None


def asks_for_coaching(text: str) -> bool:
    """True when the words ask for coaching, mentoring or support."""
    return bool(_COACHING.search(text))


def is_bare_opener(text: str) -> bool:
    """True for "coaching", "I'd like some coaching please" and the like."""
    return bool(_BARE_OPENERS.match(text))


def _topic(text: str) -> str:
    """The topic after a request phrase ("coaching on ..."), in the person's words."""
    found = find_topic(text)
    return found.text if found.how == "asked" else ""


def _goal(text: str) -> str:
    match = _GOAL.search(text)
    return _tidy(match.group("goal")) if match else ""


def _location(text: str) -> str:
    for match in _PLACE.finditer(text):
        place = match.group(1)
        if place.split()[0] not in _NOT_PLACES:
            return place
    return ""


def _programme_hint(text: str) -> str:
    if _RAPID.search(text):
        return "rapid-support"
    if _MENTORING.search(text):
        return "member-mentoring"
    return ""


def _tidy(fragment: str) -> str:
    return re.sub(r"\s+", " ", fragment).strip(" ,.;:-")
