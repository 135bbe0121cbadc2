"""What a person would like in a coach, said in the same message as their topic.

"I'd like someone senior, ideally a director, to coach me on ...", "I'd really prefer a woman
coach", "..., ideally not someone from my own directorate", "Someone with NHS experience would
be great". Taken in the person's own words; the summary shows it and lets them change it.
"""

from __future__ import annotations

import re
from typing import Final

_WHO = r"(?:someone|somebody|a coach|an? [\w-]+ coach|coaches)"
# "I'd like <who ...> to coach me on", "Looking for <a coach with ...> to help with".
_BEFORE_ASK: Final = re.compile(
    r"\b(?:i'?d like|i would like|i want|looking for|i'?m looking for)\s+"
    rf"(?P<who>{_WHO}\b(?:(?!\bto (?:coach|help|work)\b|\bfor coaching\b).)*?)"
    r",?\s+(?:to (?:coach|help|work)|for coaching)\b",
    re.IGNORECASE,
)
_ANY_COACH: Final = frozenset({"a coach", "someone", "somebody", "coaches"})
_PREFER: Final = re.compile(r"\bi'?d (?:really )?prefer\s+(?P<who>.+)", re.IGNORECASE)
# A clause of its own that names a kind of coach.
_CLAUSE: Final = re.compile(
    r"^(?:(?:ideally|preferably)\b(?=.*\b(?:someone|somebody|coach|woman|man|female|male"
    r"|director|senior|with|from)\b).*|(?:not )?(?:someone|somebody)\b.*"
    r"|(?:an? |the )?(?:female|male|woman|man|senior|experienced) coach\b.*"
    r"|a coach (?:who|with|from|outside|that)\b.*)$",
    re.IGNORECASE,
)
_TAIL: Final = re.compile(
    r"\s*\b(?:would be (?:great|ideal|good|lovely|helpful|best)|please|if possible|thanks)\b.*$",
    re.IGNORECASE,
)
_CLAUSES: Final = re.compile(r"[.?!;]+\s*|,\s*|\s+[-–]\s+")
_FORMAT_ONLY: Final = re.compile(
    r"\b(?:online|in[- ]person|face[- ]to[- ]face|on teams|over teams|on zoom)\b", re.I
)


def preferences_in(text: str) -> str:
    """The person's words about the coach they would like, or ""."""
    match = _BEFORE_ASK.search(text)
    if match and match.group("who").lower() not in _ANY_COACH:  # not "I'd like a coach to"
        return _tidy(match.group("who"))
    found = []
    for clause in _CLAUSES.split(text):
        prefer = _PREFER.search(clause)
        if prefer:
            found.append(_tidy(prefer.group("who")))
        elif _CLAUSE.match(clause.strip()) and not _about_times_or_format(clause):
            found.append(_tidy(clause))
    return "; ".join(f for f in found if f)


def _about_times_or_format(clause: str) -> bool:
    return bool(_FORMAT_ONLY.search(clause)) and len(clause.split()) <= 3


def _tidy(words: str) -> str:
    return _TAIL.sub("", " ".join(words.split())).strip(" ,.;:-")
