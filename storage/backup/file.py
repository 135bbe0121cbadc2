"""The backup file itself: a self-contained SQLite database with an `alembic_version`.

Read and written with Python's own sqlite3 module (no pooled engine, no WAL side files),
so a backup is one file that can be copied, checksummed and archived as it is.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from storage.backup.errors import NotABackup
from storage.migrate import known_revisions

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    revision: str
    rows: int


def seal(path: Path) -> BackupFile:
    """Make a freshly written backup self-contained (rollback journal, not WAL: no side
    files) and check it reads back whole."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
        (verdict,) = connection.execute("PRAGMA quick_check").fetchone()
        if verdict != "ok":
            raise NotABackup(f"the backup written to {path} does not read back whole: {verdict}")
    return _read(path)


def inspect_backup(path: Path) -> BackupFile:
    """The backup's schema revision and row count; NotABackup, in one line, for a file that
    is not one or that a newer coachpool made."""
    backup = _read(path)
    if backup.revision not in known_revisions():
        raise NotABackup(
            f"{path} was made by a newer coachpool (schema {backup.revision}); "
            "upgrade coachpool to restore it"
        )
    return backup


def _read(path: Path) -> BackupFile:
    if not path.is_file():
        raise NotABackup(f"{path} is not a file")
    with path.open("rb") as file:
        if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise NotABackup(f"{path} is not a coachpool backup (not a SQLite database file)")
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
            revision = _revision(connection, path)
            tables = [
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
                )
            ]
            rows = sum(
                connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                for name in tables
            )
    except sqlite3.DatabaseError as error:
        raise NotABackup(f"{path} cannot be read as a coachpool backup ({error})") from error
    return BackupFile(path, revision, rows)


def _revision(connection: sqlite3.Connection, path: Path) -> str:
    try:
        found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.OperationalError:
        found = []
    if len(found) != 1:
        raise NotABackup(f"{path} is not a coachpool backup (it has no coachpool schema version)")
    return str(found[0][0])
