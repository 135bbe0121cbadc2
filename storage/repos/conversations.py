"""Persisted conversation state, one per (person, channel)."""

from __future__ import annotations

from sqlalchemy import delete, select

from bot.domain import Channel
from bot.domain.conversation import ConversationState
from storage.models import ConversationRow
from storage.repos.rows import fresh
from storage.repos.upsert import upsert
from storage.unit import UnitOfWork


def to_state(row: ConversationRow) -> ConversationState:
    return ConversationState(
        person_id=row.person_id,
        channel=Channel(row.channel),
        name=row.name,
        step=row.step,
        data=dict(row.data),
        history=tuple(row.history),
        updated_at=row.updated_at,
    )


class ConversationRepo(UnitOfWork):
    def load_conversation(self, person_id: int, channel: Channel) -> ConversationState | None:
        with self._read() as s:
            row = s.scalar(
                fresh(
                    select(ConversationRow).where(
                        ConversationRow.person_id == person_id,
                        ConversationRow.channel == channel,
                    )
                )
            )
            return None if row is None else to_state(row)

    def conversations_of(self, person_id: int) -> list[ConversationState]:
        with self._read() as s:
            rows = s.scalars(
                fresh(
                    select(ConversationRow)
                    .where(ConversationRow.person_id == person_id)
                    .order_by(ConversationRow.channel)
                )
            )
            return [to_state(row) for row in rows]

    def save_conversation(self, state: ConversationState) -> None:
        """Insert or replace the person's state on the channel."""
        with self._write() as s:
            upsert(
                s,
                ConversationRow,
                {
                    "person_id": state.person_id,
                    "channel": state.channel,
                    "name": state.name,
                    "step": state.step,
                    "data": dict(state.data),
                    "history": list(state.history),
                    "updated_at": state.updated_at,
                },
                unique=("person_id", "channel"),
            )

    def clear_conversation(self, person_id: int, channel: Channel) -> None:
        with self._write() as s:
            s.execute(
                delete(ConversationRow)
                .where(
                    ConversationRow.person_id == person_id,
                    ConversationRow.channel == channel,
                )
                .execution_options(synchronize_session=False)
            )
