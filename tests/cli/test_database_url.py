"""`DATABASE_URL` mistakes are one clear line each, and a read-only pool can still be read."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from handlers.cli.main import main
from handlers.pool.sample import DEMO_COACHEE_EMAIL
from tests.conftest import create_postgres_database, drop_postgres_database

READ_ONLY_COMMANDS = [
    ["people"],
    ["people", "--json"],
    ["sessions"],
    ["requests", "--json"],
    ["outbox"],
    ["digest"],
    ["organisations"],
]
SUPPORTED = (
    "coachpool runs on SQLite or PostgreSQL (sqlite:///path/to/pool.db, a file path, or "
    "postgresql://user:password@host:5432/db)"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("url", "said"),
    [
        (
            "mysql://coach:hunter2@db.example.org/pool",
            "the database URL 'mysql://coach:***@db.example.org/pool' is not one coachpool can "
            f"use: mysql is not supported; {SUPPORTED}",
        ),
        (
            "postgresq://postgres@127.0.0.1/pool",
            "the database URL 'postgresq://postgres@127.0.0.1/pool' is not one coachpool can "
            f"use: did you mean postgresql://? {SUPPORTED}",
        ),
        (
            "postgresql+psycopg2://postgres@127.0.0.1/pool",
            "the database URL 'postgresql+psycopg2://postgres@127.0.0.1/pool' is not one "
            f"coachpool can use: write postgresql:// without a driver name; {SUPPORTED}",
        ),
    ],
)
def test_an_unsupported_database_url_is_one_line(
    url: str, said: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    for command in (["people"], ["db", "upgrade"], ["seed", "--demo"]):
        code, out, err = run(capsys, *command)
        assert (code, out, err) == (2, "", f"coachpool: {said}\n")


def test_a_url_that_does_not_parse_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--database", "postgresql://postgres@127.0.0.1:port/pool", "people")
    assert code == 2
    assert err.startswith(
        "coachpool: the database URL 'postgresql://postgres@127.0.0.1:port/pool' does not parse"
    )
    assert len(err.splitlines()) == 1


def test_a_missing_sqlite_file_is_not_created_by_commands_that_only_use_a_pool(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", "notaurl")
    missing = tmp_path / "notaurl"
    said = (
        f"coachpool: SQLite file {missing} does not exist: check DATABASE_URL (or --database), "
        "or set up a pool there with `coachpool db upgrade`, `coachpool seed --demo` or "
        "`coachpool import coaches FILE`\n"
    )
    for command in (*READ_ONLY_COMMANDS, ["match", "1"], ["chat", "--as", DEMO_COACHEE_EMAIL]):
        code, out, err = run(capsys, *command)
        assert (code, out, err) == (2, "", said), command
    assert not missing.exists()

    # The commands that set a pool up create it.
    code, out, _ = run(capsys, "seed", "--demo")
    assert code == 0
    assert out.startswith("Sample pool loaded")
    assert missing.is_file()
    code, out, _ = run(capsys, "people", "--role", "coach")
    assert code == 0
    assert "sam.patel" not in out
    assert len(out.splitlines()) == 41


def test_db_upgrade_sets_up_a_new_sqlite_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "new.db"
    code, out, _ = run(capsys, "--database", str(database), "db", "upgrade")
    assert (code, out) == (0, "The database schema is up to date.\n")
    code, out, _ = run(capsys, "--database", str(database), "people")
    assert (code, out) == (0, "(none)\n")


def _seeded(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", url, "seed", "--demo"]) == 0
    capsys.readouterr()


def _reads_but_refuses_writes(url: str, where: str, capsys: pytest.CaptureFixture[str]) -> None:
    for command in READ_ONLY_COMMANDS:
        code, out, err = run(capsys, "--database", url, *command)
        assert (code, err) == (0, ""), command
        assert out
    code, out, _ = run(capsys, "--database", url, "people", "--role", "coach", "--json")
    assert out.count('"email"') == 40
    said = (
        f"coachpool: {where} is read-only: nothing can be changed in it; the commands that only "
        "read (people, sessions, requests, outbox, digest without --send) still work\n"
    )
    for command in (
        ["erase", DEMO_COACHEE_EMAIL, "--yes"],
        ["organisation", "link", "dudley", "--slack-team", "T0DUDLEY"],
        ["digest", "--send"],
    ):
        code, out, err = run(capsys, "--database", url, *command)
        assert (code, err) == (2, said), command
    code, out, _ = run(capsys, "--database", url, "people", "--json")
    assert DEMO_COACHEE_EMAIL in out  # nothing was erased


def test_a_read_only_sqlite_pool_can_be_read_and_says_read_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "pool.db"
    _seeded(str(database), capsys)
    read_only = f"sqlite:///file:{database}?mode=ro&uri=true"
    _reads_but_refuses_writes(read_only, f"SQLite file {database}", capsys)


@pytest.fixture
def private_postgres(postgres_admin: Engine) -> Iterator[str]:
    """A database of this test's own, since it is made read-only: its URL."""
    name = f"coachpool_read_only_{secrets.token_hex(4)}"
    url = create_postgres_database(postgres_admin, name)
    try:
        yield url
    finally:
        drop_postgres_database(postgres_admin, name)


@pytest.mark.postgres
def test_a_read_only_postgres_pool_can_be_read_and_says_read_only(
    private_postgres: str, postgres_admin: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    url = private_postgres
    _seeded(url, capsys)
    parsed = make_url(url)
    # What a standby, or a reporting copy locked down by its DBA, looks like to a client.
    with postgres_admin.connect() as admin:
        admin.execute(
            text(f'ALTER DATABASE "{parsed.database}" SET default_transaction_read_only = on')
        )
    where = f"postgresql database {parsed.database} at {parsed.host}:{parsed.port or 5432}"
    _reads_but_refuses_writes(url, where, capsys)


@pytest.fixture
def sql_ascii_postgres(postgres_admin: Engine) -> Iterator[str]:
    """A database created as SQL_ASCII, as initdb makes them under the C locale."""
    name = f"coachpool_ascii_{secrets.token_hex(4)}"
    with postgres_admin.connect() as admin:
        admin.execute(
            text(
                f"CREATE DATABASE \"{name}\" ENCODING 'SQL_ASCII' TEMPLATE template0 "
                "LC_COLLATE 'C' LC_CTYPE 'C'"
            )
        )
    try:
        yield postgres_admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        drop_postgres_database(postgres_admin, name)


@pytest.mark.postgres
def test_a_sql_ascii_postgres_database_works(
    sql_ascii_postgres: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sql_ascii_postgres
    code, out, err = run(capsys, "--database", url, "db", "upgrade")
    assert (code, out, err) == (0, "The database schema is up to date.\n", "")
    _seeded(url, capsys)
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "email,name,organisation\nsiobhan.o@dudley.gov.uk,Siobhán Ó Súilleabháin,dudley\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--database", url, "import", "coaches", str(roster))
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "--database", url, "people", "--role", "coach")
    assert code == 0
    assert "Siobhán Ó Súilleabháin" in out
    assert len(out.splitlines()) == 42
