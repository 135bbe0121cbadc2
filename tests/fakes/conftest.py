"""The fake's contract tests run on SQLite and PostgreSQL too: what they assert of the fake
is what the real store does."""

from __future__ import annotations

import pytest

from bot.ports.store import Store
from tests.fakes.variants import database_url, store, store_kind
from tests.storage.storage_testkit import Pool, new_pool

__all__ = ["database_url", "store", "store_kind"]


@pytest.fixture
def pool(store: Store) -> Pool:
    """An organisation, a programme, a coach and eight coachees."""
    return new_pool(store)  # type: ignore[arg-type]  # the testkit names SqlStore
