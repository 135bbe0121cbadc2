"""Organisations, people and the platform accounts they are reached through."""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from bot.domain import Identity, Organisation, Person, Role
from bot.domain.people import Channel


class OrganisationStore(Protocol):
    def add_organisation(self, organisation: Organisation) -> Organisation: ...
    def update_organisation(self, organisation: Organisation) -> None: ...
    def get_organisation(self, organisation_id: int) -> Organisation | None: ...
    def find_organisation(self, slug: str) -> Organisation | None: ...
    def list_organisations(self) -> list[Organisation]: ...


class PeopleStore(Protocol):
    def add_person(self, person: Person) -> Person:
        """Raise Conflict if the email (case-insensitive) is already used."""
        ...

    def update_person(self, person: Person) -> None: ...
    def get_person(self, person_id: int) -> Person | None: ...
    def get_people(self, person_ids: Collection[int]) -> dict[int, Person]:
        """Person id -> person for those of `person_ids` that exist (erased ones too, as
        `get_person`): one read for many."""
        ...

    def find_person_by_email(self, email: str) -> Person | None:
        """Case-insensitive; erased people are never found."""
        ...

    def list_people(self, role: Role | None = None) -> list[Person]:
        """Not erased, ordered by name."""
        ...

    def organisation_of_people(self) -> dict[int, int]:
        """person id -> organisation id, for everyone (erased people too: their hours
        still count for their organisation)."""
        ...


class IdentityStore(Protocol):
    def link_identity(self, identity: Identity) -> None:
        """Add or replace the identity for (channel, workspace, user_id)."""
        ...

    def claim_identity(self, identity: Identity) -> Identity:
        """Link `identity` unless the person already has one on that channel; returns the
        identity that holds the channel (the first one, never silently replaced)."""
        ...

    def find_identity(self, channel: Channel, workspace: str, user_id: str) -> Identity | None: ...
    def identities_of(self, person_id: int) -> list[Identity]: ...
    def unlink_identities(self, person_id: int, channel: Channel) -> int:
        """Forget the person's accounts on `channel` (a coordinator's decision, when an
        account is no longer theirs): the next account they use there is linked. How many."""
        ...
