"""People: one record per human, whatever channels they use."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from sqlalchemy import select

from bot.domain import Person, Role
from storage.models import PersonRoleRow, PersonRow
from storage.repos.rows import fresh, row_of, row_or_none
from storage.unit import UnitOfWork


def email_key(email: str) -> str:
    """What makes two emails the same address: case and surrounding spaces do not."""
    return email.strip().lower()


def to_person(row: PersonRow) -> Person:
    return Person(
        id=row.id,
        email=row.email,
        name=row.name,
        organisation_id=row.organisation_id,
        roles=frozenset(Role(r.role) for r in row.roles),
        timezone=row.timezone,
        manager_id=row.manager_id,
        job_title=row.job_title,
        directorate=row.directorate,
        erased=row.erased,
    )


def _fill(row: PersonRow, person: Person) -> None:
    row.email = person.email.strip()
    row.email_key = email_key(person.email)
    row.name = person.name
    row.organisation_id = person.organisation_id
    row.timezone = person.timezone
    row.manager_id = person.manager_id
    row.job_title = person.job_title
    row.directorate = person.directorate
    row.erased = person.erased
    # Change only what differs: deleting and re-adding the same (person, role) key in
    # one flush would collide in the session's identity map.
    wanted = {role.value for role in person.roles}
    row.roles = [r for r in row.roles if r.role in wanted]
    have = {r.role for r in row.roles}
    row.roles.extend(PersonRoleRow(role=role) for role in sorted(wanted - have))


class PeopleRepo(UnitOfWork):
    def add_person(self, person: Person) -> Person:
        """Raise Conflict if the email (case-insensitive) is already used."""
        with self._write() as s:
            row = PersonRow(roles=[])
            _fill(row, person)
            s.add(row)
            s.flush()
            return replace(person, id=row.id, email=row.email)

    def update_person(self, person: Person) -> None:
        """Raise Conflict if the new email is another person's, NotFound if there is no such id."""
        with self._write() as s:
            _fill(row_of(s, PersonRow, person.id), person)

    def get_person(self, person_id: int) -> Person | None:
        """Erased people are returned too (with `erased` set): their sessions still name them."""
        with self._read() as s:
            row = row_or_none(s, PersonRow, person_id)
            return None if row is None else to_person(row)

    def get_people(self, person_ids: Collection[int]) -> dict[int, Person]:
        """Erased people are returned too, as by `get_person`."""
        if not person_ids:
            return {}
        with self._read() as s:
            query = select(PersonRow).where(PersonRow.id.in_(set(person_ids)))
            return {row.id: to_person(row) for row in s.scalars(fresh(query))}

    def find_person_by_email(self, email: str) -> Person | None:
        """Case-insensitive; erased people are never found."""
        with self._read() as s:
            row = s.scalar(
                fresh(
                    select(PersonRow).where(
                        PersonRow.email_key == email_key(email), PersonRow.erased.is_(False)
                    )
                )
            )
            return None if row is None else to_person(row)

    def list_people(self, role: Role | None = None) -> list[Person]:
        """Not erased, ordered by name."""
        with self._read() as s:
            query = select(PersonRow).where(PersonRow.erased.is_(False))
            if role is not None:
                query = query.where(
                    PersonRow.id.in_(
                        select(PersonRoleRow.person_id).where(PersonRoleRow.role == role.value)
                    )
                )
            people = [to_person(row) for row in s.scalars(fresh(query))]
        # Sorted here: SQLite and PostgreSQL collate names differently.
        return sorted(people, key=lambda p: (p.name.casefold(), p.id))
