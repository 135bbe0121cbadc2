"""Backup and restore of a large pool: a year of 50 organisations and 2,000 coaches.

    .venv/bin/python bench/bench_backup.py [--postgres] [--seed N]

Builds the year of data that bench/bench_digest.py builds, in a temporary SQLite file, then
times `make_backup` (SQLite's online backup API) and `restore_backup` into a new SQLite
file; with --postgres also the restore into a throwaway PostgreSQL database and the
logical export back out of it (COACHPOOL_BENCH_POSTGRES_URL for the server). Prints rows,
seconds and the backup's size. One run each: these are minutes-scale operations.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

# Runnable from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_digest import DEFAULT_POSTGRES, load, postgres_database
from storage.backup import make_backup, restore_backup
from storage.store import SqlStore

T = TypeVar("T")


def timed(label: str, action: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = action()
    print(f"  {label:<44} {time.perf_counter() - started:7.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="also through PostgreSQL")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        source = f"sqlite:///{here / 'pool.db'}"
        store = SqlStore.open(source, migrate=True)
        try:
            counts = load(store, random.Random(args.seed))
        finally:
            store.close()
        sessions = counts.get("sessions", 0)
        print(f"pool: {sum(counts.values()):,} rows generated ({sessions:,} sessions)")
        made = timed(
            "backup, SQLite (online backup API)", lambda: make_backup(source, here / "a.db")
        )
        size = (here / "a.db").stat().st_size / 1e6
        print(f"  backup file: {made.rows:,} rows, {size:.1f} MB")
        timed(
            "restore into a new SQLite file",
            lambda: restore_backup(f"sqlite:///{here / 'restored.db'}", here / "a.db"),
        )
        if args.postgres:
            admin = os.environ.get("COACHPOOL_BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
            with postgres_database(admin) as url:
                timed(
                    "restore into a new PostgreSQL database",
                    lambda: restore_backup(url, here / "a.db"),
                )
                timed(
                    "backup, PostgreSQL (logical export)", lambda: make_backup(url, here / "b.db")
                )


if __name__ == "__main__":
    main()
