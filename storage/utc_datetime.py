"""A datetime column that is UTC in the database and aware UTC in Python, on every dialect."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, DateTime, type_coerce
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.types import NullType, TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Stores instants in UTC and always returns aware UTC datetimes.

    PostgreSQL keeps them as `timestamptz`. SQLite has no time zones and SQLAlchemy would
    silently drop `tzinfo`, so there they are stored as naive UTC, which also keeps the
    text comparisons SQLite does (`due_at <= :now`) correct. Naive datetimes are refused:
    a wall time without a zone is a bug waiting to happen.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime given to the store: {value!r}")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def as_stored(column: ColumnElement[datetime] | QueryableAttribute[datetime]) -> ColumnElement[Any]:
    """`column` as the driver returns it, without `UTCDateTime`'s call per value: for bulk
    reads, turned into datetimes by an `InstantReader`."""
    return type_coerce(column, NullType())


class InstantReader:
    """Turns stored instants (SQLite: naive UTC text; PostgreSQL: aware datetimes) into
    aware UTC datetimes, as `UTCDateTime` does, converting each distinct value once. A
    year of sessions starts at a few thousand distinct times, so a bulk read of tens of
    thousands of rows converts only those (and shares the datetimes)."""

    def __init__(self) -> None:
        self._seen: dict[object, datetime] = {}

    def __call__(self, value: object) -> datetime:
        found = self._seen.get(value)
        if found is None:
            found = self._seen[value] = _utc(value)
        return found


def _utc(value: object) -> datetime:
    instant = datetime.fromisoformat(value) if isinstance(value, str) else value
    if not isinstance(instant, datetime):
        raise TypeError(f"not a stored instant: {value!r}")
    if instant.tzinfo is None:
        return instant.replace(tzinfo=UTC)
    return instant.astimezone(UTC)
