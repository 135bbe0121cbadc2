"""Everything a store holds: every row of every table, read with the store's own engine.
For tests that prove some words were never kept (safeguarding, erasure), and that a
restored pool is the pool that was backed up."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import inspect, select, text

from storage.backup.rows import pool_tables
from storage.store import SqlStore


def stored_cells(store: SqlStore) -> list[tuple[str, str]]:
    """(table, cell text) for every non-empty cell in the database. JSON cells are also
    given decoded, so escaped characters in a payload are found as typed."""
    cells: list[tuple[str, str]] = []
    engine = store.engine
    with engine.connect() as connection:
        for table in inspect(engine).get_table_names():
            for row in connection.execute(text(f'SELECT * FROM "{table}"')):
                for value in row:
                    if value is None:
                        continue
                    cells += [(table, shown) for shown in _readings(value)]
    return cells


def table_rows(store: SqlStore) -> dict[str, list[dict[str, Any]]]:
    """Every pool table's rows (`storage.backup.rows.pool_tables`) in primary-key order,
    read through the models' types, so the same pool compares equal on SQLite and
    PostgreSQL."""
    with store.engine.connect() as connection:
        return {
            table.name: [
                row._asdict()
                for row in connection.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in pool_tables()
        }


def places_holding(store: SqlStore, words: Iterable[str]) -> list[str]:
    """Where any of `words` appears (case-insensitive), as 'table: cell' lines; [] when
    nowhere. Assert `== []` so a failure shows where the words were found."""
    wanted = [w.lower() for w in words if w]
    return [
        f"{table}: {cell[:200]}"
        for table, cell in stored_cells(store)
        if any(w in cell.lower() for w in wanted)
    ]


def _readings(value: object) -> list[str]:
    raw = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    readings = [raw]
    if raw[:1] in {"{", "["}:
        with contextlib.suppress(ValueError):
            readings.append(json.dumps(json.loads(raw), ensure_ascii=False))
    return readings
