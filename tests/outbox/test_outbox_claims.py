"""A claim is owned, renewed and checked; each part of a message is delivered once; a
pass is bounded by its lease; a failure is one log line that says what and why."""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import SimulatedClock
from bot.domain.outbox import OutboxMessage, OutboxState
from bot.notices import NoticeKind
from bot.outbox.dispatcher import BACKOFF, dispatch_all, dispatch_due
from bot.ports.notifier import DeliveryError
from bot.replies import Attachment, Reply, Text
from bot.replies.codec import encode_replies
from bot.services import Services, Settings
from storage.store import SqlStore
from tests.outbox.test_outbox_dispatch import NOW, _person, _queue

INVITE = Attachment("session.ics", b"BEGIN:VCALENDAR", "text/calendar", "Invite")


class WallClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class PartNotifier:
    """Counts each part it is handed; fails the first invite, or sleeps on every send."""

    fail_first_invite: bool = False
    sleep: float = 0.0
    advance: tuple[SimulatedClock, timedelta] | None = None
    parts: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def send(self, *, person_id: int, replies: list[Reply]) -> None:
        time.sleep(self.sleep)
        if self.advance is not None:
            clock, step = self.advance
            clock.advance(step)
        with self.lock:
            for reply in replies:
                if isinstance(reply, Attachment):
                    if self.fail_first_invite:
                        self.fail_first_invite = False
                        raise DeliveryError("HTTP 500 from files.upload", retryable=True)
                    self.parts[reply.filename] += 1
                elif isinstance(reply, Text):
                    self.parts[reply.text] += 1


def test_a_failed_invite_is_retried_without_posting_the_card_again(store: SqlStore) -> None:
    person = _person(store)
    store.schedule(
        OutboxMessage(
            key="booking:1",
            recipient_id=person,
            kind=NoticeKind.NOTICE,
            due_at=NOW,
            payload={"replies": encode_replies([Text("Your session is booked"), INVITE])},
        )
    )
    clock = SimulatedClock(NOW)
    services = Services(store=store, clock=clock)
    notifier = PartNotifier(fail_first_invite=True)
    assert dispatch_due(services, notifier).retried == 1
    (message,) = store.list_outbox()
    assert (message.state, message.parts_sent) == (OutboxState.PENDING, 1)
    clock.advance(BACKOFF[0])
    assert dispatch_due(services, notifier).sent == 1
    assert notifier.parts == Counter({"Your session is booked": 1, "session.ics": 1})


def test_a_pass_stops_after_a_lease_and_gives_back_what_it_did_not_start(
    store: SqlStore,
) -> None:
    person = _person(store)
    _queue(store, person, 5)
    clock = SimulatedClock(NOW)
    lease = timedelta(seconds=60)
    services = Services(store=store, clock=clock, settings=Settings(outbox_lease=lease))
    notifier = PartNotifier(advance=(clock, lease / 2))  # each send takes half a lease
    report = dispatch_due(services, notifier)
    assert (report.claimed, report.sent, report.released) == (5, 2, 3)
    pending = store.list_outbox(states=[OutboxState.PENDING])
    assert [m.attempts for m in pending] == [0, 0, 0]  # given back, not counted as tried
    assert dispatch_all(services, notifier).sent == 3
    assert set(notifier.parts.values()) == {1} and len(notifier.parts) == 5


@pytest.mark.postgres
def test_a_send_slower_than_the_lease_is_not_taken_over(database_url: str) -> None:
    """The heartbeat renews the claim while the platform takes three leases to answer, so
    a second replica polling all the while never sends the message again."""
    if not database_url.startswith("postgresql"):
        pytest.skip("concurrent dispatchers are a PostgreSQL deployment; SQLite runs one")
    setup = SqlStore.open(database_url)
    _queue(setup, _person(setup), 1, due=datetime.now(UTC))
    setup.close()
    settings = Settings(outbox_lease=timedelta(seconds=0.6))
    slow = PartNotifier(sleep=1.8)
    other = PartNotifier()
    done = threading.Event()

    def replica(notifier: PartNotifier, *, poll: bool) -> None:
        store = SqlStore.open(database_url)
        try:
            services = Services(store=store, clock=WallClock(), settings=settings)
            if not poll:
                dispatch_due(services, notifier)
                done.set()
                return
            while not done.is_set():
                dispatch_due(services, notifier)
                time.sleep(0.05)
        finally:
            store.close()

    first = threading.Thread(target=replica, args=(slow,), kwargs={"poll": False})
    first.start()
    time.sleep(0.1)  # the slow replica holds the claim
    second = threading.Thread(target=replica, args=(other,), kwargs={"poll": True})
    second.start()
    first.join(timeout=30)
    second.join(timeout=30)
    assert sum(slow.parts.values()) + sum(other.parts.values()) == 1
    check = SqlStore.open(database_url)
    try:
        assert [m.state for m in check.list_outbox()] == [OutboxState.SENT]
    finally:
        check.close()


def test_a_failure_for_good_is_one_line_with_key_kind_recipient_and_reason(
    store: SqlStore, caplog: pytest.LogCaptureFixture
) -> None:
    person = _person(store)
    _queue(store, person, 1)

    @dataclass
    class Refusing:
        def send(self, *, person_id: int, replies: list[Reply]) -> None:
            raise DeliveryError("Slack said channel_not_found", retryable=False)

    with caplog.at_level(logging.WARNING, logger="coachpool.dispatcher"):
        dispatch_due(Services(store=store, clock=SimulatedClock(NOW)), Refusing())
    lines = [r.getMessage() for r in caplog.records if "failed for good" in r.getMessage()]
    assert lines == [
        f"outbox message failed for good: key=test:0 kind=notice recipient={person} "
        "reason=Slack said channel_not_found"
    ]
    assert "@" not in lines[0]


def test_a_skip_is_written_only_by_the_claim_holder_and_keeps_its_reason(
    store: SqlStore,
) -> None:
    _queue(store, _person(store), 1)
    lease = timedelta(minutes=5)
    (stale,) = store.claim_due(now=NOW, limit=1, lease_until=NOW + lease, owner="stalled")
    later = NOW + lease + timedelta(seconds=1)  # the stalled replica's lease ran out
    (taken,) = store.claim_due(now=later, limit=1, lease_until=later + lease, owner="survivor")
    assert not store.mark_skipped(stale.id, reason="too late", owner="stalled")
    assert store.mark_skipped(taken.id, reason="the session started", owner="survivor")
    (message,) = store.list_outbox(states=[OutboxState.SKIPPED])
    assert (message.skip_reason, message.lease_until) == ("the session started", None)
    # A skipped message is finished: no dispatcher claims it again.
    assert store.claim_due(now=later + lease * 2, limit=1, lease_until=later, owner="x") == []
