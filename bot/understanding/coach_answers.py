"""Reading a coach's plain-words answer to a request card: "sorry, I can't take this on at
the moment" declines, "I could do Thursday 10th at 2pm instead" proposes other times.

Only the shape of the answer is read here; the times themselves are read by bot/when when
the proposal is made. An offer of another time wins over a refusal in the same message
("I can't do Tuesday, but could do Thursday instead" proposes).
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Final


class CoachAnswer(StrEnum):
    DECLINE = "decline"
    PROPOSE = "propose"


# The phrase lists, in one place. Apostrophes are optional: people type "cant" and "can't".
_CANT: Final = (
    r"(?:can'?t|cannot|can not|won'?t be able to|am not able to|'?m not able to|unable to)"
)
_DECLINE: Final = re.compile(
    rf"\b(?:{_CANT} (?:take (?:this|it|that|them|you|her|him|on)|do (?:this|it)|help|"
    r"fit (?:this|it|them) in|commit|coach)"
    r"|(?:i'?ll|i will|i'?m going to|i have to|i must|i'?ll have to|have to) "
    r"(?:decline|pass|say no)"
    r"|(?:no|not got the|don'?t have the|haven'?t got the) capacity"
    r"|(?:at|over) (?:full )?capacity|too busy|fully booked"
    r"|not (?:this|right now|at the moment)"
    r"|no,? (?:sorry|thanks|thank you)|^\s*decline\W*$)",
    re.IGNORECASE,
)
_OFFER: Final = re.compile(
    r"\b(?:instead|could do|can do|could manage|can manage|how about|what about|"
    r"would .{0,40}\b(?:work|suit|do)\b|i'?m free|i am free|free on|available on|"
    r"could offer|can offer|could meet|can meet|alternatively)\b",
    re.IGNORECASE,
)


def coach_answer(text: str) -> CoachAnswer | None:
    """The answer the words give, or None when they are not an answer to a request."""
    if _OFFER.search(text):
        return CoachAnswer.PROPOSE
    if _DECLINE.search(text):
        return CoachAnswer.DECLINE
    return None
