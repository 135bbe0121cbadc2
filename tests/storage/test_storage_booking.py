"""No double booking, whatever the concurrency: threads, processes, two requests at once."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from functools import partial
from pathlib import Path

import pytest
from storage_testkit import T0, Pool

from bot.domain import Engagement, Session, SessionState
from bot.domain.lifecycles import IllegalMove
from bot.domain.timewindow import TimeWindow
from bot.ports.errors import Conflict, NotFound, SlotTaken, StaleState
from storage.store import SqlStore

REPO = Path(__file__).resolve().parents[2]
RACERS = 8


def test_confirm_moves_proposed_to_confirmed(pool: Pool) -> None:
    proposed = pool.session(pool.engagement(pool.coachees[0]))
    confirmed = pool.store.confirm_session(proposed.id)
    assert confirmed == replace(proposed, state=SessionState.CONFIRMED)
    assert pool.store.get_session(proposed.id) == confirmed
    # Confirming again is harmless; confirming a cancelled session is not allowed.
    assert pool.store.confirm_session(proposed.id) == confirmed
    pool.store.update_session(
        replace(confirmed, state=SessionState.CANCELLED), expected=SessionState.CONFIRMED
    )
    with pytest.raises(Conflict):
        pool.store.confirm_session(proposed.id)
    with pytest.raises(NotFound):
        pool.store.confirm_session(9999)


def test_overlap_for_coach_or_coachee_is_refused(pool: Pool) -> None:
    first, second = (pool.engagement(c) for c in pool.coachees[:2])
    pool.session(first, T0, state=SessionState.CONFIRMED)
    # The coach is busy 9:00-10:00: 9:30 clashes, 10:00 (half-open windows) does not.
    clash = pool.session(second, T0 + timedelta(minutes=30))
    with pytest.raises(SlotTaken):
        pool.store.confirm_session(clash.id)
    adjacent = pool.session(second, T0 + timedelta(minutes=60))
    pool.store.confirm_session(adjacent.id)
    # The coachee of `first`, with another coach, is busy too.
    other_coach = pool.person("other.coach@council.example")
    with pytest.raises(SlotTaken):
        pool.session(
            pool.engagement(pool.coachees[0], other_coach),
            T0 - timedelta(minutes=30),
            state=SessionState.CONFIRMED,
        )
    # Proposed and cancelled sessions block nobody.
    pool.session(first, T0 + timedelta(days=1))
    pool.store.confirm_session(pool.session(second, T0 + timedelta(days=1)).id)


def test_held_sessions_block_too(pool: Pool) -> None:
    first, second = (pool.engagement(c) for c in pool.coachees[:2])
    held = pool.session(first, state=SessionState.CONFIRMED)
    pool.store.update_session(
        replace(held, state=SessionState.HELD), expected=SessionState.CONFIRMED
    )
    with pytest.raises(SlotTaken):
        pool.session(second, state=SessionState.CONFIRMED)


def test_a_held_session_stays_held(pool: Pool) -> None:
    """A move its lifecycle refuses raises IllegalMove, from the state the row is in, and
    writes nothing; a copy read before it was held is stale."""
    session = pool.session(pool.engagement(pool.coachees[0]), state=SessionState.CONFIRMED)
    held = replace(session, state=SessionState.HELD)
    pool.store.update_session(held, expected=SessionState.CONFIRMED)
    cancelled = replace(session, state=SessionState.CANCELLED, location="moved")
    with pytest.raises(IllegalMove):
        pool.store.update_session(cancelled, expected=SessionState.HELD)
    with pytest.raises(StaleState):
        pool.store.update_session(cancelled, expected=SessionState.CONFIRMED)
    assert pool.store.get_session(session.id) == held


def test_rescheduling_a_confirmed_session_rechecks(pool: Pool) -> None:
    first, second = (pool.engagement(c) for c in pool.coachees[:2])
    busy = pool.session(first, T0 + timedelta(hours=2), state=SessionState.CONFIRMED)
    mine = pool.session(second, T0, state=SessionState.CONFIRMED)
    later = TimeWindow(T0 + timedelta(hours=2, minutes=30), T0 + timedelta(hours=3, minutes=30))
    with pytest.raises(SlotTaken):
        pool.store.update_session(replace(mine, window=later))
    assert pool.store.get_session(mine.id) == mine
    # Moving within its own old slot does not clash with itself.
    nudged = replace(mine, window=TimeWindow(T0 + timedelta(minutes=15), T0 + timedelta(hours=1)))
    pool.store.update_session(nudged)
    assert pool.store.get_session(mine.id) == nudged
    # Once the other session is cancelled, the slot is free.
    pool.store.update_session(
        replace(busy, state=SessionState.CANCELLED), expected=SessionState.CONFIRMED
    )
    pool.store.update_session(replace(mine, window=later))
    # Confirming through update_session is checked as well.
    sneaky = pool.session(first, later.start)
    with pytest.raises(SlotTaken):
        pool.store.update_session(
            replace(sneaky, state=SessionState.CONFIRMED), expected=SessionState.PROPOSED
        )


def test_busy_windows_and_coach_loads(pool: Pool) -> None:
    store = pool.store
    first, second = (pool.engagement(c) for c in pool.coachees[:2])
    a = pool.session(first, T0, state=SessionState.CONFIRMED)
    b = pool.session(second, T0 + timedelta(days=1), minutes=90, state=SessionState.CONFIRMED)
    pool.session(second, T0 + timedelta(days=2))  # proposed: not busy, not counted
    outside = pool.session(first, T0 + timedelta(days=40), state=SessionState.CONFIRMED)
    week = TimeWindow(T0 - timedelta(days=1), T0 + timedelta(days=6))
    assert store.busy_windows(pool.coach.id, week) == [a.window, b.window]
    assert store.busy_windows(pool.coachees[0].id, week) == [a.window]
    assert store.busy_windows(pool.coachees[2].id, week) == []

    month = (T0.replace(day=1), T0.replace(month=4, day=1))
    assert store.coach_loads(*month) == {pool.coach.id: (2, 2.5)}
    store.update_engagement(replace(first, state=first.state.CLOSED), expected=first.state)
    assert store.coach_loads(*month)[pool.coach.id] == (1, 2.5)
    assert outside.window.start >= month[1]


def test_busy_by_person_is_everyones_busy_windows_in_one_read(pool: Pool) -> None:
    """What matching reads per request equals `busy_windows` person by person: held and
    confirmed sessions only, a session reaching into the window from the day before,
    odd seconds kept exactly, aware UTC instants."""
    store = pool.store
    first, second = (pool.engagement(c) for c in pool.coachees[:2])
    held = pool.session(first, T0 - timedelta(hours=1), minutes=90, state=SessionState.HELD)
    odd = T0 + timedelta(days=1, seconds=7, microseconds=123_456)
    pool.session(second, odd, minutes=45, state=SessionState.CONFIRMED)
    pool.session(second, T0 + timedelta(days=2))  # proposed: not busy
    cancelled = pool.session(first, T0 + timedelta(days=3), state=SessionState.CONFIRMED)
    store.update_session(
        replace(cancelled, state=SessionState.CANCELLED), expected=SessionState.CONFIRMED
    )
    pool.session(first, T0 + timedelta(days=9), state=SessionState.CONFIRMED)  # after
    pool.session(first, T0 - timedelta(days=2), state=SessionState.HELD)  # before
    week = TimeWindow(T0, T0 + timedelta(days=6))
    busy = store.busy_by_person(week)
    people = [pool.coach, *pool.coachees]
    assert {p.id: store.busy_windows(p.id, week) for p in people if p.id in busy} == busy
    assert set(busy) == {pool.coach.id, pool.coachees[0].id, pool.coachees[1].id}
    assert busy[pool.coachees[0].id] == [held.window]
    (window,) = busy[pool.coachees[1].id]
    assert window.start == odd and window.start.utcoffset() == timedelta(0)
    assert window.end - window.start == timedelta(minutes=45)


def test_list_sessions_filters(pool: Pool) -> None:
    store = pool.store
    first, second = (pool.engagement(c) for c in pool.coachees[:2])
    late = pool.session(first, T0 + timedelta(days=3), state=SessionState.CONFIRMED)
    early = pool.session(second, T0)
    assert store.list_sessions() == [early, late]
    assert store.list_sessions(engagement_id=first.id) == [late]
    assert store.list_sessions(person_id=pool.coachees[1].id) == [early]
    assert store.list_sessions(person_id=pool.coach.id) == [early, late]
    assert store.list_sessions(states=[SessionState.CONFIRMED]) == [late]
    assert store.list_sessions(starting_from=T0 + timedelta(hours=1)) == [late]
    assert store.list_sessions(starting_before=T0 + timedelta(days=3)) == [early]


def race(attempts: list[Callable[[], object]]) -> Counter[str]:
    """Run the attempts at once, one thread each; count the outcomes ("ok", "taken", ...)."""
    start = threading.Barrier(len(attempts))
    outcomes: list[str] = []

    def run(attempt: Callable[[], object]) -> None:
        start.wait()
        try:
            attempt()
            outcomes.append("ok")
        except SlotTaken:
            outcomes.append("taken")
        except Exception as error:  # anything else is a failure the assertion should show
            outcomes.append(f"{type(error).__name__}: {error}")

    threads = [threading.Thread(target=run, args=(a,)) for a in attempts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return Counter(outcomes)


def own_stores(database_url: str, count: int) -> list[SqlStore]:
    """Separate stores, each with its own engine and connections, as separate replicas have."""
    return [SqlStore.open(database_url) for _ in range(count)]


def overlapping_sessions(pool: Pool, count: int) -> list[Session]:
    """One proposed session per coachee, all with the same coach, all overlapping each other."""
    return [
        pool.session(pool.engagement(coachee), T0 + timedelta(minutes=5 * n))
        for n, coachee in enumerate(pool.coachees[:count])
    ]


def confirmed(pool: Pool) -> list[Session]:
    return pool.store.list_sessions(states=[SessionState.CONFIRMED])


def test_racing_threads_confirm_exactly_one(pool: Pool, database_url: str) -> None:
    sessions = overlapping_sessions(pool, RACERS)
    stores = own_stores(database_url, RACERS)
    try:
        outcomes = race(
            [
                partial(store.confirm_session, session.id)
                for store, session in zip(stores, sessions, strict=True)
            ]
        )
    finally:
        for store in stores:
            store.close()
    assert outcomes == Counter(ok=1, taken=RACERS - 1)
    assert len(confirmed(pool)) == 1


def test_a_coach_accepting_two_requests_for_the_same_hour(pool: Pool, database_url: str) -> None:
    engagements: list[Engagement] = [pool.engagement(c) for c in pool.coachees[:2]]
    stores = own_stores(database_url, 2)

    def accept(store: SqlStore, engagement: Engagement) -> Callable[[], object]:
        window = TimeWindow(T0, T0 + timedelta(hours=1))
        session = Session(
            id=0,
            engagement_id=engagement.id,
            coach_id=engagement.coach_id,
            coachee_id=engagement.coachee_id,
            window=window,
            state=SessionState.CONFIRMED,
        )
        return lambda: store.add_session(session)

    try:
        outcomes = race([accept(s, e) for s, e in zip(stores, engagements, strict=True)])
    finally:
        for store in stores:
            store.close()
    assert outcomes == Counter(ok=1, taken=1)
    assert len(pool.store.list_sessions()) == 1


def test_racing_processes_confirm_exactly_one(
    pool: Pool, database_url: str, tmp_path: Path
) -> None:
    sessions = overlapping_sessions(pool, 4)
    go = tmp_path / "go"
    worker = Path(__file__).with_name("booking_race_worker.py")
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(worker.parent)])}
    racers = [
        subprocess.Popen(
            [sys.executable, str(worker), database_url, str(session.id), str(go)],
            stdout=subprocess.PIPE,
            text=True,
            env=environment,
            cwd=REPO,
        )
        for session in sessions
    ]
    try:
        for racer in racers:
            assert racer.stdout is not None
            assert racer.stdout.readline().strip() == "ready"
        go.touch()
        outcomes = Counter(racer.communicate(timeout=60)[0].strip() for racer in racers)
    finally:
        for racer in racers:
            racer.kill()
            racer.wait()
    assert outcomes == Counter(confirmed=1, taken=len(sessions) - 1)
    assert len(confirmed(pool)) == 1
