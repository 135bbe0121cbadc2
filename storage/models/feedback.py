"""Feedback on a session, one per (session, person)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class FeedbackRow(Base):
    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("session_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    submitted_at: Mapped[datetime] = mapped_column(index=True)
    usefulness: Mapped[int | None]
    progress: Mapped[int | None]
    comment: Mapped[str] = mapped_column(Text, default="")
    consent_to_share_themes: Mapped[bool] = mapped_column(default=False)
    themes: Mapped[list[str]]


class EvaluationRow(Base):
    __tablename__ = "final_evaluations"
    __table_args__ = (UniqueConstraint("engagement_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagements.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    submitted_at: Mapped[datetime] = mapped_column(index=True)
    goal_attainment: Mapped[int]
    would_recommend: Mapped[int]
