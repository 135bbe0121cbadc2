"""Where the database is, and how SQLite connections are set up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text

from storage.engine import default_database_url, make_engine, normalise_url
from storage.utc_datetime import UTCDateTime


def test_default_is_a_sqlite_file_in_the_working_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert default_database_url() == f"sqlite:///{tmp_path.resolve()}/coachpool.db"


@pytest.mark.parametrize(
    ("configured", "expected"),
    [
        ("postgresql://u:p@db:5432/pool", "postgresql+psycopg://u:p@db:5432/pool"),
        ("postgres://u@db/pool", "postgresql+psycopg://u@db/pool"),
        ("postgresql+psycopg://u@db/pool", "postgresql+psycopg://u@db/pool"),
        ("sqlite:////var/lib/pool.db", "sqlite:////var/lib/pool.db"),
        ("/var/lib/pool.db", "sqlite:////var/lib/pool.db"),
    ],
)
def test_database_url_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, configured: str, expected: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", configured)
    assert default_database_url() == expected


def test_a_relative_path_is_made_absolute(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    assert normalise_url("data/pool.db") == f"sqlite:///{tmp_path.resolve()}/data/pool.db"


def test_sqlite_connections_are_configured(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "x.db"), busy_timeout=1.5)
    try:
        with engine.connect() as connection:
            pragma = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "foreign_keys", "busy_timeout")
            }
    finally:
        engine.dispose()
    assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 1500}


def test_in_memory_sqlite_is_one_shared_database() -> None:
    engine = make_engine("sqlite://")
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE t (x INTEGER)"))
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM t")).scalar() == 0
    finally:
        engine.dispose()


def test_utc_datetime_stores_utc_and_returns_aware_utc() -> None:
    column = UTCDateTime()
    sqlite = make_engine("sqlite://").dialect
    plus_two = timezone(timedelta(hours=2))
    stored = column.process_bind_param(datetime(2026, 3, 2, 11, tzinfo=plus_two), sqlite)
    assert stored == datetime(2026, 3, 2, 9)  # noqa: DTZ001 - SQLite keeps naive UTC
    assert column.process_result_value(stored, sqlite) == datetime(2026, 3, 2, 9, tzinfo=UTC)
    with pytest.raises(ValueError, match="naive"):
        column.process_bind_param(datetime(2026, 3, 2, 9), sqlite)  # noqa: DTZ001
