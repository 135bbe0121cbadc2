"""Database trouble reaches the core as one clear StoreError, never as a driver traceback."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from storage_testkit import T0

from bot.domain.audit import AuditEntry
from bot.ports.errors import StoreUnavailable
from storage.errors import SchemaOutOfDate
from storage.migrate import upgrade
from storage.store import SqlStore

# Holds SQLite's write lock, with one uncommitted row, until told to commit.
LOCK_HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute(
    "INSERT INTO audit_log (at, actor_id, action, subject, detail)"
    " VALUES ('2026-03-02 08:00:00.000000', NULL, 'held', 'lock', '')"
)
print("locked", flush=True)
sys.stdin.readline()
connection.execute("COMMIT")
"""


def entry(action: str) -> AuditEntry:
    return AuditEntry(at=T0, actor_id=None, action=action, subject="lock")


def test_unreachable_postgresql_is_unavailable() -> None:
    url = "postgresql://coachpool:s3cret@127.0.0.1:9/nowhere"
    with pytest.raises(StoreUnavailable) as raised:
        SqlStore.open(url)
    message = str(raised.value)
    assert message.startswith("cannot reach postgresql database nowhere at 127.0.0.1:9: ")
    assert "\n" not in message
    assert "s3cret" not in message


def test_unopenable_sqlite_file_is_unavailable() -> None:
    with pytest.raises(StoreUnavailable, match=r"cannot reach SQLite file .*unable to open"):
        SqlStore.open("/nonexistent-directory/coachpool.db")


def test_an_unmigrated_database_says_how_to_fix_it(fresh_database_url: Callable[[], str]) -> None:
    url = fresh_database_url()
    with pytest.raises(
        SchemaOutOfDate, match=r"no coachpool tables yet: run `coachpool db upgrade`"
    ):
        SqlStore.open(url)
    store = SqlStore.open(url, migrate=True)
    try:
        store.ping()
        assert store.list_people() == []
    finally:
        store.close()


def test_a_database_from_a_newer_version_says_so(fresh_database_url: Callable[[], str]) -> None:
    url = fresh_database_url()
    upgrade(url)
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    with pytest.raises(SchemaOutOfDate, match="newer coachpool"):
        SqlStore.open(url)


def test_a_naive_datetime_is_a_bug_not_a_store_error(store: SqlStore) -> None:
    naive = datetime(2026, 3, 2, 9, 0)  # noqa: DTZ001 - the point of the test
    with pytest.raises(ValueError, match="naive datetime"):
        store.audit(AuditEntry(at=naive, actor_id=None, action="x", subject="y"))


def test_a_locked_sqlite_file_is_unavailable_then_fine(tmp_path: Path) -> None:
    path = tmp_path / "coachpool.db"
    upgrade(str(path))
    store = SqlStore.open(str(path), busy_timeout=0.3)
    store.audit(entry("before"))
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdin is not None
        assert holder.stdout.readline().strip() == "locked"
        began = time.monotonic()
        with pytest.raises(StoreUnavailable) as raised:
            store.audit(entry("while locked"))
        waited = time.monotonic() - began
        assert str(raised.value) == (
            f"SQLite file {path} is locked by another process; try again shortly"
        )
        assert 0.25 <= waited < 5
        # Reads go on meanwhile (WAL): they see what was committed.
        assert [e.action for e in store.list_audit()] == ["before"]
        holder.stdin.write("commit\n")
        holder.stdin.flush()
        assert holder.wait(timeout=10) == 0
    finally:
        holder.kill()
        holder.wait()
    store.audit(entry("after"))
    # Nothing lost: the other process's row and ours, around the failed attempt.
    assert sorted(e.action for e in store.list_audit()) == ["after", "before", "held"]
    store.close()


def test_ping(store: SqlStore) -> None:
    store.ping()
