"""Programmes and their rules."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class ProgrammeRow(Base):
    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    session_minutes: Mapped[int]
    max_sessions: Mapped[int]
    max_per_organisation: Mapped[int | None]
    same_organisation_allowed: Mapped[bool]
    required_accreditation: Mapped[str] = mapped_column(String(16))
    chemistry_session: Mapped[bool]
    sponsor_approval: Mapped[bool]
    feedback_required: Mapped[bool]
    response_deadline_working_days: Mapped[int]
    reminder_hours_before: Mapped[list[int]]
    no_show_limit: Mapped[int]
    late_cancellation_hours: Mapped[int]
    active: Mapped[bool]
    open_to: Mapped[list[str]]
