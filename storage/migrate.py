"""Schema migrations (Alembic), driven from code: no alembic.ini is needed to run them."""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from storage.engine import describe, make_engine
from storage.errors import translated

MIGRATIONS = Path(__file__).parent / "migrations"

# Alembic keeps the running migration's context in module globals: one at a time per process.
# Across processes the database serialises them (see migrations/env.py).
_ALEMBIC = threading.Lock()


def alembic_config() -> Config:
    """An Alembic configuration pointing at our migrations; `env.py` takes the connection
    from `config.attributes["connection"]` when one is given."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@cache
def head_revision() -> str:
    """The revision this code's models correspond to."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations found in {MIGRATIONS}")
    return head


@cache
def known_revisions() -> frozenset[str]:
    """Every revision this code has a migration for."""
    scripts = ScriptDirectory.from_config(alembic_config())
    return frozenset(script.revision for script in scripts.walk_revisions())


def revision_of(connection: Connection) -> str | None:
    """The revision the database is at; None if it was never migrated."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_engine(engine: Engine) -> None:
    """Upgrade to the head revision in one transaction (PostgreSQL and SQLite both have
    transactional DDL); concurrent upgrades, from threads or processes, take turns."""
    with _ALEMBIC, translated(describe(engine.url)), engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def upgrade(url: str) -> None:
    """Bring the database at `url` to the head revision (what `coachpool db upgrade` does)."""
    engine = make_engine(url)
    try:
        upgrade_engine(engine)
    finally:
        engine.dispose()


def current_revision(url: str) -> str | None:
    """The revision of the database at `url`; None if it was never migrated."""
    engine = make_engine(url)
    try:
        with translated(describe(engine.url)), engine.connect() as connection:
            return revision_of(connection)
    finally:
        engine.dispose()
