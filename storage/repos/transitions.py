"""Compare-and-set for records with a lifecycle (requests, engagements, sessions).

The row is read under its lock (FOR UPDATE on PostgreSQL; on SQLite every write already
holds the database's one write lock), so a racing writer waits, then sees the state the
winner left and is refused with StaleState instead of overwriting it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Protocol, TypeVar

from sqlalchemy.orm import Session

from bot.domain.lifecycles import Lifecycle
from bot.ports.errors import StaleState
from storage.repos.rows import row_of


class HasState(Protocol):
    state: str


R = TypeVar("R", bound=HasState)
S = TypeVar("S", bound=StrEnum)


def locked_for_move(
    session: Session,
    model: type[R],
    key: Any,
    *,
    expected: S,
    new: S,
    lifecycle: Lifecycle[S],
) -> R:
    """The row, locked, if it is still in `expected` (else StaleState) and its lifecycle
    allows `expected` -> `new` (else IllegalMove)."""
    row = row_of(session, model, key, lock=True)
    table = getattr(model, "__tablename__", model.__name__)
    if row.state != expected.value:
        raise StaleState(f"{table} {key} is {row.state}, not {expected.value}")
    lifecycle.check_move(expected, new)
    return row
