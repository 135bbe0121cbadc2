"""The console channel's mailbox: what the bot said to a person while no terminal of
theirs was open, and the last question put to them, so `coachpool chat` works like a DM
history across runs. Only the console channel uses these tables."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Table
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class ConsoleMessageRow(Base):
    """A message not yet shown: deleted once printed in the person's terminal."""

    __tablename__ = "console_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    arrived_at: Mapped[datetime]
    replies: Mapped[list[Any]]  # bot.replies.codec's JSON


class ConsoleOfferRow(Base):
    """The options (or form) last put to the person: answerable in their next chat."""

    __tablename__ = "console_offers"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True)
    replies: Mapped[list[Any]]


CONSOLE_MESSAGES: Table = ConsoleMessageRow.__table__  # type: ignore[assignment]
CONSOLE_OFFERS: Table = ConsoleOfferRow.__table__  # type: ignore[assignment]
