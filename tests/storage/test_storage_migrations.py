"""The migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from storage.engine import make_engine
from storage.migrate import (
    alembic_config,
    alembic_head_revision,
    current_revision,
    head_revision,
    upgrade,
)
from storage.models import Base

REPO = Path(__file__).resolve().parents[2]


def test_migrations_match_the_models(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_the_quick_head_revision_is_alembics() -> None:
    # Every command start compares the database with head_revision(), read from the scripts
    # without importing Alembic; it must name the revision Alembic would upgrade to.
    assert head_revision() == alembic_head_revision()


def test_upgrade_from_nothing_and_back(fresh_database_url: Callable[[], str]) -> None:
    url = fresh_database_url()
    assert current_revision(url) is None
    upgrade(url)
    assert current_revision(url) == head_revision()
    upgrade(url)  # already at head: nothing to do
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    finally:
        engine.dispose()
    upgrade(url)
    assert current_revision(url) == head_revision()


def test_concurrent_upgrades_take_turns(fresh_database_url: Callable[[], str]) -> None:
    # Replicas starting together: separate processes, each upgrading the same database.
    url = fresh_database_url()
    script = "import sys; from storage.migrate import upgrade; upgrade(sys.argv[1])"
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    upgraders = [
        subprocess.Popen(
            [sys.executable, "-c", script, url],
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
            cwd=REPO,
        )
        for _ in range(3)
    ]
    failures = [
        stderr for stderr in (u.communicate(timeout=60)[1] for u in upgraders) if stderr.strip()
    ]
    assert failures == []
    assert [u.returncode for u in upgraders] == [0, 0, 0]
    assert current_revision(url) == head_revision()


def test_upgrades_from_threads_take_turns(fresh_database_url: Callable[[], str]) -> None:
    url = fresh_database_url()
    errors: list[BaseException] = []

    def run() -> None:
        try:
            upgrade(url)
        except BaseException as error:  # reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
