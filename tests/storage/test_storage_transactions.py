"""`transaction()`: one atomic unit, nesting by joining, per thread."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import event
from storage_testkit import T0, Pool

from bot.domain import Identity, Organisation
from bot.domain.conversation import ConversationState
from bot.ports.errors import Conflict
from handlers.channel_names import SLACK
from storage.store import SqlStore


class BoomError(Exception):
    pass


def add_then_fail(store: SqlStore, slug: str) -> None:
    with store.transaction():
        store.add_organisation(org(slug))
        raise BoomError


def org(slug: str) -> Organisation:
    return Organisation(id=0, slug=slug, name=slug.title())


def slugs(store: SqlStore) -> list[str]:
    return sorted(o.slug for o in store.list_organisations())


def test_commits_at_the_end(store: SqlStore) -> None:
    with store.transaction():
        added = store.add_organisation(org("a"))
        # Reads inside see the block's own writes.
        assert store.get_organisation(added.id) == added
    assert slugs(store) == ["a"]


def test_an_exception_rolls_everything_back(store: SqlStore) -> None:
    def work() -> None:
        with store.transaction():
            store.add_organisation(org("a"))
            add_then_fail(store, "b")

    with pytest.raises(BoomError):
        work()
    assert slugs(store) == []


def test_nested_blocks_commit_with_the_outer_one(store: SqlStore) -> None:
    def work() -> None:
        with store.transaction():
            with store.transaction():
                store.add_organisation(org("inner"))
            # Not committed on its own: the outer block still decides.
            raise BoomError

    with pytest.raises(BoomError):
        work()
    assert slugs(store) == []


def test_a_failed_inner_block_is_undone_and_the_outer_carries_on(store: SqlStore) -> None:
    with store.transaction():
        store.add_organisation(org("a"))
        with pytest.raises(BoomError):
            add_then_fail(store, "b")
        store.add_organisation(org("c"))
    assert slugs(store) == ["a", "c"]


def test_a_conflict_inside_a_block_leaves_it_usable(pool: Pool) -> None:
    # On PostgreSQL an error would abort the whole transaction but for the savepoint.
    with pool.store.transaction():
        with pytest.raises(Conflict):
            pool.person(pool.coach.email.upper())
        pool.person("after@council.example")
    assert pool.store.find_person_by_email("after@council.example") is not None


def test_reads_grouped_by_reading_take_one_transaction(pool: Pool) -> None:
    store, begun = pool.store, []
    event.listen(store.engine, "begin", begun.append)
    with store.reading():
        store.get_person(pool.coach.id)
        store.list_organisations()
        store.coach_loads(T0, T0 + timedelta(days=30), idle=False)
    assert len(begun) == 1
    store.get_person(pool.coach.id)
    store.list_organisations()
    assert len(begun) == 3  # each on its own outside


def test_other_threads_do_not_join_a_block(store: SqlStore) -> None:
    seen: list[list[str]] = []
    inside = threading.Event()
    with store.transaction():
        store.add_organisation(org("pending"))

        def look() -> None:
            # Another thread uses its own transaction: the block's write is not visible yet.
            seen.append(slugs(store))
            inside.set()

        worker = threading.Thread(target=look)
        worker.start()
        assert inside.wait(10)
        worker.join()
    assert seen == [[]]
    assert slugs(store) == ["pending"]


def test_reads_inside_a_block_see_its_upserts(pool: Pool) -> None:
    store = pool.store
    slack = Identity(pool.coach.id, SLACK, "T01", "U1", {"dm": "D1"})
    state = ConversationState(pool.coach.id, SLACK, "intake", "topic")
    with store.transaction():
        store.link_identity(slack)
        assert store.find_identity(SLACK, "T01", "U1") == slack
        store.link_identity(replace(slack, conversation_ref={"dm": "D2"}))
        assert store.identities_of(pool.coach.id) == [replace(slack, conversation_ref={"dm": "D2"})]
        store.save_conversation(state)
        assert store.load_conversation(pool.coach.id, SLACK) == state
        store.save_conversation(replace(state, step="goal"))
        assert store.load_conversation(pool.coach.id, SLACK) == replace(state, step="goal")
