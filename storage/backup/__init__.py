"""Backups of a pool: `make_backup(url, path)` and `restore_backup(url, path)`.

One file format for both stores: a SQLite database file at a known schema revision (its
`alembic_version` says which), so a backup of either store restores into either, and an
older backup is brought up to date by the same migrations as a live store. See
docs/operations.md for why, and for the PostgreSQL alternatives.
"""

from storage.backup.errors import NotABackup, TargetNotEmpty
from storage.backup.make import BackupSummary, make_backup
from storage.backup.restore import RestoreSummary, restore_backup

__all__ = [
    "BackupSummary",
    "NotABackup",
    "RestoreSummary",
    "TargetNotEmpty",
    "make_backup",
    "restore_backup",
]
