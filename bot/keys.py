"""The format of every outbox key, in one place.

A key makes a message unique, so scheduling the same thing twice keeps one row, and its
prefix lets whatever moves on cancel the messages still waiting (moving a session cancels
`session:<id>:`, an answered request `deadline:request:<id>:`). A message's kind (what it
becomes when due) is a member of its slice's enum (`AftercareKind` in
bot/aftercare/kinds.py, `NoticeKind` in bot/notices.py, ...); the formats here take it as
it is stored, a string.

Kinds and keys are stored in rows already queued, so their values never change.
"""

from __future__ import annotations


def notice_key(kind: str, origin: str, index: int, person_id: int, digest: str) -> str:
    """`origin` names the turn, so replaying that very turn makes the same keys."""
    return f"{kind}:{origin}:{index}:{person_id}:{digest}"


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


def session_key(session_id: int, kind: str, person_id: int, suffix: str = "") -> str:
    return f"{session_prefix(session_id)}{kind}{suffix}:person:{person_id}"


def engagement_key(engagement_id: int, kind: str, person_id: int) -> str:
    return f"engagement:{engagement_id}:{kind}:person:{person_id}"


def digest_key(kind: str, week_label: str, person_id: int) -> str:
    return f"{kind}:{week_label}:person:{person_id}"


def coach_deadline_key(request_id: int, coach_id: int, which: str) -> str:
    """`which` is "nudge" (the coach is reminded) or "expiry" (the request moves on)."""
    return f"{coach_prefix(request_id, coach_id)}:{which}"


def stage_deadline_key(request_id: int, stage: str, round_: int, which: str) -> str:
    """A new `round_` (the time it was armed) for each shortlist, so a nudge already sent
    for an earlier one is no bar; `which` is "nudge" or "expiry"."""
    return f"{stage_prefix(request_id, stage)}{round_}:{which}"
