"""Recognising the questions people ask about the service itself: is it confidential, who
sees what, how it works, what a chemistry session is, what it costs, how long it takes,
who the coaches are, how to stop or complain; and a thank-you.

These must not swallow an ordinary answer in the middle of a conversation ("handling
confidential casework" is a topic, not a question), so apart from thanks a text counts
only when it is shaped like a question: it ends with "?" or opens with a question word.
"""

from __future__ import annotations

import re
from enum import StrEnum


class ServiceQuestion(StrEnum):
    CONFIDENTIAL = "confidential"
    WHO_SEES = "who_sees"  # "can my manager see this?"
    HOW_IT_WORKS = "how_it_works"
    CHEMISTRY = "chemistry"
    COST = "cost"
    HOW_LONG = "how_long"
    COACHES = "coaches"
    STOP = "stop"
    THANKS = "thanks"


_QUESTION_WORD = re.compile(
    r"^(is|are|can|could|will|would|does|do|did|who|whom|what|what's|whats|how|how's|why|"
    r"where|when|which|should|am|may|if)\b(?! to\b)",
)
_PEOPLE = (
    r"(?:line )?manager|boss|employer|hr|organisation|organization|council|director|team|"
    r"sponsor|coordinators?|colleagues?|anyone|anybody"
)
_SEE = r"see|know|find out|be told|get told|read|hear|have access|access|look at|get to see"
_MINE = (
    r"coaching|this|it|sessions?|conversations?|everything|what i (?:say|write|tell)|"
    r"my (?:data|details|request|information|answers|feedback)"
)
_CONFIDENTIAL = r"confidential|private|anonymous|secret"
_SESSIONS = r"coaching|pool|request|sessions?|programme|mentoring"

# Checked in this order: the first kind with a matching pattern wins.
_PATTERNS: tuple[tuple[ServiceQuestion, tuple[str, ...]], ...] = (
    (ServiceQuestion.CHEMISTRY, (r"\bchemistry\b",)),
    (
        ServiceQuestion.CONFIDENTIAL,
        (
            rf"\b({_MINE})\b.{{0,30}}\b({_CONFIDENTIAL})\b",
            rf"\b({_CONFIDENTIAL})\b.{{0,30}}\b({_MINE})\b",
            r"^(and |so )?(what about |how about )?(confidentiality|privacy|gdpr|"
            r"data protection)\W*$",
        ),
    ),
    (
        ServiceQuestion.WHO_SEES,
        (
            rf"\b(will|would|can|could|does|do|is|are)( my)? ({_PEOPLE})\b.*\b({_SEE})\b",
            rf"\bwho (can|will|could|gets to|would|else)( \w+)? ({_SEE})\b",
            rf"\b(tell|told|inform|informed|report|share|shared|passed on)\b.*\bmy ({_PEOPLE})\b",
            r"\bwhat (can|do|does|will) (they|the coordinators?|my manager|my sponsor) see\b",
        ),
    ),
    (
        ServiceQuestion.COST,
        (
            r"\b(cost|costs|price|fee|fees|charge|charged)\b",
            r"\b(do|will|would|does|should) (i|we|my (team|organisation|council|department)) "
            r"(have to |need to )?pay\b",
            r"\bhow much (is|does|will) (it|this|coaching)\b(?!.* time)",
            r"\b(is|it's|its) (it|this|coaching) free\b",
            r"\bfree of charge\b",
        ),
    ),
    (
        ServiceQuestion.HOW_LONG,
        (
            r"\bhow (long|soon|quickly|much time|often)\b",
            r"\bhow many (sessions|hours|times|meetings)\b",
            r"\bwhen (will|would|do|should) i (hear|get|be (matched|contacted))\b",
            r"\b(waiting time|time commitment)\b",
        ),
    ),
    (
        ServiceQuestion.COACHES,
        (
            r"\bwho (are|is|will be|would be)\b.*\b(coach(es)?|mentors?)\b",
            r"\bwho (will|would|could) (coach|mentor) me\b",
            r"\b(coach(es)?|mentors?|they)\b.*\b(qualified|qualifications?|accredited|"
            r"accreditation|trained|experienced|ilm)\b",
            r"\bwhere (are|do) (the )?coaches\b",
        ),
    ),
    (
        ServiceQuestion.STOP,
        (
            r"\b(complain|complaint|unhappy|not happy|raise a concern)\b",
            rf"\b(stop|end|quit|leave|cancel|withdraw( from)?|pull out( of)?|opt out( of)?)"
            rf"( my| the| this)? ({_SESSIONS})\b",
            # "can I leave?", not "after a period of sick leave?"
            r"\b(can i|could i|do i|may i|if i|want to|like to|how to)( just)? "
            r"(stop|quit|leave|withdraw|pull out|opt out)\W*$",
            r"\b(change my coach|switch coach(es)?)\W*$",
            r"\b(delete|erase|remove|forget)\b.*\b(me|my)\b",
            r"\bmy (data|details|personal information)\b",
        ),
    ),
    (
        ServiceQuestion.HOW_IT_WORKS,
        (
            r"\bhow (does|do|will|would) (this|it|coaching|the pool|the coaching|the process|"
            r"you|this bot|matching)\b.*\bwork\b",
            r"\bhow it works\b",
            r"\bwhat happens (next|now|then|after|when|if)\b",
            r"\bwhat('s| is) (the process|involved)\b",
            r"\bhow do i (start|sign up|apply)\b",
            r"\bhow do i (request|ask for) (a |an |some )?(coach|coaching|mentor|mentoring)\b",
            r"\bhow do i (get|find) (a |an |some )?(coach|coaching|mentor|started)\b",
            r"\bwhat (is|does) (this|coachpool|the pool|the coaching pool|this bot|the bot)"
            r"( do| for| about)?\W*$",
        ),
    ),
)
_COMPILED = tuple(
    (kind, tuple(re.compile(p, re.IGNORECASE) for p in patterns)) for kind, patterns in _PATTERNS
)
_THANKS = re.compile(
    r"^(ok(ay)?[,!. ]+)?(thanks|thank you|thankyou|thank u|ta|cheers|many thanks|thanks a lot|"
    r"thanks very much|thank you (very|so) much|much appreciated)"
    r"( (a lot|again|for (that|this|your help|the help|everything)))?[ !.:)]*$",
    re.IGNORECASE,
)


# Said plainly, not as a question, but unmistakable wherever it comes.
_STOP_STATEMENT = re.compile(
    r"^(please |i'?d like to |i would like to |i want to |i wish to |i need to )?"
    r"(complain|make a complaint|(stop|end) (my )?coaching|leave the pool|opt out|"
    r"withdraw from (the pool|coaching)|(delete|erase) (my (data|details)|me)|forget me)\b",
    re.IGNORECASE,
)


def is_question(text: str) -> bool:
    said = text.strip().lower()
    return said.endswith("?") or bool(_QUESTION_WORD.match(said))


def recognise(text: str) -> ServiceQuestion | None:
    """The service question `text` asks, or None (including for anything that isn't
    shaped like a question, so ordinary answers pass through untouched)."""
    said = " ".join(text.split())
    if _THANKS.match(said):
        return ServiceQuestion.THANKS
    if _STOP_STATEMENT.match(said):
        return ServiceQuestion.STOP
    if not is_question(said):
        return None
    for kind, patterns in _COMPILED:
        if any(p.search(said) for p in patterns):
            return kind
    return None
