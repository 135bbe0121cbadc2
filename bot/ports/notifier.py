"""How the core reaches a person outside a conversation turn (reminders, prompts, digests)."""

from __future__ import annotations

from typing import Protocol

from bot.replies import Reply


class DeliveryError(Exception):
    """A send failed. `retryable` says whether trying again later may succeed."""

    def __init__(self, reason: str, *, retryable: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable


class Notifier(Protocol):
    def send(self, *, person_id: int, replies: list[Reply]) -> None:
        """Deliver replies to the person on the channel they use; raise DeliveryError."""
        ...
