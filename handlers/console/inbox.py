"""Each person's console mailbox, kept in the pool's database so that separate
`coachpool chat` runs (two terminals, or today and tomorrow) behave like one DM history:
a message waits until its recipient's next chat, and the last question put to them stays
answerable."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Row, delete, insert, select

from bot.replies import Reply
from bot.replies.codec import decode_replies, encode_replies
from storage.models.console import CONSOLE_MESSAGES, CONSOLE_OFFERS


@dataclass(frozen=True)
class Waiting:
    arrived_at: datetime
    replies: tuple[Reply, ...]


class ConsoleInbox:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def put(self, person_id: int, replies: Sequence[Reply], *, at: datetime) -> None:
        row = {"person_id": person_id, "arrived_at": at, "replies": encode_replies(replies)}
        with self._engine.begin() as connection:
            connection.execute(insert(CONSOLE_MESSAGES), [row])

    def take(self, person_id: int) -> list[Waiting]:
        """The person's waiting messages, oldest first, removed as they are handed over:
        a message is shown once, in one terminal."""
        with self._engine.begin() as connection:
            rows = _waiting(connection, person_id)
            if rows:
                ids = [r.id for r in rows]
                connection.execute(delete(CONSOLE_MESSAGES).where(CONSOLE_MESSAGES.c.id.in_(ids)))
        return [Waiting(r.arrived_at, decode_replies(r.replies)) for r in rows]

    def waiting(self, person_id: int) -> list[Waiting]:
        """The person's waiting messages, oldest first, left in place (for their export)."""
        with self._engine.connect() as connection:
            rows = _waiting(connection, person_id)
        return [Waiting(r.arrived_at, decode_replies(r.replies)) for r in rows]

    def remember_offer(self, person_id: int, replies: Sequence[Reply]) -> None:
        """Keep the replies that carry the person's latest options or form."""
        table = CONSOLE_OFFERS
        with self._engine.begin() as connection:
            connection.execute(delete(table).where(table.c.person_id == person_id))
            connection.execute(
                insert(table), [{"person_id": person_id, "replies": encode_replies(replies)}]
            )

    def last_offer(self, person_id: int) -> tuple[Reply, ...]:
        table = CONSOLE_OFFERS
        with self._engine.connect() as connection:
            data = connection.execute(
                select(table.c.replies).where(table.c.person_id == person_id)
            ).scalar()
        return decode_replies(data) if data else ()


def _waiting(connection: Connection, person_id: int) -> Sequence[Row[Any, Any, Any]]:
    table = CONSOLE_MESSAGES
    return connection.execute(
        select(table.c.id, table.c.arrived_at, table.c.replies)
        .where(table.c.person_id == person_id)
        .order_by(table.c.id)
    ).all()
