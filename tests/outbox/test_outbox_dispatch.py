"""The outbox is the truth: every due message is delivered once, across restarts and
replicas; failures retry with backoff and end as failed with the reason."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import SimulatedClock
from bot.domain import Organisation, Person, Role
from bot.domain.outbox import OutboxMessage, OutboxState
from bot.notices import NoticeKind
from bot.outbox.dispatcher import BACKOFF, MAX_ATTEMPTS, dispatch_due
from bot.ports.notifier import DeliveryError
from bot.replies import Reply, Text
from bot.replies.codec import encode_replies
from bot.services import Services
from storage.store import SqlStore

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@dataclass
class CountingNotifier:
    """Thread-safe record of deliveries; fails on demand."""

    fail_with: DeliveryError | None = None
    delivered: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def send(self, *, person_id: int, replies: list[Reply]) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        text = replies[0]
        assert isinstance(text, Text)
        with self.lock:
            self.delivered[text.text] += 1


def _person(store: SqlStore) -> int:
    org = store.add_organisation(Organisation(0, "dudley", "Dudley"))
    return store.add_person(Person(0, "a@dudley.gov.uk", "A", org.id, frozenset({Role.COACHEE}))).id


def _queue(store: SqlStore, person_id: int, count: int, *, due: datetime = NOW) -> None:
    with store.transaction():
        for n in range(count):
            store.schedule(
                OutboxMessage(
                    key=f"test:{n}",
                    recipient_id=person_id,
                    kind=NoticeKind.NOTICE,
                    due_at=due,
                    payload={"replies": encode_replies([Text(f"message {n}")])},
                )
            )


def test_nothing_is_sent_before_it_is_due_and_everything_after(store: SqlStore) -> None:
    person = _person(store)
    _queue(store, person, 5, due=NOW + timedelta(minutes=10))
    notifier = CountingNotifier()
    clock = SimulatedClock(NOW)
    assert dispatch_due(Services(store=store, clock=clock), notifier).claimed == 0
    clock.advance(timedelta(minutes=10))
    report = dispatch_due(Services(store=store, clock=clock), notifier)
    assert (report.claimed, report.sent) == (5, 5)
    assert sorted(notifier.delivered.values()) == [1] * 5
    assert dispatch_due(Services(store=store, clock=clock), notifier).claimed == 0


def test_a_restart_loses_nothing(database_url: str) -> None:
    """Messages queued by one process are delivered by the next one, once."""
    first = SqlStore.open(database_url)
    person = _person(first)
    _queue(first, person, 20)
    first.close()
    second = SqlStore.open(database_url)
    notifier = CountingNotifier()
    dispatch_due(Services(store=second, clock=SimulatedClock(NOW)), notifier, limit=1000)
    assert len(notifier.delivered) == 20
    assert all(m.state is OutboxState.SENT for m in second.list_outbox())
    second.close()


def test_a_replica_killed_mid_send_leaves_its_claim_to_expire(store: SqlStore) -> None:
    person = _person(store)
    _queue(store, person, 3)
    # A replica claims and dies before sending or marking anything.
    claimed = store.claim_due(
        now=NOW, limit=10, lease_until=NOW + timedelta(minutes=5), owner="dead-replica"
    )
    assert len(claimed) == 3
    notifier = CountingNotifier()
    clock = SimulatedClock(NOW + timedelta(minutes=1))
    assert dispatch_due(Services(store=store, clock=clock), notifier).claimed == 0
    clock.advance(timedelta(minutes=5))  # the lease has run out
    assert dispatch_due(Services(store=store, clock=clock), notifier).sent == 3
    assert sorted(notifier.delivered.values()) == [1, 1, 1]


def test_failures_retry_with_backoff_then_end_as_failed_with_the_reason(
    store: SqlStore,
) -> None:
    person = _person(store)
    _queue(store, person, 1)
    notifier = CountingNotifier(fail_with=DeliveryError("HTTP 503 from Slack", retryable=True))
    clock = SimulatedClock(NOW)
    services = Services(store=store, clock=clock)
    for attempt in range(1, MAX_ATTEMPTS):
        assert dispatch_due(services, notifier).retried == 1
        (message,) = store.list_outbox()
        assert message.state is OutboxState.PENDING
        assert message.due_at == clock.now() + BACKOFF[attempt - 1]
        assert dispatch_due(services, notifier).claimed == 0  # not before the backoff
        clock.set(message.due_at)
    assert dispatch_due(services, notifier).failed == 1
    (message,) = store.list_outbox()
    assert message.state is OutboxState.FAILED
    assert message.last_error == "HTTP 503 from Slack"
    assert message.attempts == MAX_ATTEMPTS


def test_a_permanent_failure_is_not_retried(store: SqlStore) -> None:
    person = _person(store)
    _queue(store, person, 1)
    notifier = CountingNotifier(fail_with=DeliveryError("user not found", retryable=False))
    assert dispatch_due(Services(store=store, clock=SimulatedClock(NOW)), notifier).failed == 1
    (message,) = store.list_outbox()
    assert (message.state, message.last_error) == (OutboxState.FAILED, "user not found")


@pytest.mark.postgres
def test_three_dispatchers_deliver_each_message_exactly_once(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("concurrent dispatchers are a PostgreSQL deployment; SQLite runs one")
    setup = SqlStore.open(database_url)
    _queue(setup, _person(setup), 300)
    setup.close()
    notifier = CountingNotifier()
    barrier = threading.Barrier(3)

    def replica() -> None:
        store = SqlStore.open(database_url)
        try:
            services = Services(store=store, clock=SimulatedClock(NOW))
            barrier.wait()
            while dispatch_due(services, notifier, limit=25).claimed:
                pass
        finally:
            store.close()

    threads = [threading.Thread(target=replica) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(notifier.delivered) == 300
    assert set(notifier.delivered.values()) == {1}
