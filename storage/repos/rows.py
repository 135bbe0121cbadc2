"""Small query helpers shared by the repositories."""

from __future__ import annotations

from typing import Any, TypeVar, cast

from sqlalchemy import CursorResult, Executable
from sqlalchemy.orm import Session

from bot.ports.errors import NotFound

T = TypeVar("T")
E = TypeVar("E", bound=Executable)


def fresh(statement: E) -> E:
    """Reload rows the session already holds: inside a long transaction they may have been
    changed by a Core UPDATE/upsert that bypassed the session's identity map."""
    return statement.execution_options(populate_existing=True)


def row_or_none(session: Session, model: type[T], key: Any, *, lock: bool = False) -> T | None:
    return session.get(model, key, populate_existing=True, with_for_update=lock or None)


def row_of(session: Session, model: type[T], key: Any, *, lock: bool = False) -> T:
    """The row, or NotFound naming what was asked for."""
    row = row_or_none(session, model, key, lock=lock)
    if row is None:
        table = getattr(model, "__tablename__", model.__name__)
        raise NotFound(f"no {table} record with id {key}")
    return row


def rows_changed(session: Session, statement: Executable) -> int:
    """Run an UPDATE or DELETE; how many rows it changed."""
    return cast("CursorResult[Any]", session.execute(statement)).rowcount
