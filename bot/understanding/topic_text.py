"""Finding the topic in a first message, in the person's own words and casing.

In order: what follows a request phrase ("coaching on ...", "a coach to help me with ...",
"someone to talk to about ...", "It's about ..."); else a sentence saying what they want to
work on ("I'd like to get better at saying no"); else the situation they describe ("I'm
struggling to delegate"). The topic stops where the message moves on to times, format,
preferences or the request itself, so "presentation skills the 3rd at 2pm" gives
"presentation skills"; a time said after something the person is busy with ("a briefing
tomorrow") is part of the topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from bot.when.tokens import Token, tokenize
from bot.when.vocabulary import COUNT_NOUNS, EVENT_NOUNS

_LEAD: Final = re.compile(
    r"\b(?:(?:coaching|coached|mentoring|support|help|a session|sessions?|coach me|mentor me)"
    r"(?: please)?\s+(?:on|with|about|around|for|re:?|regarding|in)"
    r"|(?:coach|coaching|mentor|someone) (?:to|who can|that can|could) (?:help(?: me)?(?: with)?"
    r"|work on|support me with)|\bhelp me (?:with|on)"
    r"|(?:coach|mentor) for"
    r"|talk to about|talk to someone about|someone to talk to about"
    r"|(?:it'?s|it is|this is) (?:about|around|regarding)"
    r"|(?:coaching|topic|subject|re)(?: please)?\s*[:–-])\s+",
    re.IGNORECASE,
)
# Where a topic ends: punctuation, a courtesy, format, preference or the request itself.
_STOP: Final = re.compile(
    r"[,;.?!:]|\s[-–]\s|\b(?:please|pls|plz|asap|thanks|thank you|if possible|ideally"
    r"|preferably|online|onlin|virtually|in[- ]person|face[- ]to[- ]face|over teams|on teams"
    r"|on zoom|via teams|by phone)\b|\bso (?:that )?i\b"
    r"|\s+(?:can|could|would|will|is)\s+(?:a coach|i|someone|coaching|you|there)\b"
    r"|\s+and\s+(?:would|want|i'?d|i would|need|am looking)\b",
    re.IGNORECASE,
)
_WANT: Final = re.compile(
    r"^(?:hi|hello)?[,!\s]*(?:i'?d (?:really |love to |like to )?|i would like to |i want to "
    r"|i need to |i'?m looking to )(?=(?:get better|work on|build|improve|develop|be |become"
    r"|learn|grow|feel|handle|manage|deal))",
    re.IGNORECASE,
)
# "I lead a small team and want to become a service manager": the wish is the topic.
_INNER_WANT: Final = re.compile(
    r"\b(?:and )?(?:i )?(?:want|would like|'d like|hope) to "
    r"(?=(?:become|get better|work on|build|improve|develop|be |learn|grow|move|step))",
    re.IGNORECASE,
)
_OPENING: Final = re.compile(
    r"^(?:(?:hi|hello|hey|honestly|so|basically|well|morning|good (?:morning|afternoon))"
    r"[,!]?\s+)*(?:(?:i'?m|i am|im)\s+(?:really\s+|just\s+|currently\s+)?)?",
    re.IGNORECASE,
)
_SENTENCES: Final = re.compile(r"(?<=[.?!])\s+|\n+")
_PRONOUN: Final = re.compile(r"^(?:that|this|it|them|those)$", re.IGNORECASE)
_ENDS_WITH_PRONOUN: Final = re.compile(r"\b(?:it|them|that|this)$", re.IGNORECASE)
_TIME_KINDS: Final = frozenset(
    {"weekday", "rel", "date", "daterange", "weekref", "wc", "part", "time", "clock",
     "dotclock", "weekon", "freq", "month"}
)  # fmt: skip
_TIME_LEADS: Final = frozenset({"on", "at", "the", "this", "next", "every", "from", "between"})


@dataclass(frozen=True)
class Topic:
    text: str
    how: str  # "asked" (after a request phrase), "wanted", "described", "phrase" or ""


def find_topic(text: str) -> Topic:
    """The topic of a whole first message, with how it was found."""
    sentences = [s for s in _SENTENCES.split(text.strip()) if s.strip()]
    for index, sentence in enumerate(sentences):
        match = _LEAD.search(sentence)
        if match is None:
            continue
        rest = sentence[match.end() :]
        while (again := _LEAD.match(rest)) is not None:  # "a coach for coaching on ..."
            rest = rest[again.end() :]
        topic = cut(rest)
        if _PRONOUN.match(topic):  # "... could I get coaching on that?"
            earlier = sentence[: match.start()]
            topic = _situation(earlier) or (_situation(sentences[index - 1]) if index else "")
        elif _ENDS_WITH_PRONOUN.search(topic) and index:  # "... to help me lead them through it"
            topic = _situation(sentences[index - 1]) or topic
        if topic:
            return Topic(topic, "asked")
    for sentence in sentences:
        wanted = _WANT.match(sentence) or _INNER_WANT.search(sentence)
        if wanted:
            return Topic(cut(sentence[wanted.end() :]), "wanted")
    for sentence in sentences:
        situation = _situation(sentence)
        if situation:
            return Topic(situation, "described")
    return Topic("", "")


def _situation(sentence: str) -> str:
    """A described situation without its opening words ("I'm", "Honestly")."""
    clauses = [c for c in re.split(r",\s*", sentence) if not _is_ask(c)]
    if not clauses:
        return ""
    return cut(_OPENING.sub("", clauses[0], count=1))


_ASK: Final = re.compile(
    r"^\s*(?:(?:can|could|may|would|will|is|do)\b.*\b(?:coach|coaching|mentor|mentoring|help)\b"
    r"|(?:i )?(?:need|want|would like|'d like|'?d love) (?:some |urgent |a )?"
    r"(?:coaching|a coach|mentoring|help)\b|coaching\??$|(?:some )?coaching please)",
    re.IGNORECASE,
)


def _is_ask(clause: str) -> bool:
    return bool(_ASK.match(clause.strip())) or bool(
        re.match(r"^\s*i (?:need|want) urgent", clause, re.I)
    )


def cut(fragment: str) -> str:
    """``fragment`` up to where the topic ends, tidied, in the person's casing."""
    fragment = _STOP.split(fragment, maxsplit=1)[0]
    fragment = _before_times(fragment)
    return " ".join(fragment.split()).strip(" ,.;:-–'\"")


def _before_times(fragment: str) -> str:
    """The fragment without a time phrase that ends it ("presentation skills the 3rd at 2pm"),
    unless the time belongs to something the person is busy with ("a briefing tomorrow")."""
    tokens = tokenize(fragment)
    for index in range(len(tokens)):
        if not _starts_time(tokens, index) or _after_event(tokens, index):
            continue
        start = index
        while start > 0 and tokens[start - 1].key in _TIME_LEADS:
            start -= 1
        return fragment[: tokens[start].at]
    return fragment


def _starts_time(tokens: list[Token], index: int) -> bool:
    token = tokens[index]
    if token.kind in _TIME_KINDS:
        return True
    previous = tokens[index - 1].key if index else ""
    if token.kind == "ordinal":
        return previous in {"the", "on"}
    following = tokens[index + 1].key if index + 1 < len(tokens) else ""
    at_time = previous in {"at", "from", "between"} and following not in COUNT_NOUNS
    return token.kind in {"num", "numword"} and at_time  # not "between two team leaders"


def _after_event(tokens: list[Token], index: int) -> bool:
    """Whether an event noun comes just before, over "on", "in", "the" and the like."""
    at = index - 1
    while at >= 0 and tokens[at].kind in {"prep", "mod", "filler"}:
        at -= 1
    return at >= 0 and tokens[at].key in EVENT_NOUNS
