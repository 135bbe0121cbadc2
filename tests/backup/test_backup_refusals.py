"""What `coachpool restore` refuses, each in one line, and that a refused or failed restore
leaves the database exactly as it was."""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine

from bot.ports.errors import StoreError
from storage.engine import make_engine
from storage.migrate import alembic_config
from storage.store import SqlStore
from tests.backup.backup_rig import backup, booked_pool, coachpool, url_of
from tests.conftest import create_postgres_database, drop_postgres_database
from tests.store_dump import table_rows


def _migrate_to(url: str, revision: str) -> None:
    """What an older release's `coachpool db upgrade` did: its schema, no further."""
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def test_a_pool_is_never_restored_over_another_unless_replace_is_given(
    capsys: pytest.CaptureFixture[str],
    store: SqlStore,
    database_url: str,
    fresh_database_url: Callable[[], str],
    tmp_path: Path,
) -> None:
    booked_pool(store)
    backup(capsys, database_url, tmp_path / "pool.backup")
    other_url = fresh_database_url()
    assert coachpool(capsys, other_url, "seed", "--demo")[0] == 0
    other = SqlStore.open(other_url)
    try:
        before = table_rows(other)
        status, out, err = coachpool(capsys, other_url, "restore", str(tmp_path / "pool.backup"))
        assert (status, out) == (2, "")
        assert err.count("\n") == 1 and "already holds a pool" in err and "--replace" in err
        assert table_rows(other) == before

        status, out, err = coachpool(
            capsys, other_url, "restore", "--replace", str(tmp_path / "pool.backup")
        )
        assert (status, err) == (0, "")
        assert "rows that were there are gone" in out
        assert table_rows(other) == table_rows(store)
    finally:
        other.close()


def test_a_restore_that_fails_part_way_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    store: SqlStore,
    fresh_database_url: Callable[[], str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    booked_pool(store)
    backup(capsys, url_of(store), tmp_path / "pool.backup")
    other_url = fresh_database_url()
    assert coachpool(capsys, other_url, "seed", "--demo")[0] == 0

    def lost_connection(*_: object) -> None:  # after the old rows went and the new came in
        raise StoreError("the database went away")

    monkeypatch.setattr("storage.backup.restore.reset_sequences", lost_connection)
    other = SqlStore.open(other_url)
    try:
        before = table_rows(other)
        status, _, err = coachpool(
            capsys, other_url, "restore", "--replace", str(tmp_path / "pool.backup")
        )
        assert (status, err) == (2, "coachpool: the database went away\n")
        assert table_rows(other) == before
    finally:
        other.close()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"email,name\n", "is not a coachpool backup (not a SQLite database file)"),
        (b"", "is not a coachpool backup (not a SQLite database file)"),
    ],
)
def test_a_file_that_is_not_a_backup_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, said: str
) -> None:
    (tmp_path / "roster.csv").write_bytes(content)
    url = f"sqlite:///{tmp_path / 'pool.db'}"
    status, out, err = coachpool(capsys, url, "restore", str(tmp_path / "roster.csv"))
    assert (status, out) == (2, "")
    assert err == f"coachpool: {tmp_path / 'roster.csv'} {said}\n"


def test_a_sqlite_file_that_is_not_a_pool_is_not_a_backup(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with closing(sqlite3.connect(tmp_path / "other.db")) as other:
        other.execute("CREATE TABLE notes (text TEXT)")
    url = f"sqlite:///{tmp_path / 'pool.db'}"
    status, _, err = coachpool(capsys, url, "restore", str(tmp_path / "other.db"))
    assert status == 2
    assert err == (
        f"coachpool: {tmp_path / 'other.db'} is not a coachpool backup "
        "(it has no coachpool schema version)\n"
    )


def test_a_backup_from_a_newer_coachpool_is_refused(
    capsys: pytest.CaptureFixture[str], store: SqlStore, database_url: str, tmp_path: Path
) -> None:
    backup(capsys, database_url, tmp_path / "pool.backup")
    with closing(sqlite3.connect(tmp_path / "pool.backup")) as file:  # as a newer release writes
        file.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
        file.commit()
    status, _, err = coachpool(
        capsys, f"sqlite:///{tmp_path / 'new.db'}", "restore", str(tmp_path / "pool.backup")
    )
    assert status == 2
    assert err == (
        f"coachpool: {tmp_path / 'pool.backup'} was made by a newer coachpool "
        "(schema 0099_from_the_future); upgrade coachpool to restore it\n"
    )


def test_an_older_backup_is_migrated_as_it_is_restored(
    capsys: pytest.CaptureFixture[str], fresh_database_url: Callable[[], str], tmp_path: Path
) -> None:
    """A pool left at an older release's schema, backed up, restores at today's."""
    old_url = f"sqlite:///{tmp_path / 'old.db'}"
    _migrate_to(old_url, "0002_exactly_once")
    backup(capsys, old_url, tmp_path / "old.backup")
    target_url = fresh_database_url()
    status, out, err = coachpool(capsys, target_url, "restore", str(tmp_path / "old.backup"))
    assert (status, err) == (0, "")
    assert "upgraded from schema 0002_exactly_once" in out
    SqlStore.open(target_url).close()  # at this coachpool's schema: it opens without upgrade


def test_a_backup_that_cannot_be_made_is_one_line_and_leaves_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'pool.db'}"
    status, _, err = coachpool(capsys, url, "backup", str(tmp_path / "pool.backup"))
    assert (status, err.count("\n")) == (2, 1)
    assert "does not exist" in err  # no pool there: and none is created by asking
    assert not (tmp_path / "pool.db").exists()

    assert coachpool(capsys, url, "db", "upgrade")[0] == 0
    for target, said in [
        (tmp_path / "no-such-folder" / "pool.backup", "give a file in a folder"),
        (tmp_path, "give a file in a folder"),
        (tmp_path / "pool.db", "is the database itself"),
    ]:
        status, out, err = coachpool(capsys, url, "backup", str(target))
        assert (status, out, err.count("\n")) == (2, "", 1), err
        assert said in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pool.db"]


@pytest.mark.postgres
def test_a_postgresql_pool_at_an_older_schema_is_sent_to_db_upgrade_or_pg_dump(
    capsys: pytest.CaptureFixture[str], postgres_admin: Engine, tmp_path: Path
) -> None:
    name = f"coachpool_test_{secrets.token_hex(4)}"
    url = create_postgres_database(postgres_admin, name)
    try:
        _migrate_to(url, "0002_exactly_once")
        status, out, err = coachpool(capsys, url, "backup", str(tmp_path / "pool.backup"))
        assert (status, out, err.count("\n")) == (2, "", 1)
        assert "has schema 0002_exactly_once" in err
        assert "`coachpool db upgrade` first, or back it up with pg_dump" in err
        assert list(tmp_path.iterdir()) == []
    finally:
        drop_postgres_database(postgres_admin, name)
