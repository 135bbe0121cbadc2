"""Messages the bot sends on its own initiative: rows in the store, delivered by a dispatcher."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class OutboxState(StrEnum):
    PENDING = "pending"
    CLAIMED = "claimed"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"
    SKIPPED = "skipped"  # no longer worth sending when it came to be sent: see `skip_reason`


@dataclass(frozen=True)
class OutboxMessage:
    """One scheduled message. `key` is unique (e.g. "reminder:24h:session:7:person:3"),
    so scheduling the same message twice is harmless."""

    key: str
    recipient_id: int
    kind: str
    due_at: datetime
    payload: dict[str, Any] = field(default_factory=dict)
    id: int = 0
    state: OutboxState = OutboxState.PENDING
    attempts: int = 0
    lease_until: datetime | None = None
    last_error: str = ""
    sent_at: datetime | None = None
    claimed_by: str = ""  # the token of the dispatcher holding the claim
    parts_sent: int = 0  # parts already delivered (a card, then its invite)
    skip_reason: str = ""  # why a SKIPPED message lost its meaning
