"""Where the database is and how to connect to it: SQLite by default, PostgreSQL by URL."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from storage.errors import BadDatabaseUrl, DatabaseMissing

# SQLite runs one writer at a time: a turn waits this long for another process's write (a
# burst of presses on one button, `serve` beside a CLI command) before it is told the pool
# is busy. A slow first turn of a fresh process (lazy imports) on a loaded machine can hold
# the lock for seconds, so a short wait turned such a burst into apologies.
DEFAULT_BUSY_TIMEOUT = 30.0
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


# The URL schemes coachpool can run on: SQLite (Python's own driver) and PostgreSQL (psycopg 3).
SCHEMES = ("sqlite", "sqlite+pysqlite", "postgresql", "postgres", "postgresql+psycopg")
EXAMPLES = "sqlite:///path/to/pool.db, a file path, or postgresql://user:password@host:5432/db"


def normalise_url(url: str) -> str:
    """Accept a SQLAlchemy URL, a `postgres(ql)://` URL as Heroku-style hosts give it
    (mapped to the psycopg 3 driver), or a plain file path (a SQLite database). Any other
    database, or a URL that does not parse, raises BadDatabaseUrl in one line."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    scheme, rest = url.split("://", 1)
    if scheme.lower() not in SCHEMES:
        raise BadDatabaseUrl(_unsupported(scheme, url))
    postgres = scheme.lower() in {"postgres", "postgresql"}
    normalised = f"postgresql+psycopg://{rest}" if postgres else url
    try:
        make_url(normalised)
    except (ArgumentError, ValueError) as error:
        raise BadDatabaseUrl(
            f"the database URL {_without_password(url)!r} does not parse ({error}); use {EXAMPLES}"
        ) from error
    return normalised


def _unsupported(scheme: str, url: str) -> str:
    backend = scheme.split("+", 1)[0].lower()
    close = difflib.get_close_matches(backend, ["postgresql", "sqlite"], n=1, cutoff=0.7)
    if backend in {"postgresql", "sqlite"}:
        guess = f"write {backend}:// without a driver name; "  # e.g. postgresql+psycopg2
    elif close:
        guess = f"did you mean {close[0]}://? "
    else:
        guess = f"{backend} is not supported; "
    return (
        f"the database URL {_without_password(url)!r} is not one coachpool can use: "
        f"{guess}coachpool runs on SQLite or PostgreSQL ({EXAMPLES})"
    )


def _without_password(url: str) -> str:
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL (plain or `file:` URI form); None for memory or another backend."""
    if url.get_backend_name() != "sqlite" or _in_memory(url):
        return None
    database = url.database or ""
    if url.query.get("uri") == "true" and database.startswith("file:"):
        database = database.removeprefix("file:")
        if database in {"", ":memory:"} or url.query.get("mode") == "memory":
            return None
    return Path(database).expanduser().resolve()


def check_exists(url: str) -> None:
    """Raise DatabaseMissing if `url` is a SQLite file that does not exist yet: opening it
    would create an empty pool, which only the commands that set a pool up should do."""
    parsed = make_url(normalise_url(url))
    path = sqlite_file(parsed)
    if path is not None and not path.exists():
        raise DatabaseMissing(
            f"{describe(parsed)} does not exist: check DATABASE_URL (or --database), or set "
            "up a pool there with `coachpool db upgrade`, `coachpool seed --demo` or "
            "`coachpool import coaches FILE`"
        )


def describe(url: URL) -> str:
    """A one-line name for the database in messages, without its password."""
    if url.get_backend_name() == "sqlite":
        path = sqlite_file(url)
        return "the in-memory SQLite database" if path is None else f"SQLite file {path}"
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
        connect_args = {
            "connect_timeout": connect_timeout,
            "application_name": "coachpool",
            # Text as str on every server: a database created as SQL_ASCII (initdb under the
            # C locale) would otherwise hand psycopg bytes, which SQLAlchemy cannot read.
            "client_encoding": "utf8",
        }
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
