"""Coach profiles with their weekly availability and one-off exceptions."""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base


class CoachRow(Base):
    __tablename__ = "coach_profiles"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    accreditation: Mapped[str] = mapped_column(String(16))
    specialisms: Mapped[list[str]]
    bio: Mapped[str] = mapped_column(Text, default="")
    formats: Mapped[list[str]]
    locations: Mapped[list[str]]
    max_coachees: Mapped[int]
    max_hours_per_month: Mapped[float]
    paused: Mapped[bool] = mapped_column(default=False)
    pause_reason: Mapped[str] = mapped_column(Text, default="")
    meeting_link: Mapped[str] = mapped_column(Text, default="")

    weekly: Mapped[list[WeeklySlotRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="WeeklySlotRow.id"
    )
    exceptions: Mapped[list[AvailabilityExceptionRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="AvailabilityExceptionRow.id"
    )


class WeeklySlotRow(Base):
    __tablename__ = "coach_weekly_slots"

    id: Mapped[int] = mapped_column(primary_key=True)
    coach_id: Mapped[int] = mapped_column(
        ForeignKey("coach_profiles.person_id", ondelete="CASCADE"), index=True
    )
    weekday: Mapped[int]
    starts: Mapped[time]
    ends: Mapped[time]


class AvailabilityExceptionRow(Base):
    __tablename__ = "coach_exceptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    coach_id: Mapped[int] = mapped_column(
        ForeignKey("coach_profiles.person_id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    available: Mapped[bool]
    note: Mapped[str] = mapped_column(Text, default="")
