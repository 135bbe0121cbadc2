"""A large prepared pool is frozen out of the garbage collector's full collections, and a
replaced one is still freed: it holds no reference cycles."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from dataclasses import replace

import pytest

from bot.clock import SimulatedClock
from bot.coaching import matching_pool
from bot.coaching.matching_pool import pool_of
from bot.coaching.submit import RequestDraft, submit_request
from bot.domain import Format, RequestState
from bot.pool.sample import DEMO_COACHEE_EMAIL, load_sample_pool
from bot.services import Services
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
