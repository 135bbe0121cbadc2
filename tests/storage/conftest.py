"""Fixtures for the storage tests (the databases themselves come from tests/conftest.py)."""

from __future__ import annotations

import pytest
from storage_testkit import Pool, new_pool

from storage.store import SqlStore


@pytest.fixture
def pool(store: SqlStore) -> Pool:
    """An organisation, a programme, a coach and eight coachees in the store."""
    return new_pool(store)
