"""The outbox: scheduled messages, idempotent by key, claimed under a lease.

`claim_due` locks the rows it picks with FOR UPDATE SKIP LOCKED on PostgreSQL, so concurrent
dispatchers take disjoint batches without waiting for each other. SQLite has no row locks:
there the claim runs under BEGIN IMMEDIATE, which makes concurrent claimers take turns.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Update, and_, exists, func, not_, or_, select, update

from bot.domain.outbox import OutboxMessage, OutboxState, Reach
from storage.models import IdentityRow, OutboxRow
from storage.repos.rows import fresh, row_of, rows_changed
from storage.repos.upsert import insert_or_ignore
from storage.unit import UnitOfWork

PENDING = OutboxState.PENDING.value
CLAIMED = OutboxState.CLAIMED.value


def to_message(row: OutboxRow) -> OutboxMessage:
    return OutboxMessage(
        id=row.id,
        key=row.key,
        recipient_id=row.recipient_id,
        kind=row.kind,
        due_at=row.due_at,
        payload=dict(row.payload),
        state=OutboxState(row.state),
        attempts=row.attempts,
        lease_until=row.lease_until,
        last_error=row.last_error,
        sent_at=row.sent_at,
        claimed_by=row.claimed_by,
        parts_sent=row.parts_sent,
        skip_reason=row.skip_reason,
    )


def _armed(message: OutboxMessage) -> dict[str, Any]:
    """Columns of a message (re-)armed as new: pending, never tried."""
    return {
        "recipient_id": message.recipient_id,
        "kind": message.kind,
        "due_at": message.due_at,
        "payload": dict(message.payload),
        "state": PENDING,
        "attempts": 0,
        "lease_until": None,
        "last_error": "",
        "sent_at": None,
        "claimed_by": "",
        "parts_sent": 0,
        "skip_reason": "",
    }


def _claimable(now: datetime) -> ColumnElement[bool]:
    return and_(
        OutboxRow.due_at <= now,
        or_(
            OutboxRow.state == PENDING,
            and_(OutboxRow.state == CLAIMED, OutboxRow.lease_until < now),
        ),
    )


def _left(reach: Reach) -> ColumnElement[bool]:
    """`reach.leaves` the recipient: they are on a channel it does not deliver on, and on
    none of its platforms."""
    on = IdentityRow.person_id == OutboxRow.recipient_id
    platforms = sorted(reach.platforms)
    delivered = sorted(reach.platforms | reach.in_process)
    return and_(
        exists().where(on, IdentityRow.channel.not_in(delivered)),
        not_(exists().where(on, IdentityRow.channel.in_(platforms))),
    )


def _held(message_ids: Sequence[int], owner: str) -> Update:
    """An UPDATE of those of the messages that `owner` still holds claimed."""
    return update(OutboxRow).where(
        OutboxRow.id.in_(message_ids), OutboxRow.state == CLAIMED, OutboxRow.claimed_by == owner
    )


class OutboxRepo(UnitOfWork):
    def schedule(self, message: OutboxMessage) -> bool:
        """Add the message unless one with its key exists; True if added. A key whose
        message was cancelled is re-armed with the new due time and payload. Race-safe:
        of concurrent calls with one key, exactly one returns True."""
        with self._write() as s:
            values = {"key": message.key, **_armed(message)}
            if insert_or_ignore(s, OutboxRow, values, unique=("key",)):
                return True
            rearmed = (
                update(OutboxRow)
                .where(OutboxRow.key == message.key, OutboxRow.state == OutboxState.CANCELLED.value)
                .values(**_armed(message))
                .execution_options(synchronize_session=False)
            )
            return rows_changed(s, rearmed) == 1

    def reschedule(self, key: str, due_at: datetime) -> bool:
        """Move a pending message; False if there is none pending under that key."""
        with self._write() as s:
            moved = (
                update(OutboxRow)
                .where(OutboxRow.key == key, OutboxRow.state == PENDING)
                .values(due_at=due_at)
                .execution_options(synchronize_session=False)
            )
            return rows_changed(s, moved) == 1

    def cancel_scheduled(self, key_prefix: str) -> int:
        """Cancel pending messages whose key starts with the prefix (taken literally:
        `%` and `_` are not wildcards); returns how many."""
        with self._write() as s:
            cancelled = (
                update(OutboxRow)
                .where(OutboxRow.key.startswith(key_prefix, autoescape=True))
                .where(OutboxRow.state == PENDING)
                .values(state=OutboxState.CANCELLED.value)
                .execution_options(synchronize_session=False)
            )
            return rows_changed(s, cancelled)

    def claim_due(
        self,
        *,
        now: datetime,
        limit: int,
        lease_until: datetime,
        owner: str,
        reach: Reach | None = None,
    ) -> list[OutboxMessage]:
        """Claim up to `limit` messages due by `now` (earliest first) that are pending, or
        claimed with a lease that ended before `now`, for `owner`; each claim counts an
        attempt. Messages for people `reach` leaves (if given) are left as they are."""
        claimable = _claimable(now)
        if reach is not None:
            claimable = and_(claimable, not_(_left(reach)))
        with self._write() as s:
            ids = list(
                s.scalars(
                    select(OutboxRow.id)
                    .where(claimable)
                    .order_by(OutboxRow.due_at, OutboxRow.id)
                    .limit(limit)
                    .with_for_update(skip_locked=True)
                )
            )
            if not ids:
                return []
            s.execute(
                update(OutboxRow)
                .where(OutboxRow.id.in_(ids))
                .values(
                    state=CLAIMED,
                    lease_until=lease_until,
                    claimed_by=owner,
                    attempts=OutboxRow.attempts + 1,
                )
                .execution_options(synchronize_session=False)
            )
            rows = s.scalars(
                fresh(
                    select(OutboxRow)
                    .where(OutboxRow.id.in_(ids))
                    .order_by(OutboxRow.due_at, OutboxRow.id)
                )
            )
            return [to_message(row) for row in rows]

    def count_due(self, *, now: datetime) -> int:
        with self._read() as s:
            return int(
                s.scalar(select(func.count()).select_from(OutboxRow).where(_claimable(now))) or 0
            )

    def due_backlog(self, *, now: datetime) -> tuple[int, datetime | None]:
        """How many messages are due and not yet done (waiting, or claimed and in hand),
        and the oldest one's due time: what an operator watches. Both off the
        (state, due_at) index."""
        waiting = and_(OutboxRow.state.in_([PENDING, CLAIMED]), OutboxRow.due_at <= now)
        with self._read() as s:
            count, oldest = s.execute(
                select(func.count(), func.min(OutboxRow.due_at)).where(waiting)
            ).one()
        return int(count or 0), oldest

    def count_failed(self) -> int:
        """Messages that failed for good (each logged with its reason when it did)."""
        failed = OutboxRow.state == OutboxState.FAILED.value
        with self._read() as s:
            return int(s.scalar(select(func.count()).select_from(OutboxRow).where(failed)) or 0)

    def renew_claims(
        self, message_ids: Sequence[int], *, owner: str, lease_until: datetime
    ) -> set[int]:
        """Extend the lease of those of the messages `owner` still holds; their ids."""
        if not message_ids:
            return set()
        with self._write() as s:
            s.execute(
                _held(message_ids, owner)
                .values(lease_until=lease_until)
                .execution_options(synchronize_session=False)
            )
            held = select(OutboxRow.id).where(
                OutboxRow.id.in_(message_ids),
                OutboxRow.state == CLAIMED,
                OutboxRow.claimed_by == owner,
            )
            return set(s.scalars(held))

    def release_claims(self, message_ids: Sequence[int], *, owner: str) -> int:
        """Give back claims not started: pending again, the attempt not counted."""
        if not message_ids:
            return 0
        with self._write() as s:
            released = (
                _held(message_ids, owner)
                .values(
                    state=PENDING,
                    lease_until=None,
                    claimed_by="",
                    attempts=OutboxRow.attempts - 1,
                )
                .execution_options(synchronize_session=False)
            )
            return rows_changed(s, released)

    def mark_part_sent(self, message_id: int, *, owner: str, parts_sent: int) -> bool:
        return self._mark(message_id, owner, parts_sent=parts_sent)

    def mark_sent(self, message_id: int, *, at: datetime, owner: str) -> bool:
        """SENT, if `owner` still holds the claim (False, and nothing written, if not)."""
        return self._mark(
            message_id,
            owner,
            state=OutboxState.SENT.value,
            sent_at=at,
            lease_until=None,
            last_error="",
        )

    def mark_skipped(self, message_id: int, *, reason: str, owner: str) -> bool:
        """SKIPPED with the reason, if `owner` still holds the claim (False if not)."""
        return self._mark(
            message_id,
            owner,
            state=OutboxState.SKIPPED.value,
            skip_reason=reason,
            lease_until=None,
        )

    def mark_failed(
        self, message_id: int, *, error: str, retry_at: datetime | None, owner: str
    ) -> bool:
        """Record a failed attempt if `owner` still holds the claim: back to pending due at
        `retry_at`, or FAILED for good when `retry_at` is None. False if not held."""
        if retry_at is None:
            return self._mark(
                message_id,
                owner,
                state=OutboxState.FAILED.value,
                last_error=error,
                lease_until=None,
            )
        return self._mark(
            message_id,
            owner,
            state=PENDING,
            due_at=retry_at,
            last_error=error,
            lease_until=None,
            claimed_by="",
        )

    def _mark(self, message_id: int, owner: str, **values: Any) -> bool:
        """Write `values` if `owner` holds the claim; NotFound if there is no such row."""
        with self._write() as s:
            changed = rows_changed(
                s,
                _held([message_id], owner)
                .values(**values)
                .execution_options(synchronize_session=False),
            )
            if changed == 0:
                row_of(s, OutboxRow, message_id)  # NotFound for a wrong id
            return changed == 1

    def list_outbox(self, *, states: Sequence[str] | None = None) -> list[OutboxMessage]:
        """By due time."""
        query = select(OutboxRow)
        if states is not None:
            query = query.where(OutboxRow.state.in_([str(state) for state in states]))
        with self._read() as s:
            rows = s.scalars(fresh(query.order_by(OutboxRow.due_at, OutboxRow.id)))
            return [to_message(row) for row in rows]
