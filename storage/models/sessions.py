"""Engagements and their sessions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class EngagementRow(Base):
    __tablename__ = "engagements"
    # Matching counts each coach's open engagements: only the open ones are read.
    __table_args__ = (Index("ix_engagements_state_coach_id", "state", "coach_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id"))
    coach_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    coachee_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    state: Mapped[str] = mapped_column(String(32))
    sessions_allowed: Mapped[int]
    started_at: Mapped[datetime]
    sponsor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    closed_at: Mapped[datetime | None]
    close_reason: Mapped[str] = mapped_column(Text, default="")


class SessionRow(Base):
    __tablename__ = "sessions"
    # The overlap check looks up each person's sessions by start time; matching reads the
    # coming weeks' and this month's sessions of everyone, by start time alone.
    __table_args__ = (
        Index("ix_sessions_coach_id_starts_at", "coach_id", "starts_at"),
        Index("ix_sessions_coachee_id_starts_at", "coachee_id", "starts_at"),
        Index("ix_sessions_starts_at", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagements.id"), index=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    coachee_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(32))
    meeting_link: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(Text, default="")
    cancelled_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    cancelled_at: Mapped[datetime | None]
    late_cancellation: Mapped[bool] = mapped_column(default=False)
    no_show_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    calendar_sequence: Mapped[int] = mapped_column(default=0, server_default="0")
    calendar_event_id: Mapped[str] = mapped_column(String(512), default="", server_default="")
