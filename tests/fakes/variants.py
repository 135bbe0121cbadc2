"""Fixtures that run a test on SQLite, PostgreSQL (marked `postgres`) and the in-memory fake
(marked `memory`). A conftest opts its tests in by importing them:
`from tests.fakes.variants import database_url, store, store_kind`.

A test that needs a real database (a second store on the same one, racing processes, what
only SQL answers) asks for `database_url` or is marked `database`: it is skipped on the fake.
The mark says why: `@pytest.mark.database(reason="it reads every table")`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.ports.store import Store
from storage.store import SqlStore
from tests.conftest import empty_database_url
from tests.fakes.memory_store import MemoryStore

ON_A_DATABASE = "needs a database: runs on SQLite and PostgreSQL, not on the in-memory fake"


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.postgres),
        pytest.param("memory", marks=pytest.mark.memory),
    ]
)
def store_kind(request: pytest.FixtureRequest) -> str:
    kind: str = request.param
    mark = request.node.get_closest_marker("database")
    if kind == "memory" and mark is not None:
        reason = mark.kwargs.get("reason")
        pytest.skip(f"{ON_A_DATABASE} ({reason})" if reason else ON_A_DATABASE)
    return kind


@pytest.fixture
def database_url(store_kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if store_kind == "memory":
        pytest.skip(ON_A_DATABASE)
    return empty_database_url(store_kind, request, tmp_path)


@pytest.fixture
def store(store_kind: str, request: pytest.FixtureRequest) -> Iterator[Store]:
    if store_kind == "memory":
        yield MemoryStore()
        return
    opened = SqlStore.open(request.getfixturevalue("database_url"))
    yield opened
    opened.close()
