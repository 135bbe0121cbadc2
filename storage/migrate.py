"""Schema migrations (Alembic), driven from code: no alembic.ini is needed to run them.

Alembic is imported only to migrate or to explain a mismatch: importing it takes longer
than a whole read-only command should, so the every-start check that the database is at
the head revision reads the version table and the scripts' headers directly.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from storage.engine import describe, make_engine
from storage.errors import translated

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
VERSION_TABLE = "alembic_version"  # Alembic's default, which env.py keeps
# `revision: str = "0001_initial"` and `down_revision: str | None = "..."`, as the script
# template writes them at the start of a line.
_REVISES = re.compile(r'^(down_revision|revision)\b[^=\n]*=\s*["\']([^"\']+)["\']', re.MULTILINE)

# Alembic keeps the running migration's context in module globals: one at a time per process.
# Across processes the database serialises them (see migrations/env.py).
_ALEMBIC = threading.Lock()


def alembic_config() -> Config:
    """An Alembic configuration pointing at our migrations; `env.py` takes the connection
    from `config.attributes["connection"]` when one is given."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@cache
def head_revision() -> str:
    """The revision this code's models correspond to: the one script no other revises.
    Anything but exactly one such script (two heads, say) is left to Alembic to explain."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        for name, revision in _REVISES.findall(script.read_text(encoding="utf-8")):
            (revisions if name == "revision" else revised).add(revision)
    heads = revisions - revised
    return next(iter(heads)) if len(heads) == 1 else alembic_head_revision()


def alembic_head_revision() -> str:
    """The head revision as Alembic computes it (raises if the scripts have two heads)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations found in {MIGRATIONS}")
    return head


@cache
def known_revisions() -> frozenset[str]:
    """Every revision this code has a migration for."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return frozenset(script.revision for script in scripts.walk_revisions())


def revision_of(connection: Connection) -> str | None:
    """The revision the database is at; None if it was never migrated."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    found = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    return None if found is None else str(found)


def upgrade_engine(engine: Engine) -> None:
    """Upgrade to the head revision in one transaction (PostgreSQL and SQLite both have
    transactional DDL); concurrent upgrades, from threads or processes, take turns."""
    from alembic import command

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
