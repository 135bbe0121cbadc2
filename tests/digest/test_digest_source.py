"""The digest reads its own port, `DigestSource`: the pool's store answers it, a store that
does not is refused in one clear line rather than failing half-way through a digest."""

from __future__ import annotations

import pytest

from bot.digest.source import digest_source
from storage.store import SqlStore
from tests.fakes.memory_coaching import CoachingParts
from tests.fakes.memory_outbox import OutboxParts
from tests.fakes.memory_people import PeopleParts
from tests.fakes.memory_privacy import PrivacyParts
from tests.fakes.memory_records import RecordParts
from tests.fakes.memory_sessions import SessionParts
from tests.fakes.memory_store import MemoryStore


class CoreOnlyStore(
    PeopleParts, CoachingParts, SessionParts, OutboxParts, RecordParts, PrivacyParts
):
    """The in-memory store without its digest queries: all of the core's `Store`, no more."""


def test_the_pools_store_is_the_digests_source(store: SqlStore) -> None:
    assert digest_source(store) is store


def test_the_fake_store_is_a_digest_source_too() -> None:
    fake = MemoryStore()
    assert digest_source(fake) is fake


def test_a_store_without_the_digests_queries_is_refused() -> None:
    with pytest.raises(TypeError, match="CoreOnlyStore does not answer the digest's queries"):
        digest_source(CoreOnlyStore())
