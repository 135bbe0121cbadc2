"""Outbox keys for a session's messages. Every key starts with `session:<id>:`, so moving or
cancelling a session can cancel all of its messages by that prefix."""

from __future__ import annotations

REMINDER = "reminder"
ATTENDANCE = "attendance"
ATTENDANCE_FOLLOWUP = "attendance_followup"
FEEDBACK = "feedback_prompt"
FEEDBACK_FOLLOWUP = "feedback_followup"
FINAL_EVALUATION = "final_evaluation"
CALENDAR_EVENT = "calendar_event"  # made, or moved once made
CALENDAR_REMOVAL = "calendar_removal"


def session_prefix(session_id: int) -> str:
    return f"session:{session_id}:"


def session_key(session_id: int, kind: str, person_id: int, suffix: str = "") -> str:
    return f"{session_prefix(session_id)}{kind}{suffix}:person:{person_id}"
