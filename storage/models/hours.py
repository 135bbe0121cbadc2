"""Each person's running totals of held coaching, written by database triggers."""

from __future__ import annotations

from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class PersonHoursRow(Base):
    """Minutes of HELD sessions a person gave as coach and received as coachee, kept by
    triggers on `sessions` (migration 0014_hours_totals) in the transaction that marks a
    session held, un-holds, moves, reassigns or deletes it, whoever writes it. Matching sums
    these by each person's organisation now, so its read costs people, not history. A
    person with no held session ever has no row. No foreign key: a derived table, emptied
    by the triggers before its people go (a restore deletes sessions, then people)."""

    __tablename__ = "person_hours"

    person_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    given_minutes: Mapped[int] = mapped_column(default=0, server_default="0")
    received_minutes: Mapped[int] = mapped_column(default=0, server_default="0")
