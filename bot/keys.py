"""Every kind of outbox message and the format of every outbox key, in one place.

A kind names what a message becomes when it is due (its timer, registered by one slice:
bot/registry.py). A key makes a message unique, so scheduling the same thing twice keeps
one row, and its prefix lets whatever moves on cancel the messages still waiting (moving a
session cancels `session:<id>:`, an answered request `deadline:request:<id>:`).

Kinds and keys are stored in rows already queued, so their values never change.
"""

from __future__ import annotations

from enum import StrEnum


class OutboxKind(StrEnum):
    # News from someone's turn, queued with the turn (bot/notices.py).
    NOTICE = "notice"
    # Requests (bot/requests, bot/booking): a coach's or a coachee's answer time.
    COACH_NUDGE = "coach_nudge"
    COACH_RESPONSE_DEADLINE = "coach_response_deadline"
    COACHEE_NUDGE = "coachee_nudge"
    COACHEE_CHOICE_DEADLINE = "coachee_choice_deadline"
    # A session's messages (bot/aftercare).
    REMINDER = "reminder"
    ATTENDANCE = "attendance"
    ATTENDANCE_FOLLOWUP = "attendance_followup"
    FEEDBACK = "feedback_prompt"
    FEEDBACK_FOLLOWUP = "feedback_followup"
    CALENDAR_EVENT = "calendar_event"  # made, or moved once made
    CALENDAR_REMOVAL = "calendar_removal"
    # An engagement's end (bot/aftercare).
    FINAL_EVALUATION = "final_evaluation"
    # Coordinators' Monday figures (bot/digest).
    DIGEST = "digest"


def notice_key(origin: str, index: int, person_id: int, digest: str) -> str:
    """`origin` names the turn, so replaying that very turn makes the same keys."""
    return f"{OutboxKind.NOTICE}:{origin}:{index}:{person_id}:{digest}"


def request_prefix(request_id: int) -> str:
    """Every deadline of a request: cancelled when it is answered, withdrawn or erased."""
    return f"deadline:request:{request_id}:"


def stage_prefix(request_id: int, stage: str) -> str:
    """The coachee's deadlines for what they now choose from (a shortlist, times)."""
    return f"{request_prefix(request_id)}{stage}:"


def coach_prefix(request_id: int, coach_id: int | None = None) -> str:
    """The deadlines of the coach asked (any coach asked when `coach_id` is None)."""
    return f"{request_prefix(request_id)}coach:" + ("" if coach_id is None else str(coach_id))


def session_prefix(session_id: int) -> str:
    """Every message of a session: cancelled when it is moved, cancelled or not held."""
    return f"session:{session_id}:"


def session_key(session_id: int, kind: OutboxKind, person_id: int, suffix: str = "") -> str:
    return f"{session_prefix(session_id)}{kind}{suffix}:person:{person_id}"


def engagement_key(engagement_id: int, kind: OutboxKind, person_id: int) -> str:
    return f"engagement:{engagement_id}:{kind}:person:{person_id}"


def digest_key(week_label: str, person_id: int) -> str:
    return f"{OutboxKind.DIGEST}:{week_label}:person:{person_id}"


def coach_deadline_key(request_id: int, coach_id: int, which: str) -> str:
    """`which` is "nudge" (the coach is reminded) or "expiry" (the request moves on)."""
    return f"{coach_prefix(request_id, coach_id)}:{which}"


def stage_deadline_key(request_id: int, stage: str, round_: int, which: str) -> str:
    """A new `round_` (the time it was armed) for each shortlist, so a nudge already sent
    for an earlier one is no bar; `which` is "nudge" or "expiry"."""
    return f"{stage_prefix(request_id, stage)}{round_}:{which}"
