"""`restore_backup`: a backup's pool into a database, all or nothing.

The backup is never changed: it is copied aside and an older one is brought to this
coachpool's schema there, by the same migrations as a live store. The target is
migrated, then filled in one transaction (on SQLite under its write lock), so a failure
at any row leaves it as it was. Scheduled messages come back with their state, attempts
and claims: a claim held when the backup was taken lapses with its lease and the message
is sent by the next dispatcher, as after a crash.
"""

from __future__ import annotations

import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from storage.backup.errors import TargetNotEmpty
from storage.backup.file import inspect_backup
from storage.backup.rows import copy_rows, count_rows, delete_rows, reset_sequences
from storage.engine import describe, make_engine, normalise_url
from storage.errors import translated
from storage.migrate import head_revision, upgrade_engine


@dataclass(frozen=True)
class RestoreSummary:
    backup_revision: str
    revision: str  # the schema the restored pool is at (this coachpool's)
    rows: int
    replaced: int  # rows that were in the target before, deleted with --replace


def restore_backup(url: str, backup: Path, *, replace: bool = False) -> RestoreSummary:
    """Restore the backup file into the database at `url`. A target holding any rows is
    refused with TargetNotEmpty unless `replace`, which deletes them in the same
    transaction."""
    found = inspect_backup(backup.expanduser().resolve())
    url = normalise_url(url)
    with tempfile.TemporaryDirectory(prefix="coachpool-restore-") as work:
        copy = Path(work) / "backup.db"
        with (
            closing(sqlite3.connect(found.path)) as reading,
            closing(sqlite3.connect(copy)) as aside,
        ):
            reading.backup(aside)
        source = make_engine(f"sqlite:///{copy}")
        target = make_engine(url)
        where = describe(target.url)
        try:
            upgrade_engine(source)
            upgrade_engine(target)
            with translated(where), source.connect() as reading_rows, target.begin() as writing:
                present = count_rows(writing)
                if present and not replace:
                    raise TargetNotEmpty(
                        f"{where} already holds a pool ({present} rows); restore into an empty "
                        "database, or pass --replace to delete what is there first"
                    )
                delete_rows(writing)
                copied = copy_rows(reading_rows, writing)
                reset_sequences(writing)
        finally:
            source.dispose()
            target.dispose()
    return RestoreSummary(found.revision, head_revision(), sum(copied.values()), present)
