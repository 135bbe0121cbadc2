"""The kept matching pool: as a fresh one after every change it reads, and when large
frozen out of the garbage collector's full collections (a replaced one still freed)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import SimulatedClock
from bot.domain import (
    CoachingRequest,
    Engagement,
    EngagementState,
    Format,
    Person,
    RequestState,
    Role,
    Session,
    SessionState,
)
from bot.domain.timewindow import TimeWindow
from bot.requests import matching_pool
from bot.requests.candidates import match_request
from bot.requests.matching_pool import MatchingPool, pool_of
from bot.requests.submit import RequestDraft, submit_request
from bot.services import Services
from handlers.pool.sample import DEMO_COACHEE_EMAIL, load_sample_pool
from storage.store import SqlStore
from tests.conversations.transcript import START


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_a_large_pool_is_frozen_and_a_replaced_one_freed(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch, unfrozen: None
) -> None:
    monkeypatch.setattr(matching_pool, "FREEZE_FROM", 10)  # the sample pool's 40 count
    clock = SimulatedClock(START)
    load_sample_pool(store, now=clock.now())
    services = Services(store=store, clock=clock)
    coachee = store.find_person_by_email(DEMO_COACHEE_EMAIL)
    assert coachee is not None and gc.get_freeze_count() == 0
    draft = RequestDraft(None, "Leading a new team", "Lead well", "", "", Format.ONLINE, "", ())
    submit_request(services, coachee, draft)
    (request,) = store.list_requests(coachee_id=coachee.id)
    assert request.state is RequestState.SHORTLISTED
    assert gc.get_freeze_count() > 0
    before = weakref.ref(pool_of(store).index(services, coachee_id=coachee.id))
    assert before() is not None
    coach = store.list_coaches()[0]
    store.save_coach(replace(coach, bio=coach.bio + " Also mentors new managers."))
    after = pool_of(store).index(services, coachee_id=coachee.id)
    assert before() is None  # frozen, yet gone with its last reference
    assert any(c.candidate.profile.bio.endswith("new managers.") for c in after.coaches)


def test_a_small_pool_leaves_the_collector_alone(store: SqlStore, unfrozen: None) -> None:
    clock = SimulatedClock(START)
    load_sample_pool(store, now=clock.now())
    services = Services(store=store, clock=clock)
    coachee = store.find_person_by_email(DEMO_COACHEE_EMAIL)
    assert coachee is not None
    pool_of(store).index(services, coachee_id=coachee.id)
    assert len(store.list_coaches()) < matching_pool.FREEZE_FROM
    assert gc.get_freeze_count() == 0


def test_the_kept_pool_matches_as_a_fresh_one_after_each_change(store: SqlStore) -> None:
    """Only the coaches whose reads moved are refreshed: after a booking, a held session, a
    closed engagement and a different coachee, the kept pool ranks and excludes exactly as
    a pool prepared from scratch."""
    clock = SimulatedClock(START)
    load_sample_pool(store, now=clock.now())
    services = Services(store=store, clock=clock)
    sam = store.find_person_by_email(DEMO_COACHEE_EMAIL)
    assert sam is not None
    others = [p for p in store.list_people(Role.COACHEE) if p.id != sam.id][:2]
    programme = store.list_programmes()[0]
    coaches = {c.person_id: store.get_person(c.person_id) for c in store.list_coaches()}
    organisation_of = {i: p.organisation_id for i, p in coaches.items() if p is not None}
    # A coach from another organisation than the coachee, with a colleague who coaches too:
    # held sessions move both organisations' balances, and so the colleague's figures.
    coach = next(
        c
        for c in store.list_coaches()
        if organisation_of[c.person_id] != others[0].organisation_id
        and list(organisation_of.values()).count(organisation_of[c.person_id]) > 1
    )
    second = next(c for c in store.list_coaches() if c.person_id != coach.person_id)

    def engage(
        coachee: Person, coach_id: int, state: EngagementState = EngagementState.ACTIVE
    ) -> Engagement:
        request = store.add_request(
            CoachingRequest(0, coachee.id, programme.id, RequestState.MATCHED, clock.now(),
                            chosen_coach_id=coach_id)
        )  # fmt: skip
        return store.add_engagement(
            Engagement(0, request.id, programme.id, coach_id, coachee.id,
                       state, 6, clock.now())
        )  # fmt: skip

    def session(
        engagement: Engagement, start: datetime, state: SessionState, hours: int = 1
    ) -> None:
        window = TimeWindow(start, start + timedelta(hours=hours))
        store.add_session(
            Session(0, engagement.id, engagement.coach_id, engagement.coachee_id, window, state)
        )

    def same_as_fresh(coachee: Person) -> None:
        request = CoachingRequest(
            0, coachee.id, programme.id, RequestState.OPEN, clock.now(),
            topic="Leading a team", goal="Lead well", format=Format.ONLINE,
        )  # fmt: skip
        kept = pool_of(store).index(services, coachee_id=coachee.id)
        fresh = MatchingPool().index(services, coachee_id=coachee.id)
        assert kept.coaches == fresh.coaches  # every coach's free time, load and balance
        assert match_request(services, request, everyone=True, candidates=kept) == (
            match_request(services, request, everyone=True, candidates=fresh)
        )

    first = engage(others[0], coach.person_id)
    same_as_fresh(sam)
    # Busy only: a session in the coach's free time next month (this month's hours stay).
    december = datetime(2026, 12, 1, tzinfo=UTC)
    (kept,) = [c for c in pool_of(store).index(services, coachee_id=sam.id).coaches
               if c.id == coach.person_id]  # fmt: skip
    free = next(
        w for w in kept.candidate.free if w.start >= december and w.duration.seconds >= 3600
    )
    session(first, free.start, SessionState.CONFIRMED)
    same_as_fresh(sam)
    session(first, clock.now() + timedelta(days=2), SessionState.CONFIRMED)  # busy, hours
    same_as_fresh(sam)
    for days in range(2, 6):  # enough hours to move the organisations' balances
        session(first, clock.now() - timedelta(days=days), SessionState.HELD, hours=10)
    same_as_fresh(others[0])  # a coachee the coach has coached
    same_as_fresh(others[1])
    store.update_engagement(
        replace(first, state=EngagementState.CLOSED, closed_at=clock.now()), expected=first.state
    )
    waiting = engage(others[1], second.person_id, EngagementState.AWAITING_SPONSOR)
    same_as_fresh(others[1])
    # Who has coached the same coachee changes, and nothing else: the place was held already.
    store.update_engagement(replace(waiting, state=EngagementState.ACTIVE), expected=waiting.state)
    same_as_fresh(others[1])
    same_as_fresh(others[0])
    clock.advance(timedelta(days=1, minutes=1))  # past the prepared pool's span: rebuilt
    same_as_fresh(sam)
