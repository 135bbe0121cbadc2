"""The in-memory fake keeps the promises the core relies on, exactly as the real store does:
each test runs on the fake (`memory`), on SQLite and on PostgreSQL."""

from __future__ import annotations

import inspect
import threading
from dataclasses import replace
from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain import Channel, EngagementState, Identity, RequestState, Role, SessionState
from bot.domain.coaches import CoachProfile
from bot.domain.lifecycles import IllegalMove
from bot.domain.outbox import OutboxMessage, OutboxState
from bot.ports.errors import Conflict, SlotTaken, StaleState
from bot.ports.store import Store
from tests.fakes.memory_store import MemoryStore
from tests.storage.storage_testkit import T0, Pool


class BoomError(Exception):
    pass


def add_then_fail(pool: Pool, email: str) -> None:
    with pool.store.transaction():
        pool.person(email)
        raise BoomError


def message(pool: Pool, key: str, *, minutes: int = 0) -> OutboxMessage:
    return OutboxMessage(
        key=key,
        recipient_id=pool.coachees[0].id,
        kind="nudge",
        due_at=T0 + timedelta(minutes=minutes),
    )


def test_the_fake_has_every_method_of_the_port_with_its_parameters() -> None:
    members = {
        name for name in dir(Store) if not name.startswith("_") and callable(getattr(Store, name))
    }
    assert len(members) > 50
    for name in sorted(members):
        wanted = inspect.signature(getattr(Store, name)).parameters
        found = inspect.signature(getattr(MemoryStore, name)).parameters
        assert [(p.name, p.kind, p.default) for p in found.values()] == [
            (p.name, p.kind, p.default) for p in wanted.values()
        ], name


def test_an_exception_undoes_the_whole_block(pool: Pool) -> None:
    store = pool.store
    with pytest.raises(BoomError):
        add_then_fail(pool, "inside@council.example")
    assert store.find_person_by_email("inside@council.example") is None


def test_a_failed_write_in_a_block_undoes_only_itself(pool: Pool) -> None:
    store = pool.store
    with store.transaction():
        pool.person("before@council.example")
        with pytest.raises(Conflict):
            pool.person(pool.coach.email.upper())
        with pytest.raises(BoomError):
            add_then_fail(pool, "inner@council.example")
        pool.person("after@council.example")
    found = {p.email for p in store.list_people()}
    assert {"before@council.example", "after@council.example"} <= found
    assert "inner@council.example" not in found


def test_another_thread_sees_only_committed_work(pool: Pool) -> None:
    store, seen = pool.store, []
    with store.transaction():
        pool.person("pending@council.example")
        reader = threading.Thread(
            target=lambda: seen.append(store.find_person_by_email("pending@council.example"))
        )
        reader.start()
        reader.join(10)
    assert seen == [None]
    assert store.find_person_by_email("pending@council.example") is not None


def test_reads_grouped_by_reading_see_the_store_and_writes_inside_are_refused(
    pool: Pool,
) -> None:
    store = pool.store
    with store.reading():
        assert store.get_person(pool.coach.id) == pool.coach
        with store.reading():  # nested: joins
            assert store.find_person_by_email(pool.coachees[0].email) == pool.coachees[0]
        with pytest.raises(RuntimeError, match="reading"):
            pool.person("inside.reading@council.example")
    assert store.find_person_by_email("inside.reading@council.example") is None
    with store.transaction():
        added = pool.person("in.a.block@council.example")
        with store.reading():  # inside a block: joins it, its own writes seen
            assert store.get_person(added.id) == added
    assert store.get_person(added.id) == added


def test_get_people_reads_many_as_get_person_reads_one(pool: Pool) -> None:
    store = pool.store
    wanted = [pool.coach.id, pool.coachees[1].id, 99_999]
    assert store.get_people(wanted) == {
        pool.coach.id: store.get_person(pool.coach.id),
        pool.coachees[1].id: store.get_person(pool.coachees[1].id),
    }
    assert store.get_people([]) == {}


def test_coach_loads_without_idle_coaches_leaves_out_only_the_zeros(pool: Pool) -> None:
    store = pool.store
    idle_coach = pool.person("idle.coach@council.example", Role.COACH).id
    store.save_coach(CoachProfile(idle_coach))
    first = pool.engagement(pool.coachees[0])
    pool.session(first, T0, state=SessionState.CONFIRMED)
    month = (T0.replace(day=1), T0.replace(month=T0.month + 1, day=1))
    every = store.coach_loads(*month)
    assert every[idle_coach] == (0, 0.0) and every[pool.coach.id] == (1, 1.0)
    assert store.coach_loads(*month, idle=False) == {pool.coach.id: (1, 1.0)}


def test_lifecycles_are_compare_and_set(pool: Pool) -> None:
    store = pool.store
    engagement = pool.engagement(pool.coachees[0])
    request = store.get_request(engagement.request_id)
    assert request is not None and request.state is RequestState.MATCHED
    # A stale copy that thinks the request is still waiting for its coach changes nothing.
    with pytest.raises(StaleState):
        store.update_request(replace(request, topic="stale"), expected=RequestState.WAITING_COACH)
    # A move the lifecycle does not allow is refused, not written.
    with pytest.raises(IllegalMove):
        store.update_request(
            replace(request, state=RequestState.OPEN), expected=RequestState.MATCHED
        )
    assert store.get_request(request.id) == request
    closed = replace(engagement, state=EngagementState.CLOSED, closed_at=T0)
    store.update_engagement(closed, expected=EngagementState.ACTIVE)
    with pytest.raises(IllegalMove):  # a closed engagement never reopens
        store.update_engagement(engagement, expected=EngagementState.CLOSED)
    assert store.get_engagement(engagement.id) == closed
    session = pool.session(engagement, state=SessionState.HELD)
    with pytest.raises(IllegalMove):  # a held session stays held
        store.update_session(
            replace(session, state=SessionState.CANCELLED), expected=SessionState.HELD
        )


def test_confirmed_sessions_never_overlap(pool: Pool) -> None:
    store = pool.store
    first = pool.session(pool.engagement(pool.coachees[0]))
    second = pool.session(pool.engagement(pool.coachees[1]), T0 + timedelta(minutes=30))
    store.confirm_session(first.id)
    with pytest.raises(SlotTaken):
        store.confirm_session(second.id)
    got = store.get_session(second.id)
    assert got is not None and got.state is SessionState.PROPOSED


def test_outbox_keys_are_unique_and_claims_belong_to_their_owner(pool: Pool) -> None:
    store = pool.store
    assert store.schedule(message(pool, "k:1"))
    assert not store.schedule(message(pool, "k:1", minutes=5))
    assert store.cancel_scheduled("k:") == 1
    assert store.schedule(message(pool, "k:1", minutes=5))  # a cancelled key is re-armed
    (armed,) = store.list_outbox()
    assert (armed.state, armed.due_at) == (OutboxState.PENDING, T0 + timedelta(minutes=5))
    now = T0 + timedelta(minutes=10)
    (claimed,) = store.claim_due(
        now=now, limit=5, lease_until=now + timedelta(minutes=1), owner="a"
    )
    assert claimed.attempts == 1
    assert store.claim_due(now=now, limit=5, lease_until=now, owner="b") == []
    assert not store.mark_sent(claimed.id, at=now, owner="b")
    later = now + timedelta(minutes=2)  # a's lease has run out: b may take it over
    (taken,) = store.claim_due(now=later, limit=5, lease_until=later, owner="b")
    assert not store.mark_sent(taken.id, at=later, owner="a")
    assert store.mark_sent(taken.id, at=later, owner="b")
    (sent,) = store.list_outbox(states=[OutboxState.SENT])
    assert sent.attempts == 2 and sent.sent_at == later


def test_a_claim_leaves_messages_for_people_reached_only_on_the_platforms_named(
    pool: Pool,
) -> None:
    """A console chat without Slack's settings leaves Slack people's messages due, untried,
    for the server; everyone else's it takes."""
    store = pool.store
    on = {
        "slack only": (Channel.SLACK,),
        "slack and a console chat": (Channel.SLACK, Channel.CONSOLE),
        "slack and teams": (Channel.SLACK, Channel.TEAMS),
        "console only": (Channel.CONSOLE,),
        "nowhere yet": (),
    }
    for person, (name, channels) in zip(pool.coachees, on.items(), strict=False):
        for channel in channels:
            store.link_identity(Identity(person.id, channel, "W1", f"{name}:{channel}"))
        store.schedule(replace(message(pool, name), recipient_id=person.id))
    lease = T0 + timedelta(minutes=1)
    taken = store.claim_due(
        now=T0, limit=10, lease_until=lease, owner="chat", leave_for=frozenset({Channel.SLACK})
    )
    assert sorted(m.key for m in taken) == ["console only", "nowhere yet", "slack and teams"]
    left = store.list_outbox(states=[OutboxState.PENDING])
    assert sorted((m.key, m.attempts, m.claimed_by) for m in left) == [
        ("slack and a console chat", 0, ""),
        ("slack only", 0, ""),
    ]
    rest = store.claim_due(now=T0, limit=10, lease_until=lease, owner="server")
    assert sorted(m.key for m in rest) == ["slack and a console chat", "slack only"]


def test_datetimes_come_back_in_utc(pool: Pool) -> None:
    local = T0.astimezone(ZoneInfo("Europe/London")) + timedelta(hours=1)
    pool.store.schedule(replace(message(pool, "k:utc"), due_at=local))
    (stored,) = pool.store.list_outbox()
    assert stored.due_at == local and stored.due_at.tzinfo is UTC
    with pytest.raises(ValueError, match="naive"):
        pool.store.schedule(replace(message(pool, "k:naive"), due_at=T0.replace(tzinfo=None)))
