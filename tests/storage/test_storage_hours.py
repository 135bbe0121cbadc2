"""The organisations' hours matching reads come from each person's running totals, kept by
triggers as sessions are held, moved, corrected or deleted: they always equal an aggregate
over every held session, by each person's organisation now, erased people left out."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from alembic import command
from sqlalchemy import text
from storage_testkit import T0, Pool

from bot.domain import Organisation, Person, Role, Session, SessionState
from bot.domain.timewindow import TimeWindow
from storage.migrate import alembic_config, upgrade
from storage.store import SqlStore
from tests.backup.backup_rig import url_of
from tests.held_hours import hours_from_scratch


def held(pool: Pool, coachee: Person, day: int, *, minutes: int = 60) -> Session:
    """A session booked, confirmed and then marked held, as the coach's answer does."""
    session = pool.session(
        pool.engagement(coachee),
        T0 + timedelta(days=day),
        minutes=minutes,
        state=SessionState.CONFIRMED,
    )
    done = replace(session, state=SessionState.HELD)
    pool.store.update_session(done, expected=SessionState.CONFIRMED)
    return done


def other_organisation(pool: Pool) -> Organisation:
    return pool.store.add_organisation(Organisation(id=0, slug="sandwell", name="Sandwell"))


def staff(pool: Pool, organisation: Organisation, email: str) -> Person:
    return pool.store.add_person(
        Person(
            id=0,
            email=email,
            name=email.partition("@")[0].title(),
            organisation_id=organisation.id,
            roles=frozenset({Role.COACHEE}),
        )
    )


def hours(store: SqlStore) -> dict[int, float]:
    """The figure matching reads, after checking it against the aggregate from scratch."""
    figure = store.organisation_hours()
    assert figure == pytest.approx(hours_from_scratch(store))
    return figure


def test_held_sessions_count_where_each_person_is_now(pool: Pool) -> None:
    store, home = pool.store, pool.organisation
    away = other_organisation(pool)
    ann, bob = staff(pool, away, "ann@sandwell.example"), staff(pool, away, "bob@sandwell.example")
    assert hours(store) == {}

    held(pool, ann, 1)
    moved = held(pool, bob, 2, minutes=90)
    # Booked, cancelled or missed: not held, so not counted.
    pool.session(pool.engagement(ann), T0 + timedelta(days=3), state=SessionState.CONFIRMED)
    missed = pool.session(
        pool.engagement(bob), T0 + timedelta(days=4), state=SessionState.CONFIRMED
    )
    store.update_session(
        replace(missed, state=SessionState.NO_SHOW), expected=SessionState.CONFIRMED
    )
    assert hours(store) == pytest.approx({home.id: 2.5, away.id: -2.5})

    # A held session's time corrected (45 minutes, another day) counts at its new length.
    later = T0 + timedelta(days=9)
    store.update_session(replace(moved, window=TimeWindow(later, later + timedelta(minutes=45))))
    assert hours(store) == pytest.approx({home.id: 1.75, away.id: -1.75})

    # Bob moves to the coach's organisation: what he received counts there now.
    store.update_person(replace(bob, organisation_id=home.id))
    assert hours(store) == pytest.approx({home.id: 1.75 - 0.75, away.id: -1.0})

    # Ann is erased: her sessions no longer count for anyone's organisation but the coach's.
    store.erase_person(ann.id, at=T0 + timedelta(days=30))
    assert hours(store) == pytest.approx({home.id: 1.0})

    # The coach is erased too: nothing of theirs counts; Bob's 45 minutes still do.
    store.erase_person(pool.coach.id, at=T0 + timedelta(days=31))
    assert hours(store) == pytest.approx({home.id: -0.75})


def test_a_correction_made_in_the_database_is_counted_too(pool: Pool) -> None:
    """The triggers see every write, whoever makes it: an operator's SQL un-holding a
    session, giving it to another coach, or deleting it (the product never does these)."""
    store, home = pool.store, pool.organisation
    away = other_organisation(pool)
    ann = staff(pool, away, "ann@sandwell.example")
    guest = store.add_person(
        Person(
            id=0,
            email="guest@sandwell.example",
            name="Guest Coach",
            organisation_id=away.id,
            roles=frozenset({Role.COACH}),
        )
    )
    first, second = held(pool, ann, 1), held(pool, ann, 2, minutes=30)
    assert hours(store) == pytest.approx({home.id: 1.5, away.id: -1.5})

    def by_hand(statement: str, **values: object) -> None:
        with store.engine.begin() as connection:
            connection.execute(text(statement), values)

    by_hand("UPDATE sessions SET coach_id = :coach WHERE id = :id", coach=guest.id, id=second.id)
    assert hours(store) == pytest.approx({home.id: 1.0, away.id: -1.0})
    by_hand("UPDATE sessions SET state = 'cancelled' WHERE id = :id", id=first.id)
    assert hours(store) == pytest.approx({away.id: 0.0})
    by_hand("UPDATE sessions SET state = 'held' WHERE id = :id", id=first.id)
    assert hours(store) == pytest.approx({home.id: 1.0, away.id: -1.0})
    by_hand("DELETE FROM sessions WHERE id IN (:a, :b)", a=first.id, b=second.id)
    assert hours(store) == {}


def test_the_migration_fills_the_totals_from_the_sessions_already_held(pool: Pool) -> None:
    store, home = pool.store, pool.organisation
    away = other_organisation(pool)
    ann = staff(pool, away, "ann@sandwell.example")
    held(pool, ann, 1)
    held(pool, ann, 2, minutes=30)
    before = hours(store)
    with store.engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0013_path_manager_index")
    store.engine.dispose()
    upgrade(url_of(store))
    assert hours(store) == before == pytest.approx({home.id: 1.5, away.id: -1.5})
