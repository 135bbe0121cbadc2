"""The digest reads its own port, `DigestSource`: the pool's store answers it, a store that
does not is refused in one clear line rather than failing half-way through a digest."""

from __future__ import annotations

import pytest

from bot.digest.source import digest_source
from storage.store import SqlStore
from tests.fakes.memory_store import MemoryStore


def test_the_pools_store_is_the_digests_source(store: SqlStore) -> None:
    assert digest_source(store) is store


def test_a_store_without_the_digests_queries_is_refused() -> None:
    with pytest.raises(TypeError, match="MemoryStore does not answer the digest's queries"):
        digest_source(MemoryStore())
