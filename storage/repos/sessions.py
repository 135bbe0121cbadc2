"""Sessions: booking without double booking, and the reads built on them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Float, cast, func, or_, select
from sqlalchemy.orm import Session as DbSession

from bot.domain import HOLDING_A_PLACE, Session, SessionKind, SessionState
from bot.domain.lifecycles.session import SESSION
from bot.domain.timewindow import TimeWindow
from bot.ports.errors import Conflict
from storage.models import CoachRow, EngagementRow, SessionRow
from storage.repos.booking import OCCUPYING, check_free, lock_people
from storage.repos.rows import fresh, row_of, row_or_none
from storage.repos.transitions import locked_for_move
from storage.unit import UnitOfWork


def session_minutes(db: DbSession) -> ColumnElement[Any]:
    """A session's length in whole minutes, in SQL (interval arithmetic differs by dialect)."""
    seconds: ColumnElement[Any]
    if db.get_bind().dialect.name == "postgresql":
        seconds = func.extract("epoch", SessionRow.ends_at - SessionRow.starts_at)
    else:
        seconds = (
            func.julianday(SessionRow.ends_at) - func.julianday(SessionRow.starts_at)
        ) * 86400
    return func.round(seconds / 60)


def to_session(row: SessionRow) -> Session:
    return Session(
        id=row.id,
        engagement_id=row.engagement_id,
        coach_id=row.coach_id,
        coachee_id=row.coachee_id,
        window=TimeWindow(row.starts_at, row.ends_at),
        state=SessionState(row.state),
        kind=SessionKind(row.kind),
        meeting_link=row.meeting_link,
        location=row.location,
        cancelled_by=row.cancelled_by,
        cancelled_at=row.cancelled_at,
        late_cancellation=row.late_cancellation,
        no_show_by=row.no_show_by,
        calendar_sequence=row.calendar_sequence,
        calendar_event_id=row.calendar_event_id,
    )


def _fill(row: SessionRow, session: Session) -> None:
    row.engagement_id = session.engagement_id
    row.coach_id = session.coach_id
    row.coachee_id = session.coachee_id
    row.starts_at = session.window.start
    row.ends_at = session.window.end
    row.state = session.state.value
    row.kind = session.kind.value
    row.meeting_link = session.meeting_link
    row.location = session.location
    row.cancelled_by = session.cancelled_by
    row.cancelled_at = session.cancelled_at
    row.late_cancellation = session.late_cancellation
    row.no_show_by = session.no_show_by
    row.calendar_sequence = session.calendar_sequence
    row.calendar_event_id = session.calendar_event_id


def _needs_check(row: SessionRow, new: Session) -> bool:
    """Whether saving `new` over `row` could create a double booking."""
    if not new.state.occupies_slot:
        return False
    return (
        row.state not in OCCUPYING
        or (row.starts_at, row.ends_at) != (new.window.start, new.window.end)
        or (row.coach_id, row.coachee_id) != (new.coach_id, new.coachee_id)
    )


class SessionRepo(UnitOfWork):
    def add_session(self, session: Session) -> Session:
        """Store a session; one that occupies a slot (CONFIRMED, HELD) is overlap-checked
        like `confirm_session` and may raise SlotTaken."""
        with self._write() as s:
            if session.state.occupies_slot:
                lock_people(s, session.coach_id, session.coachee_id)
                check_free(
                    s,
                    coach_id=session.coach_id,
                    coachee_id=session.coachee_id,
                    window=session.window,
                )
            row = SessionRow()
            _fill(row, session)
            s.add(row)
            s.flush()
            return replace(session, id=row.id)

    def confirm_session(self, session_id: int) -> Session:
        """PROPOSED -> CONFIRMED unless it overlaps (SlotTaken). Confirming a session that is
        already CONFIRMED returns it unchanged; any other state raises Conflict."""
        with self._write() as s:
            row = row_of(s, SessionRow, session_id)
            lock_people(s, row.coach_id, row.coachee_id)
            # Re-read under the locks: a concurrent caller may have confirmed or cancelled it.
            row = row_of(s, SessionRow, session_id, lock=True)
            if row.state == SessionState.CONFIRMED.value:
                return to_session(row)
            if row.state != SessionState.PROPOSED.value:
                raise Conflict(f"session {session_id} is {row.state}, not proposed")
            SESSION.check_move(SessionState.PROPOSED, SessionState.CONFIRMED)
            check_free(
                s,
                coach_id=row.coach_id,
                coachee_id=row.coachee_id,
                window=TimeWindow(row.starts_at, row.ends_at),
                ignore_session_id=row.id,
            )
            row.state = SessionState.CONFIRMED.value
            s.flush()
            return to_session(row)

    def update_session(self, session: Session, *, expected: SessionState | None = None) -> None:
        """Save state changes (cancel, held, no-show, reschedule). A change that makes the
        session occupy a new slot re-runs the overlap check (SlotTaken). Compare-and-set
        on the state (see `Store.update_session`)."""
        with self._write() as s:
            row = row_of(s, SessionRow, session.id)
            if _needs_check(row, session):
                # People first, then the row: the order every booking takes its locks in.
                lock_people(s, session.coach_id, session.coachee_id)
            row = locked_for_move(
                s,
                SessionRow,
                session.id,
                expected=expected or session.state,
                new=session.state,
                lifecycle=SESSION,
            )
            if _needs_check(row, session):
                check_free(
                    s,
                    coach_id=session.coach_id,
                    coachee_id=session.coachee_id,
                    window=session.window,
                    ignore_session_id=session.id,
                )
            _fill(row, session)

    def get_session(self, session_id: int) -> Session | None:
        with self._read() as s:
            row = row_or_none(s, SessionRow, session_id)
            return None if row is None else to_session(row)

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
        query = select(SessionRow)
        if engagement_id is not None:
            query = query.where(SessionRow.engagement_id == engagement_id)
        if person_id is not None:
            query = query.where(
                or_(SessionRow.coach_id == person_id, SessionRow.coachee_id == person_id)
            )
        if states is not None:
            query = query.where(SessionRow.state.in_([state.value for state in states]))
        if starting_from is not None:
            query = query.where(SessionRow.starts_at >= starting_from)
        if starting_before is not None:
            query = query.where(SessionRow.starts_at < starting_before)
        with self._read() as s:
            rows = s.scalars(fresh(query.order_by(SessionRow.starts_at, SessionRow.id)))
            return [to_session(row) for row in rows]

    def busy_windows(self, person_id: int, within: TimeWindow) -> list[TimeWindow]:
        """Windows of the person's CONFIRMED/HELD sessions (as coach or coachee) that
        overlap `within`, by start time."""
        query = (
            select(SessionRow.starts_at, SessionRow.ends_at)
            .where(
                SessionRow.state.in_(OCCUPYING),
                or_(SessionRow.coach_id == person_id, SessionRow.coachee_id == person_id),
                SessionRow.starts_at < within.end,
                SessionRow.ends_at > within.start,
            )
            .order_by(SessionRow.starts_at)
        )
        with self._read() as s:
            return [TimeWindow(start, end) for start, end in s.execute(query)]

    def coach_loads(
        self, month_start: datetime, month_end: datetime, *, idle: bool = True
    ) -> dict[int, tuple[int, float]]:
        """coach id -> (open engagements, hours of CONFIRMED/HELD sessions starting in
        [month_start, month_end)), for every coach profile and anyone else coaching; with
        `idle=False` only those with an open engagement or hours (matching's per-request
        read: the pool's coaches default to (0, 0.0), so it skips a row a coach)."""
        open_states = [state.value for state in HOLDING_A_PLACE]
        with self._read() as s:
            # Core rows (no ORM loading) and one row per open engagement read through the
            # (state, coach_id) index: a count grouped in SQL scans every engagement ever.
            db = s.connection()
            loads: dict[int, tuple[int, float]] = {}
            if idle:
                coaches = db.execute(select(CoachRow.person_id)).scalars().all()
                loads = dict.fromkeys(coaches, (0, 0.0))
            places = Counter(
                db.execute(
                    select(EngagementRow.coach_id).where(EngagementRow.state.in_(open_states))
                )
                .scalars()
                .all()
            )
            for coach_id, count in places.items():
                loads[coach_id] = (count, 0.0)
            minutes = db.execute(
                # As a float: PostgreSQL's numeric sum would come back a Decimal a row.
                select(SessionRow.coach_id, cast(func.sum(session_minutes(s)), Float))
                .where(
                    SessionRow.state.in_(OCCUPYING),
                    SessionRow.starts_at >= month_start,
                    SessionRow.starts_at < month_end,
                )
                .group_by(SessionRow.coach_id)
            ).all()
            for coach_id, total in minutes:
                count, _ = loads.get(coach_id, (0, 0.0))
                loads[coach_id] = (count, float(total or 0) / 60)
            return loads
