"""The requests slice's outbox kinds: the coachee's answer time to choose.

Stored in rows already queued, so the values never change. Requests arms them
(bot/requests/choosing.py) and booking answers them (bot/booking/coachee_deadlines.py): the
names live here, below both, because requests may not import booking.
"""

from __future__ import annotations

from enum import StrEnum


class RequestKind(StrEnum):
    COACHEE_NUDGE = "coachee_nudge"
    COACHEE_CHOICE_DEADLINE = "coachee_choice_deadline"
