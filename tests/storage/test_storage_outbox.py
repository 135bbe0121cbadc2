"""The outbox: idempotent scheduling, claims that never overlap, leases that expire."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta

import pytest
from storage_testkit import T0, Pool

from bot.domain.outbox import OutboxMessage, OutboxState
from bot.ports.errors import NotFound
from storage.store import SqlStore

LEASE = timedelta(minutes=5)


def message(pool: Pool, key: str, *, minutes: int = 0, payload: int = 1) -> OutboxMessage:
    return OutboxMessage(
        key=key,
        recipient_id=pool.coach.id,
        kind="reminder",
        due_at=T0 + timedelta(minutes=minutes),
        payload={"version": payload},
    )


def states(store: SqlStore) -> dict[str, OutboxState]:
    return {m.key: m.state for m in store.list_outbox()}


def test_schedule_is_idempotent_by_key(pool: Pool) -> None:
    store = pool.store
    assert store.schedule(message(pool, "reminder:1"))
    assert not store.schedule(message(pool, "reminder:1", minutes=30, payload=2))
    [only] = store.list_outbox()
    assert only.due_at == T0
    assert only.payload == {"version": 1}


def test_a_cancelled_key_is_rearmed(pool: Pool) -> None:
    store = pool.store
    store.schedule(message(pool, "reminder:1"))
    store.claim_due(now=T0, limit=1, lease_until=T0 + LEASE, owner="me")
    store.mark_failed(store.list_outbox()[0].id, error="timeout", retry_at=T0 + LEASE, owner="me")
    assert store.cancel_scheduled("reminder:") == 1
    assert store.schedule(message(pool, "reminder:1", minutes=60, payload=2))
    [rearmed] = store.list_outbox()
    assert rearmed.state is OutboxState.PENDING
    assert (rearmed.due_at, rearmed.payload) == (T0 + timedelta(hours=1), {"version": 2})
    assert (rearmed.attempts, rearmed.last_error) == (0, "")


def test_reschedule_moves_only_pending_messages(pool: Pool) -> None:
    store = pool.store
    store.schedule(message(pool, "a"))
    assert store.reschedule("a", T0 + timedelta(days=1))
    assert store.list_outbox()[0].due_at == T0 + timedelta(days=1)
    assert not store.reschedule("missing", T0)
    store.cancel_scheduled("a")
    assert not store.reschedule("a", T0)


def test_cancel_by_literal_prefix(pool: Pool) -> None:
    store = pool.store
    for key in ("session:7:reminder:24h", "session:7:reminder:1h", "session:70:x", "s_x", "sax"):
        store.schedule(message(pool, key))
    store.claim_due(
        now=T0, limit=1, lease_until=T0 + LEASE, owner="me"
    )  # claims session:7:reminder:24h
    assert store.cancel_scheduled("session:7:") == 1  # claimed messages are not pending
    assert store.cancel_scheduled("s_") == 1  # "_" is not a wildcard: "sax" stays
    assert states(store) == {
        "session:7:reminder:24h": OutboxState.CLAIMED,
        "session:7:reminder:1h": OutboxState.CANCELLED,
        "session:70:x": OutboxState.PENDING,
        "s_x": OutboxState.CANCELLED,
        "sax": OutboxState.PENDING,
    }


def test_claim_due_takes_due_messages_in_order(pool: Pool) -> None:
    store = pool.store
    for minutes, key in ((10, "c"), (-10, "a"), (0, "b"), (11, "future")):
        store.schedule(message(pool, key, minutes=minutes))
    now = T0 + timedelta(minutes=10)
    first = store.claim_due(now=now, limit=2, lease_until=now + LEASE, owner="me")
    assert [m.key for m in first] == ["a", "b"]
    assert all(m.state is OutboxState.CLAIMED and m.attempts == 1 for m in first)
    assert all(m.lease_until == now + LEASE for m in first)
    assert [
        m.key for m in store.claim_due(now=now, limit=10, lease_until=now + LEASE, owner="me")
    ] == ["c"]
    assert store.claim_due(now=now, limit=10, lease_until=now + LEASE, owner="me") == []


def test_an_expired_lease_makes_a_message_claimable_again(pool: Pool) -> None:
    store = pool.store
    store.schedule(message(pool, "m"))
    [claimed] = store.claim_due(now=T0, limit=5, lease_until=T0 + LEASE, owner="me")
    # The dispatcher died: nothing until the lease ends, then it is claimed again.
    assert store.claim_due(now=T0 + LEASE, limit=5, lease_until=T0 + 2 * LEASE, owner="me") == []
    later = T0 + LEASE + timedelta(seconds=1)
    [again] = store.claim_due(now=later, limit=5, lease_until=later + LEASE, owner="next")
    assert again.id == claimed.id
    assert again.attempts == 2
    # The first claimer woke up: its claim is gone, so its marks and renewals write nothing.
    assert store.renew_claims([claimed.id], owner="me", lease_until=later + 2 * LEASE) == set()
    assert not store.mark_failed(claimed.id, error="late", retry_at=later, owner="me")
    assert store.mark_sent(again.id, at=later, owner="next")
    # Nor can it put a message another replica sent back to pending.
    assert not store.mark_failed(claimed.id, error="late", retry_at=later, owner="me")
    assert not store.mark_sent(claimed.id, at=later, owner="me")
    [sent] = store.list_outbox(states=[OutboxState.SENT])
    assert (sent.sent_at, sent.lease_until) == (later, None)
    assert store.claim_due(now=T0 + timedelta(days=1), limit=5, lease_until=later, owner="me") == []


def test_mark_failed_retries_or_gives_up(pool: Pool) -> None:
    store = pool.store
    store.schedule(message(pool, "m"))
    [claimed] = store.claim_due(now=T0, limit=1, lease_until=T0 + LEASE, owner="me")
    store.mark_failed(
        claimed.id, error="429 rate limited", retry_at=T0 + timedelta(minutes=2), owner="me"
    )
    [retry] = store.list_outbox(states=[OutboxState.PENDING])
    assert (retry.due_at, retry.last_error, retry.lease_until) == (
        T0 + timedelta(minutes=2),
        "429 rate limited",
        None,
    )
    assert (
        store.claim_due(now=T0 + timedelta(minutes=1), limit=1, lease_until=T0 + LEASE, owner="me")
        == []
    )
    [claimed] = store.claim_due(
        now=T0 + timedelta(minutes=2), limit=1, lease_until=T0 + LEASE, owner="me"
    )
    store.mark_failed(claimed.id, error="user not found", retry_at=None, owner="me")
    [failed] = store.list_outbox(states=[OutboxState.FAILED])
    assert (failed.attempts, failed.last_error) == (2, "user not found")
    with pytest.raises(NotFound):
        store.mark_sent(9999, at=T0, owner="me")


def test_concurrent_claimers_never_share_a_message(pool: Pool, database_url: str) -> None:
    count, claimers = 300, 3
    with pool.store.transaction():
        for n in range(count):
            pool.store.schedule(message(pool, f"bulk:{n}", minutes=-n))
    stores = [SqlStore.open(database_url) for _ in range(claimers)]
    start = threading.Barrier(claimers)
    claimed: list[list[int]] = [[] for _ in range(claimers)]

    def claim(index: int) -> None:
        start.wait()
        while batch := stores[index].claim_due(now=T0, limit=7, lease_until=T0 + LEASE, owner="me"):
            claimed[index].extend(m.id for m in batch)

    threads = [threading.Thread(target=claim, args=(n,)) for n in range(claimers)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        for store in stores:
            store.close()
    every = [message_id for batch in claimed for message_id in batch]
    assert len(every) == count
    assert Counter(every).most_common(1)[0][1] == 1
    assert {m.state for m in pool.store.list_outbox()} == {OutboxState.CLAIMED}


def test_a_claim_is_renewed_released_and_resumed_only_by_its_owner(pool: Pool) -> None:
    store = pool.store
    store.schedule(message(pool, "m"))
    store.schedule(message(pool, "n"))
    first, second = store.claim_due(now=T0, limit=5, lease_until=T0 + LEASE, owner="me")
    assert store.renew_claims([first.id, second.id], owner="other", lease_until=T0) == set()
    renewed = store.renew_claims([first.id], owner="me", lease_until=T0 + 3 * LEASE)
    assert renewed == {first.id}
    # Renewed: still held after the first lease would have ended; the other is taken over.
    after = T0 + LEASE + timedelta(seconds=1)
    [taken] = store.claim_due(now=after, limit=5, lease_until=after + LEASE, owner="other")
    assert taken.id == second.id
    assert store.mark_part_sent(first.id, owner="me", parts_sent=1)
    assert not store.mark_part_sent(second.id, owner="me", parts_sent=1)
    assert store.release_claims([taken.id], owner="other") == 1
    [back] = store.list_outbox(states=[OutboxState.PENDING])
    assert (back.id, back.attempts, back.claimed_by) == (second.id, 1, "")
    assert store.count_due(now=after) == 1
    [mine] = [m for m in store.list_outbox() if m.id == first.id]
    assert (mine.parts_sent, mine.claimed_by) == (1, "me")
