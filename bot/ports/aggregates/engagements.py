"""Engagements (a coachee with a coach) and their sessions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from bot.domain import Engagement, EngagementState, Session, SessionState
from bot.domain.timewindow import TimeWindow


class EngagementStore(Protocol):
    def add_engagement(self, engagement: Engagement) -> Engagement: ...
    def update_engagement(
        self, engagement: Engagement, *, expected: EngagementState | None = None
    ) -> None:
        """Compare-and-set on the state, as `update_request` (StaleState, IllegalMove)."""
        ...

    def get_engagement(self, engagement_id: int) -> Engagement | None: ...
    def list_engagements(
        self, *, coach_id: int | None = None, coachee_id: int | None = None
    ) -> list[Engagement]: ...


class SessionStore(Protocol):
    def add_session(self, session: Session) -> Session:
        """Store a session. A CONFIRMED one goes through the same overlap check as
        `confirm_session` and may raise SlotTaken."""
        ...

    def confirm_session(self, session_id: int) -> Session:
        """Move a PROPOSED session to CONFIRMED, atomically refusing with SlotTaken if
        the coach or the coachee has an overlapping CONFIRMED or HELD session. Exactly
        one of any number of concurrent callers for overlapping times succeeds, on
        every supported database and across processes. A session already CONFIRMED is
        returned unchanged; one in any other state raises Conflict; NotFound if none."""
        ...

    def update_session(self, session: Session, *, expected: SessionState | None = None) -> None:
        """Save state changes (cancel, held, no-show, reschedule). Moving a confirmed
        session to a new window re-runs the overlap check (SlotTaken). Compare-and-set on
        the state, as `update_request` (StaleState)."""
        ...

    def get_session(self, session_id: int) -> Session | None: ...
    def list_sessions(
        self,
        *,
        engagement_id: int | None = None,
        person_id: int | None = None,
        states: Sequence[SessionState] | None = None,
        starting_from: datetime | None = None,
        starting_before: datetime | None = None,
    ) -> list[Session]:
        """`person_id` matches coach or coachee. Ordered by start time."""
        ...

    def busy_windows(self, person_id: int, within: TimeWindow) -> list[TimeWindow]:
        """Windows of the person's CONFIRMED/HELD sessions (as coach or coachee) that
        overlap `within`."""
        ...

    def coach_loads(
        self, month_start: datetime, month_end: datetime, *, idle: bool = True
    ) -> dict[int, tuple[int, float]]:
        """coach id -> (open engagements, i.e. ACTIVE or AWAITING_SPONSOR, since both hold
        a place; hours of confirmed+held sessions starting in [month_start, month_end)),
        for every coach profile; with `idle=False` only the coaches with an open engagement
        or hours this month (the rest are (0, 0.0))."""
        ...
