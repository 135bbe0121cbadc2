"""Engagements and sessions, in memory: compare-and-set and no double booking."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from bot.domain import (
    HOLDING_A_PLACE,
    Engagement,
    EngagementState,
    Session,
    SessionState,
)
from bot.domain.timewindow import TimeWindow
from bot.ports.errors import Conflict, SlotTaken
from tests.fakes.memory_tables import (
    MemoryBase,
    Tables,
    minutes,
    utc,
    utc_or_none,
    window,
)


class SessionParts(MemoryBase):
    def add_engagement(self, engagement: Engagement) -> Engagement:
        with self._atomic() as t:
            stored = self._engagement(replace(engagement, id=t.new_id("engagements")))
            t.engagements[stored.id] = stored
            return stored

    @staticmethod
    def _engagement(engagement: Engagement) -> Engagement:
        return replace(
            engagement,
            started_at=utc(engagement.started_at),
            closed_at=utc_or_none(engagement.closed_at),
        )

    def update_engagement(
        self, engagement: Engagement, *, expected: EngagementState | None = None
    ) -> None:
        with self._atomic() as t:
            old = self._existing(t.engagements, engagement.id, "engagements")
            self._may_move("engagements", engagement.id, old.state, expected, engagement.state)
            t.engagements[engagement.id] = self._engagement(engagement)

    def get_engagement(self, engagement_id: int) -> Engagement | None:
        with self._read() as t:
            return t.engagements.get(engagement_id)

    def list_engagements(
        self, *, coach_id: int | None = None, coachee_id: int | None = None
    ) -> list[Engagement]:
        with self._read() as t:
            found = [
                e
                for e in t.engagements.values()
                if (coach_id is None or e.coach_id == coach_id)
                and (coachee_id is None or e.coachee_id == coachee_id)
            ]
        return sorted(found, key=lambda e: (e.started_at, e.id))

    @staticmethod
    def _session(session: Session) -> Session:
        return replace(
            session, window=window(session.window), cancelled_at=utc_or_none(session.cancelled_at)
        )

    def _check_free(self, t: Tables, session: Session, *, ignore: int = 0) -> None:
        people = {session.coach_id, session.coachee_id}
        for other in sorted(t.sessions.values(), key=lambda s: s.id):
            if (
                other.id != ignore
                and other.state.occupies_slot
                and {other.coach_id, other.coachee_id} & people
                and other.window.start < session.window.end
                and other.window.end > session.window.start
            ):
                w = session.window
                raise SlotTaken(
                    f"{w.start:%Y-%m-%d %H:%M}-{w.end:%H:%M} UTC overlaps session {other.id}"
                )

    def add_session(self, session: Session) -> Session:
        with self._atomic() as t:
            stored = self._session(replace(session, id=t.new_id("sessions")))
            if stored.state.occupies_slot:
                self._check_free(t, stored, ignore=stored.id)
            t.sessions[stored.id] = stored
            if stored.state is SessionState.HELD:
                self._bump(t, "hours")
            return stored

    def confirm_session(self, session_id: int) -> Session:
        with self._atomic() as t:
            session = self._existing(t.sessions, session_id, "sessions")
            if session.state is SessionState.CONFIRMED:
                return session
            if session.state is not SessionState.PROPOSED:
                raise Conflict(f"session {session_id} is {session.state.value}, not proposed")
            self._check_free(t, session, ignore=session_id)
            confirmed = replace(session, state=SessionState.CONFIRMED)
            t.sessions[session_id] = confirmed
            return confirmed

    def update_session(self, session: Session, *, expected: SessionState | None = None) -> None:
        with self._atomic() as t:
            old = self._existing(t.sessions, session.id, "sessions")
            self._may_move("sessions", session.id, old.state, expected, session.state)
            new = self._session(session)
            if new.state.occupies_slot and (
                not old.state.occupies_slot
                or old.window != new.window
                or (old.coach_id, old.coachee_id) != (new.coach_id, new.coachee_id)
            ):
                self._check_free(t, new, ignore=new.id)
            t.sessions[session.id] = new
            if SessionState.HELD in (old.state, new.state) and old != new:
                self._bump(t, "hours")

    def get_session(self, session_id: int) -> Session | None:
        with self._read() as t:
            return t.sessions.get(session_id)

    def list_sessions(
        self,
        *,
        engagement_id: int | None = None,
        person_id: int | None = None,
        states: Sequence[SessionState] | None = None,
        starting_from: datetime | None = None,
        starting_before: datetime | None = None,
    ) -> list[Session]:
        with self._read() as t:
            return [
                s
                for s in self._by_start(t.sessions.values())
                if (engagement_id is None or s.engagement_id == engagement_id)
                and (person_id is None or person_id in (s.coach_id, s.coachee_id))
                and (states is None or s.state in states)
                and (starting_from is None or s.window.start >= starting_from)
                and (starting_before is None or s.window.start < starting_before)
            ]

    def busy_windows(self, person_id: int, within: TimeWindow) -> list[TimeWindow]:
        with self._read() as t:
            return [
                s.window
                for s in self._by_start(t.sessions.values())
                if s.state.occupies_slot
                and person_id in (s.coach_id, s.coachee_id)
                and s.window.start < within.end
                and s.window.end > within.start
            ]

    def coach_loads(
        self, month_start: datetime, month_end: datetime, *, idle: bool = True
    ) -> dict[int, tuple[int, float]]:
        with self._read() as t:
            loads = dict.fromkeys(t.coaches, (0, 0.0)) if idle else {}
            counts: dict[int, int] = defaultdict(int)
            for e in t.engagements.values():
                if e.state in HOLDING_A_PLACE:
                    counts[e.coach_id] += 1
            for coach_id, count in counts.items():
                loads[coach_id] = (count, 0.0)
            totals: dict[int, float] = defaultdict(float)
            for s in t.sessions.values():
                if s.state.occupies_slot and month_start <= s.window.start < month_end:
                    totals[s.coach_id] += minutes(s)
            for coach_id, total in totals.items():
                count, _ = loads.get(coach_id, (0, 0.0))
                loads[coach_id] = (count, total / 60)
            return loads
