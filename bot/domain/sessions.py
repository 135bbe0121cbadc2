"""A coaching session and its definite state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.domain.timewindow import TimeWindow


class SessionState(StrEnum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"
    HELD = "held"
    NO_SHOW = "no_show"

    @property
    def occupies_slot(self) -> bool:
        """Whether a session in this state blocks the coach's and coachee's time."""
        return self in {SessionState.CONFIRMED, SessionState.HELD}


class SessionKind(StrEnum):
    CHEMISTRY = "chemistry"
    COACHING = "coaching"


@dataclass(frozen=True)
class Session:
    id: int
    engagement_id: int
    coach_id: int
    coachee_id: int
    window: TimeWindow
    state: SessionState
    kind: SessionKind = SessionKind.COACHING
    meeting_link: str = ""
    location: str = ""
    cancelled_by: int | None = None
    cancelled_at: datetime | None = None
    late_cancellation: bool = False
    # Whose absence made it a no-show (the coach or the coachee).
    no_show_by: int | None = None
    # The invite's SEQUENCE (RFC 5546): raised each time the session moves or is cancelled,
    # so calendars apply the newest invite over older ones.
    calendar_sequence: int = 0
    # The session's event in the coach's organisational calendar (Outlook), once made: a
    # move updates it and a cancellation deletes it.
    calendar_event_id: str = ""

    @property
    def hours(self) -> float:
        return self.window.duration.total_seconds() / 3600
