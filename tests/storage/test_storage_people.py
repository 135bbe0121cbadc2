"""People and identities: one person, found by any spelling of their email, on any channel."""

from __future__ import annotations

from dataclasses import replace

import pytest
from storage_testkit import Pool

from bot.domain import Channel, Identity, Person, Role
from bot.ports.errors import Conflict, NotFound


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
    slack = Identity(pool.coach.id, Channel.SLACK, "T01", "U123", {"dm": "D1"})
    teams = Identity(pool.coach.id, Channel.TEAMS, "tenant", "29:x", {"conversation_id": "a:1"})
    store.link_identity(slack)
    store.link_identity(teams)
    assert store.identities_of(pool.coach.id) == [slack, teams]

    # The same platform user relinked: to a new DM channel, then to another person.
    moved = replace(slack, conversation_ref={"dm": "D2"})
    store.link_identity(moved)
    assert store.find_identity(Channel.SLACK, "T01", "U123") == moved
    someone = pool.coachees[0]
    store.link_identity(replace(moved, person_id=someone.id))
    assert store.identities_of(pool.coach.id) == [teams]
    assert store.identities_of(someone.id) == [replace(moved, person_id=someone.id)]
    # Same user id in another workspace is another identity.
    assert store.find_identity(Channel.SLACK, "T02", "U123") is None


def test_identity_of_an_unknown_person_is_not_found(pool: Pool) -> None:
    with pytest.raises(NotFound):
        pool.store.link_identity(Identity(9999, Channel.CONSOLE, "", "someone"))
