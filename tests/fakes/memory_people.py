"""Organisations, people and their platform accounts, in memory."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from bot.domain import (
    Identity,
    Organisation,
    Person,
    Role,
)
from bot.domain.people import Channel
from bot.ports.errors import Conflict
from tests.fakes.memory_tables import (
    MemoryBase,
    Tables,
    json_copy,
)


class PeopleParts(MemoryBase):
    def add_organisation(self, organisation: Organisation) -> Organisation:
        with self._atomic() as t:
            self._unique_slug(t.organisations.values(), organisation.slug, 0, "organisation")
            stored = replace(organisation, id=t.new_id("organisations"))
            t.organisations[stored.id] = stored
            return stored

    def update_organisation(self, organisation: Organisation) -> None:
        with self._atomic() as t:
            self._existing(t.organisations, organisation.id, "organisations")
            self._unique_slug(
                t.organisations.values(), organisation.slug, organisation.id, "organisation"
            )
            t.organisations[organisation.id] = organisation
            self._bump(t, "coaches")

    def get_organisation(self, organisation_id: int) -> Organisation | None:
        with self._read() as t:
            return t.organisations.get(organisation_id)

    def find_organisation(self, slug: str) -> Organisation | None:
        with self._read() as t:
            return next((o for o in t.organisations.values() if o.slug == slug), None)

    def list_organisations(self) -> list[Organisation]:
        with self._read() as t:
            return sorted(t.organisations.values(), key=lambda o: (o.name.casefold(), o.id))

    def add_person(self, person: Person) -> Person:
        with self._atomic() as t:
            stored = self._person(t, replace(person, id=t.new_id("people")))
            self._bump(t, "coaches")
            return stored

    def update_person(self, person: Person) -> None:
        with self._atomic() as t:
            old = self._existing(t.people, person.id, "people")
            self._person(t, person)
            moved = (old.organisation_id, old.erased) != (person.organisation_id, person.erased)
            self._bump(t, "coaches", *(["hours"] if moved else []))

    def _person(self, t: Tables, person: Person) -> Person:
        stored = replace(person, email=person.email.strip())
        key = stored.email.lower()
        if any(p.email.lower() == key and p.id != stored.id for p in t.people.values()):
            raise Conflict("that email address is already used by another person")
        t.people[stored.id] = stored
        return stored

    def get_person(self, person_id: int) -> Person | None:
        with self._read() as t:
            return t.people.get(person_id)

    def get_people(self, person_ids: Collection[int]) -> dict[int, Person]:
        with self._read() as t:
            return {i: t.people[i] for i in person_ids if i in t.people}

    def find_person_by_email(self, email: str) -> Person | None:
        key = email.strip().lower()
        with self._read() as t:
            return next(
                (p for p in t.people.values() if p.email.lower() == key and not p.erased), None
            )

    def list_people(self, role: Role | None = None) -> list[Person]:
        with self._read() as t:
            people = [
                p for p in t.people.values() if not p.erased and (role is None or role in p.roles)
            ]
        return sorted(people, key=lambda p: (p.name.casefold(), p.id))

    def organisation_of_people(self) -> dict[int, int]:
        with self._read() as t:
            return {p.id: p.organisation_id for p in t.people.values()}

    def link_identity(self, identity: Identity) -> None:
        with self._atomic() as t:
            self._existing(t.people, identity.person_id, "people")
            stored = replace(identity, conversation_ref=json_copy(identity.conversation_ref))
            same = (identity.channel, identity.workspace, identity.user_id)
            held = next(
                (
                    key
                    for key, i in t.identities.items()
                    if (i.channel, i.workspace, i.user_id) == same
                ),
                None,
            )
            t.identities[held if held is not None else t.new_id("identities")] = stored

    def claim_identity(self, identity: Identity) -> Identity:
        with self._atomic() as t:
            held = next(
                (
                    i
                    for _, i in sorted(t.identities.items())
                    if i.person_id == identity.person_id and i.channel == identity.channel
                ),
                None,
            )
            if held is not None:
                return self._identity(held)
            self.link_identity(identity)
            return identity

    @staticmethod
    def _identity(identity: Identity) -> Identity:
        return replace(identity, conversation_ref=json_copy(identity.conversation_ref))

    def find_identity(self, channel: Channel, workspace: str, user_id: str) -> Identity | None:
        with self._read() as t:
            return next(
                (
                    self._identity(i)
                    for i in t.identities.values()
                    if (i.channel, i.workspace, i.user_id) == (channel, workspace, user_id)
                ),
                None,
            )

    def identities_of(self, person_id: int) -> list[Identity]:
        with self._read() as t:
            return [
                self._identity(i)
                for _, i in sorted(t.identities.items())
                if i.person_id == person_id
            ]

    def unlink_identities(self, person_id: int, channel: Channel) -> int:
        with self._atomic() as t:
            gone = [
                key
                for key, i in t.identities.items()
                if i.person_id == person_id and i.channel == channel
            ]
            for key in gone:
                del t.identities[key]
            return len(gone)
