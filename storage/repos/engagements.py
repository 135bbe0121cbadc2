"""Engagements: one coach, one coachee, a programme's allowance of sessions."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from bot.domain import Engagement, EngagementState
from bot.domain.lifecycles.engagement import ENGAGEMENT
from storage.models import EngagementRow
from storage.repos.rows import fresh, row_or_none
from storage.repos.transitions import locked_for_move
from storage.unit import UnitOfWork


def to_engagement(row: EngagementRow) -> Engagement:
    return Engagement(
        id=row.id,
        request_id=row.request_id,
        programme_id=row.programme_id,
        coach_id=row.coach_id,
        coachee_id=row.coachee_id,
        state=EngagementState(row.state),
        sessions_allowed=row.sessions_allowed,
        started_at=row.started_at,
        sponsor_id=row.sponsor_id,
        closed_at=row.closed_at,
        close_reason=row.close_reason,
    )


def _fill(row: EngagementRow, engagement: Engagement) -> None:
    row.request_id = engagement.request_id
    row.programme_id = engagement.programme_id
    row.coach_id = engagement.coach_id
    row.coachee_id = engagement.coachee_id
    row.state = engagement.state.value
    row.sessions_allowed = engagement.sessions_allowed
    row.started_at = engagement.started_at
    row.sponsor_id = engagement.sponsor_id
    row.closed_at = engagement.closed_at
    row.close_reason = engagement.close_reason


class EngagementRepo(UnitOfWork):
    def add_engagement(self, engagement: Engagement) -> Engagement:
        with self._write() as s:
            row = EngagementRow()
            _fill(row, engagement)
            s.add(row)
            s.flush()
            return replace(engagement, id=row.id)

    def update_engagement(
        self, engagement: Engagement, *, expected: EngagementState | None = None
    ) -> None:
        """Compare-and-set on the state (see `Store.update_engagement`)."""
        with self._write() as s:
            row = locked_for_move(
                s,
                EngagementRow,
                engagement.id,
                expected=expected or engagement.state,
                new=engagement.state,
                lifecycle=ENGAGEMENT,
            )
            _fill(row, engagement)

    def get_engagement(self, engagement_id: int) -> Engagement | None:
        with self._read() as s:
            row = row_or_none(s, EngagementRow, engagement_id)
            return None if row is None else to_engagement(row)

    def list_engagements(
        self, *, coach_id: int | None = None, coachee_id: int | None = None
    ) -> list[Engagement]:
        """Oldest first."""
        query = select(EngagementRow)
        if coach_id is not None:
            query = query.where(EngagementRow.coach_id == coach_id)
        if coachee_id is not None:
            query = query.where(EngagementRow.coachee_id == coachee_id)
        with self._read() as s:
            rows = s.scalars(fresh(query.order_by(EngagementRow.started_at, EngagementRow.id)))
            return [to_engagement(row) for row in rows]
