"""The aftercare slice's outbox kinds: a session's messages and an engagement's end.

Stored in rows already queued, so the values never change. Aftercare schedules and answers
them all: a session's when another slice books, moves or cancels it, the final evaluation
when engagements publishes that an engagement closed (bot/aftercare/registration.py).
"""

from __future__ import annotations

from enum import StrEnum


class AftercareKind(StrEnum):
    # A session's messages.
    REMINDER = "reminder"
    ATTENDANCE = "attendance"
    ATTENDANCE_FOLLOWUP = "attendance_followup"
    FEEDBACK = "feedback_prompt"
    FEEDBACK_FOLLOWUP = "feedback_followup"
    CALENDAR_EVENT = "calendar_event"  # made, or moved once made
    CALENDAR_REMOVAL = "calendar_removal"
    # An engagement's end.
    FINAL_EVALUATION = "final_evaluation"
