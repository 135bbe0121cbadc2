"""The door for time: a due message's timer runs through `CoachingBot.handle_due`, with a
person's turn's transaction, error policy and outgoing queue. What it changes and the news
it returns commit together or not at all; its replies reach the message's recipient.

A new kind (say a three-month check-in) is what a slice adds: a member of its own kinds
enum, one timer function and one `add_timer` in its `register`. The first test proves it
with every real slice plus a test-only slice doing just that, and no kernel edit; the others
register the check-in into a registry of their own beside the real notice timer, which
delivers the news.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

import pytest

import bot.assembly
from bot import notices
from bot.app import CoachingBot, TimerFailed
from bot.clock import SimulatedClock
from bot.domain import Organisation, Person, Role
from bot.domain.outbox import OutboxMessage, OutboxState
from bot.lapse import always, within
from bot.messages import Outcome
from bot.notices import NoticeKind
from bot.outbox.dispatcher import BACKOFF, dispatch_all, dispatch_due
from bot.ports.errors import StaleState
from bot.registry import Registry, Timer, TimerHandler
from bot.replies import Outgoing, Reply, Text
from bot.services import Services
from storage.store import SqlStore
from tests.outbox.test_outbox_dispatch import NOW


class CheckInKind(StrEnum):
    """A test-only slice's kinds enum, as bot/aftercare/kinds.py is aftercare's."""

    THREE_MONTHS = "three_month_check_in"


CHECK_IN = CheckInKind.THREE_MONTHS


@dataclass
class Recorder:
    """What each person was sent, as text."""

    sent: Counter[tuple[int, str]] = field(default_factory=Counter)

    def send(self, *, person_id: int, replies: list[Reply]) -> None:
        for reply in replies:
            assert isinstance(reply, Text)
            self.sent[(person_id, reply.text)] += 1


@dataclass(frozen=True)
class Pool:
    store: SqlStore
    clock: SimulatedClock
    coachee: int
    coordinator: int

    @property
    def services(self) -> Services:
        return Services(store=self.store, clock=self.clock)


@pytest.fixture
def pool(store: SqlStore) -> Pool:
    org = store.add_organisation(Organisation(0, "dudley", "Dudley"))
    coachee = store.add_person(
        Person(0, "a@dudley.gov.uk", "Asha", org.id, frozenset({Role.COACHEE}))
    )
    coordinator = store.add_person(
        Person(0, "c@dudley.gov.uk", "Cora", org.id, frozenset({Role.COORDINATOR}))
    )
    return Pool(store, SimulatedClock(NOW), coachee.id, coordinator.id)


def with_timer(handle: TimerHandler) -> Registry:
    """A registry holding the news timer and the new kind."""
    registry = Registry()
    notices.register(registry)
    registry.add_timer(CHECK_IN, Timer(handle, within(14, "a three-month check-in")))
    return registry


def schedule_check_in(pool: Pool, key: str = "engagement:1:check_in:person") -> OutboxMessage:
    message = OutboxMessage(
        key=key, recipient_id=pool.coachee, kind=CHECK_IN, due_at=NOW, payload={}
    )
    pool.store.schedule(message)
    return message


def three_month_check_in(bot: CoachingBot, message: OutboxMessage) -> Outcome:
    """Replies for the recipient; news for a coordinator, queued with them."""
    coordinators = bot.services.store.list_people(Role.COORDINATOR)
    return Outcome(
        (Text("Three months on: how is it going?"),),
        outgoing=tuple(
            Outgoing(c.id, (Text("Asha was asked how it is going."),)) for c in coordinators
        ),
    )


def register_check_in(registry: Registry) -> None:
    """The test-only slice's `register`: the new kind's one registration."""
    registry.add_timer(CHECK_IN, Timer(three_month_check_in, within(14, "a three-month check-in")))


def test_a_new_timed_message_is_one_function_and_one_registration(
    pool: Pool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beside every real slice: the product's own scheduling call, the real dispatcher."""
    monkeypatch.setattr(bot.assembly, "SLICES", (*bot.assembly.SLICES, register_check_in))
    registry = bot.assembly.build_registry()
    schedule_check_in(pool)
    recorder = Recorder()
    report = dispatch_all(pool.services, recorder, registry=registry)
    assert recorder.sent == Counter(
        {
            (pool.coachee, "Three months on: how is it going?"): 1,
            (pool.coordinator, "Asha was asked how it is going."): 1,
        }
    )
    # The check-in, then the news it queued: a row of its own, delivered in the next pass.
    assert (report.claimed, report.sent) == (2, 2)
    assert {m.state for m in pool.store.list_outbox()} == {OutboxState.SENT}


def test_what_a_failing_timer_changed_is_undone_with_its_news(
    pool: Pool, caplog: pytest.LogCaptureFixture
) -> None:
    def half_done(bot: CoachingBot, message: OutboxMessage) -> Outcome:
        bot.services.store.schedule(
            OutboxMessage(
                key="engagement:1:follow_up",
                recipient_id=pool.coachee,
                kind=CHECK_IN,
                due_at=NOW + timedelta(days=30),
                payload={},
            )
        )
        raise RuntimeError("the check-in's programme has gone")

    schedule_check_in(pool)
    recorder = Recorder()
    with caplog.at_level(logging.ERROR, logger="coachpool.core"):
        report = dispatch_due(pool.services, recorder, registry=with_timer(half_done))
    assert report.failed == 1 and not recorder.sent
    [message] = pool.store.list_outbox()  # the follow-up it scheduled was never kept
    assert message.state is OutboxState.FAILED
    assert message.last_error == "RuntimeError: the check-in's programme has gone"
    assert "engagement:1:check_in:person" in caplog.text  # logged with its key, by the door


def test_a_timer_that_loses_a_race_is_tried_again(pool: Pool) -> None:
    """A record moved on at the same moment: the whole timer is undone and retried, and
    then sees the record as it is."""
    attempts: list[int] = []

    def racing(bot: CoachingBot, message: OutboxMessage) -> Outcome:
        attempts.append(1)
        if len(attempts) == 1:
            raise StaleState("request 1 is no longer waiting for its coach")
        return three_month_check_in(bot, message)

    schedule_check_in(pool)
    recorder = Recorder()
    registry = with_timer(racing)
    assert dispatch_due(pool.services, recorder, registry=registry).retried == 1
    pool.clock.advance(BACKOFF[0])
    dispatch_all(pool.services, recorder, registry=registry)
    assert len(attempts) == 2 and sum(recorder.sent.values()) == 2


def test_news_is_queued_once_however_often_its_timer_runs(pool: Pool) -> None:
    """A dispatcher killed after the door committed and before it marked the message sent:
    another replica runs the timer again, and the news keeps its keys."""
    message = schedule_check_in(pool)
    registry = with_timer(three_month_check_in)
    door = CoachingBot(pool.services, registry)
    first = door.handle_due(message)  # the replica that died after the commit
    assert first.replies == (Text("Three months on: how is it going?"),)
    recorder = Recorder()
    dispatch_all(pool.services, recorder, registry=registry)
    assert recorder.sent[(pool.coordinator, "Asha was asked how it is going.")] == 1
    assert len(pool.store.list_outbox()) == 2


def test_a_timer_that_calls_out_holds_no_lock_while_it_waits(pool: Pool, database_url: str) -> None:
    """The calendar's kind: while it waits on another system a chat turn can still write
    (on SQLite a store transaction would hold the one write lock), and its news is queued."""
    written: list[bool] = []

    def calendar_like(bot: CoachingBot, message: OutboxMessage) -> Outcome:
        bot.services.store.get_person(message.recipient_id)  # what it needs, read first
        elsewhere = SqlStore.open(database_url, busy_timeout=1)
        try:
            worker = threading.Thread(
                target=lambda: written.append(
                    elsewhere.schedule(
                        OutboxMessage(
                            key="turn:elsewhere",
                            recipient_id=pool.coachee,
                            kind=NoticeKind.NOTICE,
                            due_at=NOW + timedelta(days=1),
                            payload={"replies": []},
                        )
                    )
                )
            )
            worker.start()
            worker.join(timeout=5)
        finally:
            elsewhere.close()
        return three_month_check_in(bot, message)

    registry = Registry()
    notices.register(registry)
    registry.add_timer(CHECK_IN, Timer(calendar_like, always, calls_out=True))
    schedule_check_in(pool)
    recorder = Recorder()
    dispatch_all(pool.services, recorder, registry=registry)
    assert written == [True]
    assert recorder.sent[(pool.coordinator, "Asha was asked how it is going.")] == 1


def test_an_unknown_kind_fails_at_the_door_for_good(pool: Pool) -> None:
    message = schedule_check_in(pool)
    with pytest.raises(TimerFailed) as failed:
        CoachingBot(pool.services, Registry()).handle_due(message)
    assert not failed.value.retryable
    assert (
        failed.value.reason
        == "ValueError: no timer for outbox messages of kind 'three_month_check_in'"
    )
