"""A coachee's request for coaching and the shortlist it gets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bot.domain.coaches import Format
from bot.domain.timewindow import TimeWindow


class RequestState(StrEnum):
    OPEN = "open"  # accepted, waiting for a shortlist
    SHORTLISTED = "shortlisted"  # a shortlist was offered, the coachee is choosing
    WAITING_COACH = "waiting_coach"  # a coach was chosen and asked
    # The coach proposed other times: the coachee is choosing one of them.
    WAITING_COACHEE = "waiting_coachee"
    MATCHED = "matched"  # a coach accepted: an engagement exists
    WAITLISTED = "waitlisted"  # eligible in principle, but no place or coach now
    WITHDRAWN = "withdrawn"  # the coachee withdrew it
    CLOSED = "closed"  # the engagement it led to has ended

    @property
    def is_open(self) -> bool:
        return self in {
            RequestState.OPEN,
            RequestState.SHORTLISTED,
            RequestState.WAITING_COACH,
            RequestState.WAITING_COACHEE,
            RequestState.WAITLISTED,
        }


# A chosen coach and the request's next step is someone's answer: the coach's, or the
# coachee's choice among the times the coach proposed.
AWAITING_ANSWER = (RequestState.WAITING_COACH, RequestState.WAITING_COACHEE)


@dataclass(frozen=True)
class CoachingRequest:
    """What a coachee asked for, in their words and as the bot understood it (GROW)."""

    id: int
    coachee_id: int
    programme_id: int
    state: RequestState
    created_at: datetime
    topic: str = ""
    goal: str = ""
    reality: str = ""
    preferences: str = ""
    format: Format = Format.EITHER
    location: str = ""
    windows: tuple[TimeWindow, ...] = ()
    # Coaches the coachee turned down or who declined: never offered again for this request.
    declined_coach_ids: frozenset[int] = field(default_factory=frozenset)
    chosen_coach_id: int | None = None
    # Times the chosen coach offered or proposed: the only times a press may book.
    offered_slots: tuple[TimeWindow, ...] = ()
    # When the chosen coach was asked; the response deadline runs from here.
    asked_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class ShortlistEntry:
    request_id: int
    coach_id: int
    rank: int
    score: float
    reasons: tuple[str, ...]
