"""Copying every table's rows between two connections, through the models' column types.

The models' types (UTC datetimes, JSON) translate each store's representation both
ways, so rows read from PostgreSQL are written to SQLite as SQLite keeps them, and back.
Tables go in foreign-key order, in chunks, so memory stays flat on a large pool.
"""

from __future__ import annotations

from sqlalchemy import Connection, Table, func, insert, select, text

from storage.models import Base
from storage.models.hours import PersonHoursRow
from storage.models.revisions import PoolRevisionRow

CHUNK = 1_000


def pool_tables() -> list[Table]:
    """The tables holding the pool's records, in foreign-key order. Not what triggers derive
    from them: the matching cache's revision tags, written on every change, and each
    person's totals of held minutes. A restore's inserts of people and sessions write both
    afresh (copying the totals too would count every held session twice), so they are no
    part of what a pool is and are never compared or copied."""
    derived = {PoolRevisionRow.__tablename__, PersonHoursRow.__tablename__}
    return [t for t in Base.metadata.sorted_tables if t.name not in derived]


def copy_rows(source: Connection, target: Connection) -> dict[str, int]:
    """Every model table's rows from `source` into the same tables in `target`; rows per table."""
    copied: dict[str, int] = {}
    for table in pool_tables():
        order = list(table.primary_key.columns)
        # yield_per: a server-side cursor on PostgreSQL, so a big table never sits in memory.
        result = source.execute(select(table).order_by(*order).execution_options(yield_per=CHUNK))
        copied[table.name] = 0
        for chunk in result.partitions(CHUNK):
            target.execute(insert(table), [row._asdict() for row in chunk])
            copied[table.name] += len(chunk)
    return copied


def count_rows(connection: Connection) -> int:
    """How many rows the pool's tables hold altogether."""
    return sum(
        connection.execute(select(func.count()).select_from(table)).scalar_one()
        for table in pool_tables()
    )


def delete_rows(connection: Connection) -> None:
    """Every row of the pool's tables (children first), leaving the schema."""
    for table in reversed(pool_tables()):
        connection.execute(table.delete())


def reset_sequences(connection: Connection) -> None:
    """PostgreSQL: each `id` sequence continues after the restored rows, so the next record
    never collides with a restored one. (SQLite takes the next rowid from the table.)"""
    if connection.dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        if "id" not in table.columns or not table.columns["id"].autoincrement:
            continue
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f'COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM "{table.name}"'
            )
        )
