"""The booking slice's outbox kinds: the asked coach's answer time.

Stored in rows already queued, so the values never change. The coachee's answer time, also
answered by booking, is named in the kernel beside what arms it (`ChoosingKind`,
bot/choosing.py).
"""

from __future__ import annotations

from enum import StrEnum


class BookingKind(StrEnum):
    COACH_NUDGE = "coach_nudge"
    COACH_RESPONSE_DEADLINE = "coach_response_deadline"
