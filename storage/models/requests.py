"""Coaching requests and the shortlists offered for them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class RequestRow(Base):
    __tablename__ = "requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    coachee_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id"), index=True)
    state: Mapped[str] = mapped_column(String(32), index=True)
    created_at: Mapped[datetime]
    topic: Mapped[str] = mapped_column(Text, default="")
    goal: Mapped[str] = mapped_column(Text, default="")
    reality: Mapped[str] = mapped_column(Text, default="")
    preferences: Mapped[str] = mapped_column(Text, default="")
    format: Mapped[str] = mapped_column(String(16))
    location: Mapped[str] = mapped_column(Text, default="")
    # [[start, end], ...] as ISO 8601 UTC strings: only ever read whole, never queried.
    windows: Mapped[list[Any]]
    declined_coach_ids: Mapped[list[int]]
    # The times on offer for the chosen coach, same form as `windows`.
    offered_slots: Mapped[list[Any]]
    chosen_coach_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    asked_at: Mapped[datetime | None]
    updated_at: Mapped[datetime | None]


class ShortlistEntryRow(Base):
    __tablename__ = "shortlist_entries"

    request_id: Mapped[int] = mapped_column(
        ForeignKey("requests.id", ondelete="CASCADE"), primary_key=True
    )
    rank: Mapped[int] = mapped_column(primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    score: Mapped[float]
    reasons: Mapped[list[str]]
