"""Messages the bot sends on its own initiative: rows in the store, delivered by a dispatcher."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from bot.domain.people import Channel


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


@dataclass(frozen=True)
class Reach:
    """The channels a dispatcher delivers on, when it does not deliver on them all (a console
    chat without a platform's settings). `platforms` are the chat platforms it has a sender
    for; `in_process` are channels it reaches people on without a platform (the console's
    inbox), which never mean a person is reached elsewhere. A message for someone with an
    identity on some other channel and on none of `platforms` is left due, untried, for a
    dispatcher that reaches them; anyone else's it takes."""

    platforms: frozenset[Channel]
    in_process: frozenset[Channel] = frozenset()

    def leaves(self, channels: frozenset[Channel]) -> bool:
        """Whether a person with identities on `channels` is left for another dispatcher."""
        elsewhere = channels - self.platforms - self.in_process
        return bool(elsewhere) and not channels & self.platforms
