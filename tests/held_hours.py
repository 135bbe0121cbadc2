"""The organisations' hours given minus received, aggregated from scratch over every held
session, as `organisation_hours` computed it before the running totals: what the totals
must always sum to."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from bot.domain import SessionState
from storage.models import PersonRow, SessionRow
from storage.repos.sessions import session_minutes
from storage.store import SqlStore


def hours_from_scratch(store: SqlStore) -> dict[int, float]:
    balance: dict[int, float] = defaultdict(float)
    with Session(store.engine) as s:
        minutes = func.sum(session_minutes(s))
        for side, sign in ((SessionRow.coach_id, 1), (SessionRow.coachee_id, -1)):
            person = aliased(PersonRow)
            rows = s.execute(
                select(person.organisation_id, minutes)
                .join(person, person.id == side)
                .where(SessionRow.state == SessionState.HELD.value, person.erased.is_(False))
                .group_by(person.organisation_id)
            )
            for organisation_id, total in rows:
                balance[organisation_id] += sign * float(total or 0) / 60
    return dict(balance)
