"""Scheduled messages: queued under unique keys, claimed and delivered by the dispatcher."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from bot.domain.outbox import OutboxMessage, Reach


class OutboxStore(Protocol):
    def schedule(self, message: OutboxMessage) -> bool:
        """Add the message unless one with its key exists; True if added. A key whose
        message was cancelled is re-armed with the new due time and payload."""
        ...

    def reschedule(self, key: str, due_at: datetime) -> bool:
        """Move a pending message; False if there is none pending under that key."""
        ...

    def cancel_scheduled(self, key_prefix: str) -> int:
        """Cancel pending messages whose key starts with the prefix; returns how many."""
        ...

    def claim_due(
        self,
        *,
        now: datetime,
        limit: int,
        lease_until: datetime,
        owner: str,
        reach: Reach | None = None,
    ) -> list[OutboxMessage]:
        """Claim up to `limit` messages due by `now` that are pending or whose lease has
        expired, marking them claimed by `owner` until `lease_until`. Concurrent claimers
        never receive the same message (row locks skipped by others where the database
        has them). With `reach`, the claimer delivers on some channels only: a message for
        someone it leaves (`Reach.leaves`: on another channel, and on none of its
        platforms) is not claimed, so it stays due, untried, for a claimer that reaches
        them."""
        ...

    def count_due(self, *, now: datetime) -> int:
        """How many messages a claim at `now` could take."""
        ...

    def renew_claims(
        self, message_ids: Sequence[int], *, owner: str, lease_until: datetime
    ) -> set[int]:
        """Extend the lease of those of the messages `owner` still holds; their ids."""
        ...

    def release_claims(self, message_ids: Sequence[int], *, owner: str) -> int:
        """Give back claims not started (pending again, the attempt not counted)."""
        ...

    def mark_part_sent(self, message_id: int, *, owner: str, parts_sent: int) -> bool:
        """Record that the first `parts_sent` parts were delivered, if `owner` holds it."""
        ...

    def mark_sent(self, message_id: int, *, at: datetime, owner: str) -> bool:
        """SENT, if `owner` still holds the claim; False (nothing written) if not."""
        ...

    def mark_skipped(self, message_id: int, *, reason: str, owner: str) -> bool:
        """SKIPPED with `reason` (it lost its meaning), if `owner` still holds the claim."""
        ...

    def mark_failed(
        self, message_id: int, *, error: str, retry_at: datetime | None, owner: str
    ) -> bool:
        """Record a failed attempt, if `owner` still holds the claim: back to pending due at
        `retry_at`, or FAILED for good when `retry_at` is None. False if not held."""
        ...

    def list_outbox(self, *, states: Sequence[str] | None = None) -> list[OutboxMessage]: ...
