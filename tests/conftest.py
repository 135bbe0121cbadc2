"""Database fixtures for every test: `database_url` and `store`, on SQLite and PostgreSQL.

Each test that asks for `store` (or `database_url`) runs twice: on a SQLite file and on
PostgreSQL. The PostgreSQL runs are marked `postgres` and need a server: by default
`postgresql+psycopg://postgres@127.0.0.1:5432/test` (override with
COACHPOOL_TEST_POSTGRES_URL). Without one they are skipped with the reason, unless `CI` is
set, where they are mandatory and fail. Select one database with `-m postgres` or
`-m "not postgres"`.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url

from storage.engine import normalise_url
from storage.migrate import upgrade
from storage.models import Base
from storage.store import SqlStore

POSTGRES_URL_VARIABLE = "COACHPOOL_TEST_POSTGRES_URL"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _show(url: URL) -> str:
    return url.render_as_string(hide_password=True)


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine]:
    """An AUTOCOMMIT engine on the PostgreSQL server's admin database (to create databases)."""
    url = make_url(normalise_url(os.environ.get(POSTGRES_URL_VARIABLE) or DEFAULT_POSTGRES_URL))
    engine = create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # whatever the cause, report it in one line
        engine.dispose()
        cause = getattr(error, "orig", None) or error  # the driver's words, not SQLAlchemy's
        reason = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
        message = f"PostgreSQL not reachable at {_show(url)}: {reason}"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI is set: PostgreSQL tests are mandatory)", pytrace=False)
        pytest.skip(message)
    yield engine
    engine.dispose()


def create_postgres_database(admin: Engine, name: str) -> str:
    """Create database `name` on the admin engine's server; its URL."""
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    return admin.url.set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(admin: Engine, name: str) -> None:
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def postgres_database(postgres_admin: Engine) -> Iterator[str]:
    """A throwaway database for this test session, migrated once: its URL."""
    name = f"coachpool_test_{secrets.token_hex(4)}"
    url = create_postgres_database(postgres_admin, name)
    try:
        upgrade(url)
        yield url
    finally:
        drop_postgres_database(postgres_admin, name)


@pytest.fixture(scope="session")
def postgres_cleaner(postgres_database: str) -> Iterator[Engine]:
    engine = create_engine(postgres_database)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty SQLite file, copied for each test (cheaper than migrating)."""
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    upgrade(str(path))
    return path


def _empty_postgres(cleaner: Engine) -> None:
    # DELETE, not TRUNCATE: on a few rows it takes a millisecond where TRUNCATE takes 100s.
    with cleaner.begin() as connection:
        # Fail rather than hang when a test left a transaction open on a table.
        connection.execute(text("SET LOCAL lock_timeout = '5s'"))
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
        # Ids from 1 again, as on a fresh SQLite file.
        restarts = [
            f"setval(pg_get_serial_sequence('{table.name}', 'id'), 1, false)"
            for table in Base.metadata.sorted_tables
            if "id" in table.columns
        ]
        connection.execute(text(f"SELECT {', '.join(restarts)}"))


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a migrated database with no rows, private to the test."""
    return empty_database_url(request.param, request, tmp_path)


def empty_database_url(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated database with no rows, private to the test: `kind` sqlite or postgresql."""
    if kind == "sqlite":
        path = tmp_path / "coachpool.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    _empty_postgres(request.getfixturevalue("postgres_cleaner"))
    url: str = request.getfixturevalue("postgres_database")
    return url


@pytest.fixture
def store(database_url: str) -> Iterator[SqlStore]:
    """A `SqlStore` on a migrated, empty database (SQLite, then PostgreSQL)."""
    opened = SqlStore.open(database_url)
    yield opened
    opened.close()


@pytest.fixture
def fresh_database_url(
    request: pytest.FixtureRequest, database_url: str, tmp_path: Path
) -> Iterator[Callable[[], str]]:
    """Makes empty, never-migrated databases of the same kind as `database_url`."""
    if database_url.startswith("sqlite"):
        paths = (tmp_path / f"fresh-{n}.db" for n in range(1_000))
        yield lambda: f"sqlite:///{next(paths)}"
        return
    admin: Engine = request.getfixturevalue("postgres_admin")
    names: list[str] = []

    def make() -> str:
        names.append(f"coachpool_test_{secrets.token_hex(4)}")
        return create_postgres_database(admin, names[-1])

    yield make
    for name in names:
        drop_postgres_database(admin, name)
