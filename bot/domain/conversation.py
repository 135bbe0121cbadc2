"""The persisted position of one person's conversation on one channel."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.domain.people import Channel


@dataclass(frozen=True)
class ConversationState:
    """Which conversation a person is in, at which step, with what it has gathered.

    `data` holds only JSON-compatible values so that any replica can pick it up.
    `history` is the stack of previous steps, for "back".
    """

    person_id: int
    channel: Channel
    name: str
    step: str
    data: dict[str, Any] = field(default_factory=dict)
    history: tuple[str, ...] = ()
    updated_at: datetime | None = None
