"""`make_backup`: a consistent copy of a live pool, safe while `coachpool serve` runs.

SQLite: SQLite's online backup API, in one step, reads one snapshot of the database
(the WAL's committed pages included, which a file copy would miss or tear) while
writers carry on. PostgreSQL: every table is read in one REPEATABLE READ, read-only
transaction (one snapshot, no locks that stop the bot) and written into a new SQLite
file migrated to the same schema. Either way the file appears under its name only when
complete: it is written beside it and renamed.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from bot.ports.errors import StoreUnavailable
from storage.backup.errors import NotABackup
from storage.backup.file import BackupFile, seal
from storage.backup.rows import copy_rows
from storage.engine import (
    DEFAULT_BUSY_TIMEOUT,
    check_exists,
    describe,
    make_engine,
    normalise_url,
    sqlite_file,
)
from storage.errors import UPGRADE_HINT, SchemaOutOfDate, translated
from storage.migrate import head_revision, revision_of, upgrade_engine

BackupSummary = BackupFile


def make_backup(url: str, destination: Path) -> BackupSummary:
    """Back up the pool at `url` into the file `destination` (replaced if it exists)."""
    url = normalise_url(url)
    check_exists(url)
    parsed = make_url(url)
    destination = destination.expanduser().resolve()
    source_file = sqlite_file(parsed)
    if destination.is_dir() or not destination.parent.is_dir():
        raise NotABackup(f"cannot write a backup to {destination}: give a file in a folder")
    if source_file is not None and source_file == destination:
        raise NotABackup(f"{destination} is the database itself; back it up to another file")
    partial = destination.with_name(f".{destination.name}.{secrets.token_hex(4)}.partial")
    try:
        partial.touch(mode=0o600)  # a whole pool of personal data: its owner's eyes only
        if source_file is not None:
            _online_copy(source_file, partial, where=describe(parsed))
        else:
            _export(url, partial)
        sealed = seal(partial)
        os.replace(partial, destination)
    finally:
        partial.unlink(missing_ok=True)
    return BackupFile(destination, sealed.revision, sealed.rows)


def _online_copy(source: Path, partial: Path, *, where: str) -> None:
    try:
        with (
            closing(sqlite3.connect(source, timeout=DEFAULT_BUSY_TIMEOUT)) as reading,
            closing(sqlite3.connect(partial)) as writing,
        ):
            if not _has_schema(reading):
                raise SchemaOutOfDate(
                    f"{where} has no coachpool tables: there is nothing to back up"
                )
            reading.backup(writing)  # all pages in one step: one consistent snapshot
    except sqlite3.Error as error:
        raise StoreUnavailable(f"could not back up {where}: {error}") from error


def _has_schema(connection: sqlite3.Connection) -> bool:
    found = connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    return bool(found[0])


def _export(url: str, partial: Path) -> None:
    """PostgreSQL's pool, read in one snapshot, into a new SQLite file."""
    source = make_engine(url)
    target = make_engine(f"sqlite:///{partial}")
    where = describe(source.url)
    try:
        upgrade_engine(target)
        snapshot = source.execution_options(isolation_level="REPEATABLE READ")
        with (
            translated(where),
            snapshot.connect() as reading,
            reading.begin(),
            target.begin() as writing,
        ):
            reading.execute(text("SET TRANSACTION READ ONLY"))
            _check_current(reading, where)
            copy_rows(reading, writing)
    finally:
        target.dispose()
        source.dispose()


def _check_current(reading: Connection, where: str) -> None:
    found, wanted = revision_of(reading), head_revision()
    if found is None:
        raise SchemaOutOfDate(f"{where} has no coachpool tables: there is nothing to back up")
    if found != wanted:
        raise SchemaOutOfDate(
            f"{where} has schema {found}, this coachpool exports {wanted}: {UPGRADE_HINT} "
            "first, or back it up with pg_dump (see docs/operations.md)"
        )
