"""Loading the demo pool into a store: 12 member organisations, 40 coaches, coachees,
coordinators and three programmes (see `sample_data` and `sample_coaches`).

Idempotent: a record whose slug or email is already in the store is left exactly as it is,
so a second run writes nothing (not even an audit entry) and its summary says so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.domain.audit import AuditEntry
from bot.domain.coaches import CoachProfile, Format
from bot.domain.people import Organisation, Person, Role
from bot.pool.availability import parse_weekly
from bot.ports.store import Store
from handlers.pool.sample_coaches import COACHES, SampleCoach
from handlers.pool.sample_data import (
    DEMO_COACHEE_EMAIL,
    DEMO_COORDINATOR_EMAIL,
    HOST,
    MEMBER_ORGANISATIONS,
    OTHER_PEOPLE,
    PROGRAMMES,
    SampleOrganisation,
    SamplePerson,
)

__all__ = [
    "DEMO_COACHEE_EMAIL",
    "DEMO_COORDINATOR_EMAIL",
    "SamplePoolSummary",
    "Tally",
    "load_sample_pool",
    "sample_email",
]

_DOMAINS = {org.slug: org.domain for org in (HOST, *MEMBER_ORGANISATIONS)}
_TOWNS = {org.slug: org.town for org in (HOST, *MEMBER_ORGANISATIONS)}


@dataclass(frozen=True)
class Tally:
    created: int = 0
    already_present: int = 0

    @property
    def total(self) -> int:
        return self.created + self.already_present


@dataclass(frozen=True)
class SamplePoolSummary:
    """What the sample pool holds and what this run added. `organisations` counts the host
    (West Midlands Employers) as well as the 12 member organisations."""

    organisations: Tally
    programmes: Tally
    coaches: Tally
    coachees: Tally
    # Coordinators, organisation leads and the sponsor.
    others: Tally

    @property
    def member_organisations(self) -> int:
        return self.organisations.total - 1

    @property
    def created(self) -> int:
        return sum(tally.created for tally in self._tallies())

    @property
    def already_present(self) -> int:
        return sum(tally.already_present for tally in self._tallies())

    def describe(self) -> str:
        pool = (
            f"{self.member_organisations} member organisations and the host, "
            f"{self.coaches.total} coaches, {self.coachees.total} coachees, "
            f"{self.others.total} coordinators, leads and sponsors, "
            f"{self.programmes.total} programmes"
        )
        if self.created == 0:
            return f"The sample pool was already loaded; nothing changed ({pool})."
        return (
            f"Sample pool loaded: {self.created} records created, "
            f"{self.already_present} already present ({pool})."
        )

    def _tallies(self) -> tuple[Tally, ...]:
        return (self.organisations, self.programmes, self.coaches, self.coachees, self.others)


def sample_email(name: str, organisation_slug: str) -> str:
    """first.last@domain, as the sample's people are addressed ("Liam O'Connor" → liam.oconnor)."""
    first, *_, last = name.lower().split()
    local = ".".join(re.sub(r"[^a-z-]", "", part) for part in (first, last))
    return f"{local}@{_DOMAINS[organisation_slug]}"


def load_sample_pool(store: Store, *, now: datetime) -> SamplePoolSummary:
    """Add whatever of the sample pool is missing, in one transaction, with one audit entry."""
    if now.tzinfo is None:
        raise ValueError("load_sample_pool needs a timezone-aware `now`")
    with store.transaction():
        organisations, organisation_ids = _load_organisations(store)
        programmes = _load_programmes(store)
        coaches = _load_coaches(store, organisation_ids)
        coachees, others = _load_other_people(store, organisation_ids)
        summary = SamplePoolSummary(organisations, programmes, coaches, coachees, others)
        if summary.created:
            store.audit(
                AuditEntry(
                    now.astimezone(UTC), None, "sample_pool.load", "pool", summary.describe()
                )
            )
    return summary


def _load_organisations(store: Store) -> tuple[Tally, dict[str, int]]:
    ids: dict[str, int] = {}
    created = 0
    for sample in (HOST, *MEMBER_ORGANISATIONS):
        organisation = store.find_organisation(sample.slug)
        if organisation is None:
            organisation = store.add_organisation(_organisation(sample))
            created += 1
        ids[sample.slug] = organisation.id
    return Tally(created, len(ids) - created), ids


def _organisation(sample: SampleOrganisation) -> Organisation:
    return Organisation(id=0, slug=sample.slug, name=sample.name, eap_contact=sample.eap_contact)


def _load_programmes(store: Store) -> Tally:
    created = 0
    for programme in PROGRAMMES:
        if store.find_programme(programme.slug) is None:
            store.add_programme(programme)
            created += 1
    return Tally(created, len(PROGRAMMES) - created)


def _load_coaches(store: Store, organisation_ids: dict[str, int]) -> Tally:
    created = 0
    for sample in COACHES:
        email = sample_email(sample.name, sample.organisation)
        person = store.find_person_by_email(email)
        if person is None:
            person = store.add_person(
                Person(
                    id=0,
                    email=email,
                    name=sample.name,
                    organisation_id=organisation_ids[sample.organisation],
                    roles=frozenset({Role.COACH}),
                    timezone=sample.timezone,
                    job_title=sample.job_title,
                    directorate=sample.directorate,
                )
            )
        if store.get_coach(person.id) is None:
            store.save_coach(_profile(sample, person.id))
            created += 1
    return Tally(created, len(COACHES) - created)


def _profile(sample: SampleCoach, person_id: int) -> CoachProfile:
    return CoachProfile(
        person_id=person_id,
        accreditation=sample.accreditation,
        specialisms=sample.specialisms,
        bio=sample.bio,
        formats=sample.formats,
        locations=(sample.location or _TOWNS[sample.organisation],),
        max_coachees=sample.max_coachees,
        max_hours_per_month=sample.max_hours_per_month,
        paused=bool(sample.pause_reason),
        pause_reason=sample.pause_reason,
        meeting_link=_meeting_room(sample.name) if Format.ONLINE in sample.formats else "",
        weekly=parse_weekly(sample.availability),
    )


def _meeting_room(name: str) -> str:
    """An invented room on a reserved example domain: sample data must never point anywhere real."""
    return "https://meet.example.org/" + "-".join(name.lower().split())


def _load_other_people(store: Store, organisation_ids: dict[str, int]) -> tuple[Tally, Tally]:
    """Coachees, and everyone else who is neither coach nor coachee. Runs after the coaches,
    since a coachee's manager may be one."""
    created: Counter[bool] = Counter()
    present: Counter[bool] = Counter()
    for sample in OTHER_PEOPLE:
        counts = present
        email = sample.email or sample_email(sample.name, sample.organisation)
        if store.find_person_by_email(email) is None:
            store.add_person(_person(store, sample, email, organisation_ids))
            counts = created
        counts[sample.role is Role.COACHEE] += 1
    return Tally(created[True], present[True]), Tally(created[False], present[False])


def _person(
    store: Store, sample: SamplePerson, email: str, organisation_ids: dict[str, int]
) -> Person:
    manager_id = None
    if sample.manager_email:
        manager = store.find_person_by_email(sample.manager_email)
        if manager is None:
            raise LookupError(
                f"sample data: {sample.name}'s manager {sample.manager_email} is missing"
            )
        manager_id = manager.id
    return Person(
        id=0,
        email=email,
        name=sample.name,
        organisation_id=organisation_ids[sample.organisation],
        roles=frozenset({sample.role}),
        manager_id=manager_id,
        job_title=sample.job_title,
        directorate=sample.directorate,
    )
