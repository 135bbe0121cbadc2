"""Where the database is and how to connect to it: SQLite by default, PostgreSQL by URL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import StaticPool

DEFAULT_BUSY_TIMEOUT = 5.0
DEFAULT_CONNECT_TIMEOUT = 10

# Connections carrying this execution option begin a plain (deferred) SQLite transaction:
# reads need no write lock, and under WAL they never wait for a writer.
READ_ONLY = "coachpool_read_only"


def default_database_url() -> str:
    """`DATABASE_URL` if set, else a SQLite file `coachpool.db` in the working directory."""
    configured = os.environ.get("DATABASE_URL", "").strip()
    if configured:
        return normalise_url(configured)
    return normalise_url(str(Path.cwd() / "coachpool.db"))


def normalise_url(url: str) -> str:
    """Accept a SQLAlchemy URL, a `postgres(ql)://` URL as Heroku-style hosts give it
    (mapped to the psycopg 3 driver), or a plain file path (a SQLite database)."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    scheme, rest = url.split("://", 1)
    if scheme in {"postgres", "postgresql"}:
        return f"postgresql+psycopg://{rest}"
    return url


def describe(url: URL) -> str:
    """A one-line name for the database in messages, without its password."""
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        return "the in-memory SQLite database" if _in_memory(url) else f"SQLite file {database}"
    host = f"{url.host or 'localhost'}:{url.port or 5432}"
    return f"{url.get_backend_name()} database {url.database or ''!s} at {host}"


def make_engine(
    url: str,
    *,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    connect_timeout: int = DEFAULT_CONNECT_TIMEOUT,
) -> Engine:
    """An engine configured for the store.

    SQLite: WAL journal, foreign keys enforced, `busy_timeout` seconds of waiting for a
    lock, and every write transaction opened with BEGIN IMMEDIATE so that a
    read-check-write (the double-booking check) is serialised across processes.
    PostgreSQL: pre-ping pooled connections, give up connecting after `connect_timeout`.
    """
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, busy_timeout=busy_timeout)
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        connect_args = {"connect_timeout": connect_timeout, "application_name": "coachpool"}
    return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)


def _in_memory(url: URL) -> bool:
    return url.database in {None, "", ":memory:"}


def _sqlite_engine(url: URL, *, busy_timeout: float) -> Engine:
    memory = _in_memory(url)
    engine = create_engine(
        url,
        connect_args={"timeout": busy_timeout, "check_same_thread": False},
        # One shared connection, or every connection would get its own empty database;
        # so an in-memory store is for one thread at a time (the demo, quick tests).
        poolclass=StaticPool if memory else None,
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module (it would BEGIN lazily,
        # and only before DML); SQLAlchemy's "begin" event below issues our own BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if not memory:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine
