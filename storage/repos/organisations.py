"""Member organisations."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from bot.domain import Channel, Membership, Organisation
from storage.models import OrganisationRow
from storage.repos.rows import fresh, row_of, row_or_none
from storage.unit import UnitOfWork


def to_organisation(row: OrganisationRow) -> Organisation:
    return Organisation(
        id=row.id,
        slug=row.slug,
        name=row.name,
        eap_contact=row.eap_contact,
        memberships=tuple(
            Membership(Channel(m["channel"]), m["workspace"]) for m in row.memberships
        ),
    )


def _fill(row: OrganisationRow, organisation: Organisation) -> None:
    row.slug = organisation.slug
    row.name = organisation.name
    row.eap_contact = organisation.eap_contact
    row.memberships = [
        {"channel": m.channel, "workspace": m.workspace} for m in organisation.memberships
    ]


class OrganisationRepo(UnitOfWork):
    def add_organisation(self, organisation: Organisation) -> Organisation:
        with self._write() as s:
            row = OrganisationRow()
            _fill(row, organisation)
            s.add(row)
            s.flush()
            return replace(organisation, id=row.id)

    def update_organisation(self, organisation: Organisation) -> None:
        with self._write() as s:
            _fill(row_of(s, OrganisationRow, organisation.id), organisation)

    def get_organisation(self, organisation_id: int) -> Organisation | None:
        with self._read() as s:
            row = row_or_none(s, OrganisationRow, organisation_id)
            return None if row is None else to_organisation(row)

    def find_organisation(self, slug: str) -> Organisation | None:
        with self._read() as s:
            row = s.scalar(fresh(select(OrganisationRow).where(OrganisationRow.slug == slug)))
            return None if row is None else to_organisation(row)

    def list_organisations(self) -> list[Organisation]:
        """By name."""
        with self._read() as s:
            organisations = [to_organisation(r) for r in s.scalars(fresh(select(OrganisationRow)))]
        # Sorted here: SQLite and PostgreSQL collate names differently.
        return sorted(organisations, key=lambda o: (o.name.casefold(), o.id))
