"""Scheduled messages, claimed and delivered by the dispatcher."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class OutboxRow(Base):
    __tablename__ = "outbox"
    # What `claim_due` scans: pending (or claimed) rows by due time.
    __table_args__ = (Index("ix_outbox_state_due_at", "state", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    kind: Mapped[str] = mapped_column(String(64))
    due_at: Mapped[datetime]
    payload: Mapped[dict[str, Any]]
    state: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(default=0)
    lease_until: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None]
    # The token of the dispatcher holding the claim: marks and renewals check it.
    claimed_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # How many parts of the message were delivered: a retry resumes after them.
    parts_sent: Mapped[int] = mapped_column(default=0, server_default="0")
    # Why a message was skipped rather than sent: it had lost its meaning by then.
    skip_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
