"""Noticing signs of risk or distress, so the bot can answer kindly and point to support.

This never alerts anyone: coaching is confidential, and a person in distress is pointed
to their organisation's employee assistance programme and to emergency help.
"""

from __future__ import annotations

import re

_DISTRESS = re.compile(
    r"\b(suicid\w*|kill(ing)? myself|end(ing)? (it all|my life)|want to die|don'?t want to "
    r"(be here|live)|self[- ]?harm\w*|hurt(ing)? myself|can'?t cope|cannot cope|"
    r"not coping|breaking down|falling apart|hopeless|panic attacks?|in crisis|"
    r"at breaking point|can'?t go on)\b",
    re.IGNORECASE,
)


def shows_distress(text: str) -> bool:
    return bool(_DISTRESS.search(text))


def support_message(*, first_name: str, eap_contact: str) -> str:
    eap = (
        eap_contact
        or "your organisation's employee assistance programme (HR can give you the number)"
    )
    return (
        f"{first_name}, thank you for telling me. It sounds like things are really hard right now. "
        f"Coaching isn't the right support for a crisis, but you don't have to manage this alone: "
        f"{eap}. If you are in danger or might act on thoughts of harming yourself, call 999 or "
        "Samaritans free on 116 123, any time. I haven't told anyone about this message. "
        "If you'd still like coaching as well, I'm happy to carry on."
    )
