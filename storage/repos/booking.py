"""The double-booking rule: a person's CONFIRMED/HELD sessions never overlap.

Every write that makes a session occupy a slot calls `lock_people` and then `check_free`,
in the same transaction, before writing:

- PostgreSQL: `lock_people` takes `SELECT ... FOR NO KEY UPDATE` row locks on the coach's and the
  coachee's `people` rows, always in id order (so two bookings never deadlock). A second
  booking for either person waits there until the first commits; its overlap query then runs
  with a new READ COMMITTED snapshot and sees the first booking.
- SQLite: the write transaction began with BEGIN IMMEDIATE and holds the database's single
  write lock, so no other connection or process can book in between; FOR UPDATE is not
  rendered at all.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.domain import SessionState
from bot.domain.timewindow import TimeWindow
from bot.ports.errors import SlotTaken
from storage.models import PersonRow, SessionRow

OCCUPYING = tuple(state.value for state in SessionState if state.occupies_slot)


def lock_people(session: Session, *person_ids: int) -> None:
    session.execute(
        select(PersonRow.id)
        .where(PersonRow.id.in_(sorted(set(person_ids))))
        .order_by(PersonRow.id)
        # NO KEY UPDATE: conflicts with itself, yet not with the KEY SHARE locks that
        # inserts referencing these people take (outbox rows, feedback, ...).
        .with_for_update(key_share=True)
    ).all()


def check_free(
    session: Session,
    *,
    coach_id: int,
    coachee_id: int,
    window: TimeWindow,
    ignore_session_id: int = 0,
) -> None:
    """Raise SlotTaken if either person has an occupying session overlapping `window`."""
    people = (coach_id, coachee_id)
    clash = session.scalar(
        select(SessionRow.id)
        .where(
            SessionRow.state.in_(OCCUPYING),
            or_(SessionRow.coach_id.in_(people), SessionRow.coachee_id.in_(people)),
            SessionRow.starts_at < window.end,
            SessionRow.ends_at > window.start,
            SessionRow.id != ignore_session_id,
        )
        .limit(1)
    )
    if clash is not None:
        raise SlotTaken(
            f"{window.start:%Y-%m-%d %H:%M}-{window.end:%H:%M} UTC overlaps session {clash}"
        )
