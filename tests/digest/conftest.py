"""Fixtures for the digest tests (the databases come from tests/conftest.py)."""

from __future__ import annotations

import pytest
from digest_testkit import DigestPool, build_pool

from storage.store import SqlStore


@pytest.fixture
def pool(store: SqlStore) -> DigestPool:
    """The hand-built pool of `digest_testkit`, on SQLite and on PostgreSQL."""
    return build_pool(store)
