"""People and identities: one person, found by any spelling of their email, on any channel."""

from __future__ import annotations

from dataclasses import replace

import pytest
from storage_testkit import T0, Pool

from bot.domain import Identity, Person, Role
from bot.domain.management import management_chain, walk_chain
from bot.ports.errors import Conflict, NotFound
from handlers.channel_names import CONSOLE, SLACK, TEAMS


def test_email_is_case_insensitive(pool: Pool) -> None:
    added = pool.person("Sam.Lee@Sandwell.gov.uk")
    assert pool.store.find_person_by_email("sam.lee@sandwell.GOV.uk") == added
    assert pool.store.find_person_by_email("  SAM.LEE@sandwell.gov.uk ") == added
    assert pool.store.find_person_by_email("sam@sandwell.gov.uk") is None


def test_a_second_person_with_the_same_email_is_a_conflict(pool: Pool) -> None:
    pool.person("sam.lee@sandwell.gov.uk")
    with pytest.raises(Conflict, match="email address is already used"):
        pool.person("SAM.LEE@sandwell.gov.uk")
    other = pool.person("someone@sandwell.gov.uk")
    with pytest.raises(Conflict):
        pool.store.update_person(replace(other, email="Sam.Lee@Sandwell.gov.uk"))
    assert pool.store.get_person(other.id) == other


def test_updating_an_unknown_person_is_not_found(pool: Pool) -> None:
    with pytest.raises(NotFound):
        pool.store.update_person(replace(pool.coach, id=9999))


def test_a_person_in_an_unknown_organisation_is_not_found(pool: Pool) -> None:
    with pytest.raises(NotFound):
        pool.store.add_person(Person(id=0, email="x@y.example", name="X", organisation_id=999))


def test_list_people_by_role_in_name_order(pool: Pool) -> None:
    store = pool.store
    lead = pool.person("zed@council.example", Role.ORG_LEAD, Role.COACHEE)
    coordinator = pool.person("abe@council.example", Role.COORDINATOR)
    # Lower case sorts among the rest, the same on every database.
    store.update_person(replace(coordinator, name="abe"))
    coordinator = replace(coordinator, name="abe")
    assert store.list_people(Role.COORDINATOR) == [coordinator]
    assert store.list_people(Role.COACH) == [pool.coach]
    assert store.list_people(Role.ORG_LEAD) == [lead]
    everyone = store.list_people()
    assert everyone[0] == coordinator
    assert [p.name for p in everyone] == sorted((p.name for p in everyone), key=str.casefold)
    assert len(store.list_people(Role.COACHEE)) == len(pool.coachees) + 1


def test_link_identity_adds_and_replaces(pool: Pool) -> None:
    store = pool.store
    slack = Identity(pool.coach.id, SLACK, "T01", "U123", {"dm": "D1"})
    teams = Identity(pool.coach.id, TEAMS, "tenant", "29:x", {"conversation_id": "a:1"})
    store.link_identity(slack)
    store.link_identity(teams)
    assert store.identities_of(pool.coach.id) == [slack, teams]

    # The same platform user relinked: to a new DM channel, then to another person.
    moved = replace(slack, conversation_ref={"dm": "D2"})
    store.link_identity(moved)
    assert store.find_identity(SLACK, "T01", "U123") == moved
    someone = pool.coachees[0]
    store.link_identity(replace(moved, person_id=someone.id))
    assert store.identities_of(pool.coach.id) == [teams]
    assert store.identities_of(someone.id) == [replace(moved, person_id=someone.id)]
    # Same user id in another workspace is another identity.
    assert store.find_identity(SLACK, "T02", "U123") is None


def test_identity_of_an_unknown_person_is_not_found(pool: Pool) -> None:
    with pytest.raises(NotFound):
        pool.store.link_identity(Identity(9999, CONSOLE, "", "someone"))


def test_the_management_chain_read_a_level_at_a_time_is_the_whole_rosters(pool: Pool) -> None:
    """Matching walks the chain through `line_manager` and `direct_reports` instead of
    reading everyone: the same chain for everyone, loops and erased people included."""
    store = pool.store
    people = {n: pool.person(f"p{n}@council.example") for n in range(1, 10)}
    # 1 manages 2, 2 manages 3 and 4, 4 manages 5 (erased later) who manages 6;
    # 7 and 8 manage each other; 9 stands alone.
    for person, manager in ((2, 1), (3, 2), (4, 2), (5, 4), (6, 5), (7, 8), (8, 7)):
        store.update_person(replace(people[person], manager_id=people[manager].id))
    store.erase_person(people[5].id, at=T0)
    everyone = {p.id: p.manager_id for p in store.list_people()}
    assert everyone[people[4].id] == people[2].id  # the links are there to walk
    for person in people.values():
        walked = walk_chain(person.id, store.line_manager, store.direct_reports)
        assert walked == management_chain(everyone, person.id)
    assert walk_chain(people[1].id, store.line_manager, store.direct_reports) == {
        people[2].id: "is line managed by the coachee",
        people[3].id: "is below the coachee in their management chain (2 levels down)",
        people[4].id: "is below the coachee in their management chain (2 levels down)",
    }
    assert set(walk_chain(people[7].id, store.line_manager, store.direct_reports)) == {people[8].id}
    assert store.direct_reports([]) == []
    assert store.line_manager(9999) is None
