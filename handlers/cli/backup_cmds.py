"""`coachpool backup FILE` and `coachpool restore FILE [--replace]` (see storage/backup)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(commands: Any) -> None:
    backup = commands.add_parser("backup")
    backup.add_argument(
        "file", type=Path, metavar="FILE", help="the backup to write (replaced if it exists)"
    )
    backup.set_defaults(run=run_backup)

    restore = commands.add_parser("restore")
    restore.add_argument(
        "file", type=Path, metavar="FILE", help="a file made by `coachpool backup`"
    )
    restore.add_argument(
        "--replace",
        action="store_true",
        help="delete the pool already in the database first (in the same transaction)",
    )
    restore.set_defaults(run=run_restore)


def _database(args: argparse.Namespace) -> str:
    from storage.engine import default_database_url, normalise_url

    return normalise_url(args.database or default_database_url())


def run_backup(args: argparse.Namespace) -> int:
    # SQLAlchemy and the store load here: `coachpool --help` and other commands need neither.
    from sqlalchemy.engine import make_url

    from storage.backup import make_backup
    from storage.engine import describe

    url = _database(args)
    made = make_backup(url, args.file)
    print(
        f"Backed up {describe(make_url(url))} to {made.path} "
        f"({made.rows} rows, schema {made.revision})."
    )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from storage.backup import restore_backup
    from storage.engine import describe

    url = _database(args)
    done = restore_backup(url, args.file, replace=args.replace)
    upgraded = (
        f", upgraded from schema {done.backup_revision}"
        if done.backup_revision != done.revision
        else ""
    )
    replaced = f"; the {done.replaced} rows that were there are gone" if done.replaced else ""
    print(
        f"Restored {done.rows} rows from {args.file} into {describe(make_url(url))} "
        f"(schema {done.revision}{upgraded}){replaced}."
    )
    return 0
