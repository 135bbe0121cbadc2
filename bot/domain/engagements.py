"""An engagement: one coach and one coachee, for a programme's allowance of sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class EngagementState(StrEnum):
    AWAITING_SPONSOR = "awaiting_sponsor"  # three-way contracting: the sponsor has not approved yet
    ACTIVE = "active"
    CLOSED = "closed"


# An engagement in either state holds one of its coach's places (`max_coachees`).
HOLDING_A_PLACE = (EngagementState.AWAITING_SPONSOR, EngagementState.ACTIVE)


@dataclass(frozen=True)
class Engagement:
    id: int
    request_id: int
    programme_id: int
    coach_id: int
    coachee_id: int
    state: EngagementState
    sessions_allowed: int
    started_at: datetime
    sponsor_id: int | None = None
    closed_at: datetime | None = None
    close_reason: str = ""
