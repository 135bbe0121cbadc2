"""Feedback on sessions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.domain.feedback import Feedback, FinalEvaluation
from storage.models import EvaluationRow, FeedbackRow
from storage.repos.rows import fresh
from storage.repos.upsert import upsert
from storage.unit import UnitOfWork


def to_feedback(row: FeedbackRow) -> Feedback:
    return Feedback(
        session_id=row.session_id,
        person_id=row.person_id,
        submitted_at=row.submitted_at,
        usefulness=row.usefulness,
        progress=row.progress,
        comment=row.comment,
        consent_to_share_themes=row.consent_to_share_themes,
        themes=tuple(row.themes),
    )


class FeedbackRepo(UnitOfWork):
    def save_feedback(self, feedback: Feedback) -> None:
        """Insert or replace the feedback of (session, person)."""
        with self._write() as s:
            upsert(
                s,
                FeedbackRow,
                {
                    "session_id": feedback.session_id,
                    "person_id": feedback.person_id,
                    "submitted_at": feedback.submitted_at,
                    "usefulness": feedback.usefulness,
                    "progress": feedback.progress,
                    "comment": feedback.comment,
                    "consent_to_share_themes": feedback.consent_to_share_themes,
                    "themes": list(feedback.themes),
                },
                unique=("session_id", "person_id"),
            )

    def list_feedback(self, *, since: datetime | None = None) -> list[Feedback]:
        """Submitted at or after `since`, oldest first."""
        query = select(FeedbackRow)
        if since is not None:
            query = query.where(FeedbackRow.submitted_at >= since)
        with self._read() as s:
            rows = s.scalars(fresh(query.order_by(FeedbackRow.submitted_at, FeedbackRow.id)))
            return [to_feedback(row) for row in rows]

    def save_evaluation(self, evaluation: FinalEvaluation) -> None:
        """Insert or replace the evaluation of (engagement, person)."""
        with self._write() as s:
            upsert(
                s,
                EvaluationRow,
                {
                    "engagement_id": evaluation.engagement_id,
                    "person_id": evaluation.person_id,
                    "submitted_at": evaluation.submitted_at,
                    "goal_attainment": evaluation.goal_attainment,
                    "would_recommend": evaluation.would_recommend,
                },
                unique=("engagement_id", "person_id"),
            )

    def list_evaluations(self, *, since: datetime | None = None) -> list[FinalEvaluation]:
        """Submitted at or after `since`, oldest first."""
        query = select(EvaluationRow)
        if since is not None:
            query = query.where(EvaluationRow.submitted_at >= since)
        with self._read() as s:
            rows = s.scalars(fresh(query.order_by(EvaluationRow.submitted_at, EvaluationRow.id)))
            return [
                FinalEvaluation(
                    engagement_id=row.engagement_id,
                    person_id=row.person_id,
                    submitted_at=row.submitted_at,
                    goal_attainment=row.goal_attainment,
                    would_recommend=row.would_recommend,
                )
                for row in rows
            ]
