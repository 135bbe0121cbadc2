"""Platform identities: how one person is reached on Slack, Teams or the console."""

from __future__ import annotations

from sqlalchemy import select

from bot.domain import Channel, Identity
from storage.models import IdentityRow, PersonRow
from storage.repos.rows import fresh
from storage.repos.upsert import upsert
from storage.unit import UnitOfWork


def to_identity(row: IdentityRow) -> Identity:
    return Identity(
        person_id=row.person_id,
        channel=Channel(row.channel),
        workspace=row.workspace,
        user_id=row.user_id,
        conversation_ref=dict(row.conversation_ref),
    )


class IdentityRepo(UnitOfWork):
    def link_identity(self, identity: Identity) -> None:
        """Add or replace the identity for (channel, workspace, user_id); race-safe.
        NotFound if the person does not exist."""
        with self._write() as s:
            upsert(
                s,
                IdentityRow,
                {
                    "channel": identity.channel,
                    "workspace": identity.workspace,
                    "user_id": identity.user_id,
                    "person_id": identity.person_id,
                    "conversation_ref": dict(identity.conversation_ref),
                },
                unique=("channel", "workspace", "user_id"),
            )

    def claim_identity(self, identity: Identity) -> Identity:
        """Link `identity` unless its person already has another on the same channel; the
        identity that holds the channel afterwards is returned (the first one wins, so a
        second account can never take over a person's messages). The person's row is locked
        while deciding, so two first contacts at once cannot both win."""
        with self._write() as s:
            s.execute(
                select(PersonRow.id).where(PersonRow.id == identity.person_id).with_for_update()
            )
            held = s.scalar(
                fresh(
                    select(IdentityRow)
                    .where(
                        IdentityRow.person_id == identity.person_id,
                        IdentityRow.channel == identity.channel,
                    )
                    .order_by(IdentityRow.id)
                )
            )
            if held is not None:
                return to_identity(held)
            self.link_identity(identity)  # joins this unit of work, under the lock
            return identity

    def unlink_identities(self, person_id: int, channel: Channel) -> int:
        with self._write() as s:
            rows = s.scalars(
                select(IdentityRow).where(
                    IdentityRow.person_id == person_id, IdentityRow.channel == channel
                )
            ).all()
            for row in rows:
                s.delete(row)
            return len(rows)

    def find_identity(self, channel: Channel, workspace: str, user_id: str) -> Identity | None:
        with self._read() as s:
            row = s.scalar(
                fresh(
                    select(IdentityRow).where(
                        IdentityRow.channel == channel,
                        IdentityRow.workspace == workspace,
                        IdentityRow.user_id == user_id,
                    )
                )
            )
            return None if row is None else to_identity(row)

    def identities_of(self, person_id: int) -> list[Identity]:
        with self._read() as s:
            rows = s.scalars(
                fresh(
                    select(IdentityRow)
                    .where(IdentityRow.person_id == person_id)
                    .order_by(IdentityRow.id)
                )
            )
            return [to_identity(row) for row in rows]
