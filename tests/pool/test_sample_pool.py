"""load_sample_pool against the real store (the `store` fixture: SQLite and PostgreSQL)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest

from bot.domain import Accreditation, Format, Organisation, Role
from bot.ports.store import Store
from handlers.pool.sample import DEMO_COACHEE_EMAIL, DEMO_COORDINATOR_EMAIL, load_sample_pool

NOW = datetime(2025, 11, 3, 9, 0, tzinfo=UTC)


def test_loads_the_whole_pool(store: Store) -> None:
    summary = load_sample_pool(store, now=NOW)

    organisations = store.list_organisations()
    assert len(organisations) == 13
    assert summary.member_organisations == 12
    assert summary.organisations.created == 13
    assert all(
        org.eap_contact.startswith("Employee Assistance Programme: 0800 000 ")
        for org in organisations
    )

    coaches = store.list_coaches()
    assert len(coaches) == summary.coaches.total == 40
    assert len(store.list_people(Role.COACH)) == 40
    assert sum(profile.paused for profile in coaches) == 3
    assert all(2 <= len(profile.weekly) <= 5 for profile in coaches)

    assert len(store.list_people(Role.COACHEE)) == summary.coachees.total == 10
    assert len(store.list_people(Role.COORDINATOR)) == 3
    assert {p.slug for p in store.list_programmes()} >= {"regional-pool", "rapid-support"}
    assert summary.programmes.total == len(store.list_programmes()) == 3
    assert summary.already_present == 0


def test_profiles_and_people_are_stored_as_described(store: Store) -> None:
    load_sample_pool(store, now=NOW)
    siobhan = store.find_person_by_email("siobhan.kelly@coventry.gov.uk")
    assert siobhan is not None
    assert siobhan.timezone == "Europe/Dublin"
    profile = store.get_coach(siobhan.id)
    assert profile is not None
    assert profile.accreditation is Accreditation.ILM7
    assert profile.formats == frozenset({Format.ONLINE})
    assert profile.locations == ("Dublin",)
    assert [slot.weekday for slot in profile.weekly] == [1, 3]

    grace = store.find_person_by_email("grace.adeyemi@birmingham.gov.uk")
    assert grace is not None
    grace_profile = store.get_coach(grace.id)
    assert grace_profile is not None
    assert (grace_profile.paused, grace_profile.pause_reason) == (True, "on leave until January")


def test_demo_people_and_the_line_management_rule(store: Store) -> None:
    load_sample_pool(store, now=NOW)
    sam = store.find_person_by_email(DEMO_COACHEE_EMAIL)
    coordinator = store.find_person_by_email(DEMO_COORDINATOR_EMAIL)
    dudley = store.find_organisation("dudley")
    host = store.find_organisation("wm-employers")
    assert sam is not None
    assert coordinator is not None
    assert dudley is not None
    assert host is not None
    assert (sam.name, sam.organisation_id, sam.roles) == (
        "Sam Patel",
        dudley.id,
        frozenset({Role.COACHEE}),
    )
    assert (coordinator.organisation_id, coordinator.roles) == (
        host.id,
        frozenset({Role.COORDINATOR}),
    )

    manager = store.get_person(sam.manager_id) if sam.manager_id else None
    assert manager is not None
    assert manager.roles == {Role.SPONSOR}

    jade = store.find_person_by_email("jade.morris@sandwell.gov.uk")
    jo = store.find_person_by_email("jo.harper@sandwell.gov.uk")
    assert jade is not None
    assert jo is not None
    assert jade.manager_id == jo.id
    assert jo.has_role(Role.COACH)
    assert jo.organisation_id == jade.organisation_id


def test_one_audit_entry(store: Store) -> None:
    summary = load_sample_pool(store, now=NOW)
    [entry] = store.list_audit(subject_prefix="pool")
    assert (entry.action, entry.at, entry.actor_id) == ("sample_pool.load", NOW, None)
    assert entry.detail == summary.describe()


def test_a_second_run_changes_nothing_and_says_so(store: Store) -> None:
    load_sample_pool(store, now=NOW)
    people, coaches = store.list_people(), store.list_coaches()
    audit = store.list_audit()

    again = load_sample_pool(store, now=NOW)

    assert again.created == 0
    assert again.already_present == 13 + 3 + 40 + 10 + 8
    assert again.describe().startswith("The sample pool was already loaded; nothing changed")
    assert store.list_people() == people
    assert store.list_coaches() == coaches
    assert len(store.list_organisations()) == 13
    assert len(store.list_programmes()) == 3
    assert store.list_audit() == audit


def test_a_partly_loaded_pool_is_completed(store: Store) -> None:
    store.add_organisation(Organisation(id=0, slug="dudley", name="Dudley Council"))

    summary = load_sample_pool(store, now=NOW)

    assert (summary.organisations.created, summary.organisations.already_present) == (12, 1)
    dudley = store.find_organisation("dudley")
    assert dudley is not None
    assert dudley.name == "Dudley Council"
    assert (
        Counter(p.organisation_id for p in store.list_people())[dudley.id] == 6
    )  # 3 coaches, a lead, a sponsor, Sam


def test_needs_an_aware_now(store: Store) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        load_sample_pool(store, now=datetime(2025, 11, 3, 9, 0))  # noqa: DTZ001
