"""Scheduled messages in memory: unique keys, claims held by their owner under a lease."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.domain.outbox import OutboxMessage, OutboxState, Reach
from tests.fakes.memory_tables import (
    CLAIMED,
    PENDING,
    MemoryBase,
    Tables,
    json_copy,
    utc,
)


class OutboxParts(MemoryBase):
    @staticmethod
    def _armed(message: OutboxMessage, *, id: int) -> OutboxMessage:
        return OutboxMessage(
            key=message.key,
            recipient_id=message.recipient_id,
            kind=message.kind,
            due_at=utc(message.due_at),
            payload=json_copy(message.payload),
            id=id,
        )

    def schedule(self, message: OutboxMessage) -> bool:
        with self._atomic() as t:
            self._existing(t.people, message.recipient_id, "people")
            held = t.outbox_keys.get(message.key)
            if held is None:
                stored = self._armed(message, id=t.new_id("outbox"))
                t.outbox[stored.id] = stored
                t.outbox_keys[stored.key] = stored.id
                return True
            if t.outbox[held].state is not OutboxState.CANCELLED:
                return False
            t.outbox[held] = self._armed(message, id=held)
            return True

    def reschedule(self, key: str, due_at: datetime) -> bool:
        with self._atomic() as t:
            held = t.outbox_keys.get(key)
            if held is None or t.outbox[held].state is not PENDING:
                return False
            t.outbox[held] = replace(t.outbox[held], due_at=utc(due_at))
            return True

    def cancel_scheduled(self, key_prefix: str) -> int:
        with self._atomic() as t:
            cancelled = [
                m for m in t.outbox.values() if m.key.startswith(key_prefix) and m.state is PENDING
            ]
            for m in cancelled:
                t.outbox[m.id] = replace(m, state=OutboxState.CANCELLED)
            return len(cancelled)

    @staticmethod
    def _claimable(message: OutboxMessage, now: datetime) -> bool:
        if message.due_at > now:
            return False
        if message.state is PENDING:
            return True
        return (
            message.state is CLAIMED
            and message.lease_until is not None
            and message.lease_until < now
        )

    @staticmethod
    def _message(message: OutboxMessage) -> OutboxMessage:
        return replace(message, payload=json_copy(message.payload))

    @staticmethod
    def _left(t: Tables, person_id: int, reach: Reach) -> bool:
        theirs = frozenset(i.channel for i in t.identities.values() if i.person_id == person_id)
        return reach.leaves(theirs)

    def claim_due(
        self,
        *,
        now: datetime,
        limit: int,
        lease_until: datetime,
        owner: str,
        reach: Reach | None = None,
    ) -> list[OutboxMessage]:
        with self._atomic() as t:
            due = sorted(
                (
                    m
                    for m in t.outbox.values()
                    if self._claimable(m, now)
                    and not (reach is not None and self._left(t, m.recipient_id, reach))
                ),
                key=lambda m: (m.due_at, m.id),
            )[:limit]
            claimed = []
            for m in due:
                stored = replace(
                    m,
                    state=CLAIMED,
                    lease_until=utc(lease_until),
                    claimed_by=owner,
                    attempts=m.attempts + 1,
                )
                t.outbox[m.id] = stored
                claimed.append(self._message(stored))
            return claimed

    def count_due(self, *, now: datetime) -> int:
        with self._read() as t:
            return sum(1 for m in t.outbox.values() if self._claimable(m, now))

    def _held(self, t: Tables, message_ids: Sequence[int], owner: str) -> list[OutboxMessage]:
        return [
            t.outbox[i]
            for i in message_ids
            if i in t.outbox and t.outbox[i].state is CLAIMED and t.outbox[i].claimed_by == owner
        ]

    def renew_claims(
        self, message_ids: Sequence[int], *, owner: str, lease_until: datetime
    ) -> set[int]:
        with self._atomic() as t:
            held = self._held(t, message_ids, owner)
            for m in held:
                t.outbox[m.id] = replace(m, lease_until=utc(lease_until))
            return {m.id for m in held}

    def release_claims(self, message_ids: Sequence[int], *, owner: str) -> int:
        with self._atomic() as t:
            held = self._held(t, message_ids, owner)
            for m in held:
                t.outbox[m.id] = replace(
                    m, state=PENDING, lease_until=None, claimed_by="", attempts=m.attempts - 1
                )
            return len(held)

    def _mark(self, message_id: int, owner: str, change: Callable[[OutboxMessage], Any]) -> bool:
        with self._atomic() as t:
            self._existing(t.outbox, message_id, "outbox")
            held = self._held(t, [message_id], owner)
            if not held:
                return False
            t.outbox[message_id] = change(held[0])
            return True

    def mark_part_sent(self, message_id: int, *, owner: str, parts_sent: int) -> bool:
        return self._mark(message_id, owner, lambda m: replace(m, parts_sent=parts_sent))

    def mark_sent(self, message_id: int, *, at: datetime, owner: str) -> bool:
        return self._mark(
            message_id,
            owner,
            lambda m: replace(
                m, state=OutboxState.SENT, sent_at=utc(at), lease_until=None, last_error=""
            ),
        )

    def mark_skipped(self, message_id: int, *, reason: str, owner: str) -> bool:
        return self._mark(
            message_id,
            owner,
            lambda m: replace(m, state=OutboxState.SKIPPED, skip_reason=reason, lease_until=None),
        )

    def mark_failed(
        self, message_id: int, *, error: str, retry_at: datetime | None, owner: str
    ) -> bool:
        if retry_at is None:
            return self._mark(
                message_id,
                owner,
                lambda m: replace(m, state=OutboxState.FAILED, last_error=error, lease_until=None),
            )
        return self._mark(
            message_id,
            owner,
            lambda m: replace(
                m,
                state=PENDING,
                due_at=utc(retry_at),
                last_error=error,
                lease_until=None,
                claimed_by="",
            ),
        )

    def list_outbox(self, *, states: Sequence[str] | None = None) -> list[OutboxMessage]:
        wanted = None if states is None else {str(s) for s in states}
        with self._read() as t:
            return [
                self._message(m)
                for m in sorted(t.outbox.values(), key=lambda m: (m.due_at, m.id))
                if wanted is None or m.state.value in wanted
            ]
