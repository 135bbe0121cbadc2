"""INSERT ... ON CONFLICT in the current dialect: race-safe insert-or-ignore and upsert.

Both PostgreSQL and SQLite (3.35+, for RETURNING) support the same clauses; only the
statement class differs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from storage.models import Base


def _insert(session: Session, model: type[Base], values: Mapping[str, Any]) -> Any:
    # The two dialects' Insert classes share on_conflict_* but no common base type; each
    # dialect is imported on first use, so a SQLite command never loads PostgreSQL's.
    module: Any
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql as module
    else:
        from sqlalchemy.dialects import sqlite as module
    return module.insert(model.__table__).values(**values)


def insert_or_ignore(
    session: Session, model: type[Base], values: Mapping[str, Any], *, unique: Iterable[str]
) -> bool:
    """Insert unless a row with the same `unique` columns exists; True if inserted."""
    statement = (
        _insert(session, model, values)
        .on_conflict_do_nothing(index_elements=list(unique))
        # RETURNING rather than rowcount, which PostgreSQL reports as -1 here.
        .returning(*inspect(model).primary_key)
    )
    return session.execute(statement).first() is not None


def upsert(
    session: Session, model: type[Base], values: Mapping[str, Any], *, unique: Iterable[str]
) -> None:
    """Insert, or update every other given column of the row with the same `unique` columns."""
    keys = set(unique)
    statement = _insert(session, model, values)
    statement = statement.on_conflict_do_update(
        index_elements=sorted(keys),
        set_={name: statement.excluded[name] for name in values if name not in keys},
    )
    session.execute(statement)
