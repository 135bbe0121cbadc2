"""A pool to talk to: the sample pool in a fresh store and a simulated clock.

Transcript tests run three times: on SQLite, on PostgreSQL (marked `postgres`) and on the
in-memory fake (`tests/fakes/memory_store.py`, marked `memory`), the fast one to iterate
with (`-m memory`). A test that needs a real database asks for `database_url` or is marked
`database`, and is skipped on the fake (tests/fakes/variants.py).
"""

from __future__ import annotations

import pytest

from bot.assembly import coaching_bot
from bot.clock import SimulatedClock
from bot.ports.store import Store
from bot.services import Services
from handlers.pool.sample import load_sample_pool
from tests.conversations.transcript import START, RecordingNotifier, Transcript
from tests.fakes.variants import database_url, store, store_kind

__all__ = ["database_url", "store", "store_kind"]


@pytest.fixture
def transcript(store: Store) -> Transcript:
    clock = SimulatedClock(START)
    load_sample_pool(store, now=clock.now())
    services = Services(store=store, clock=clock)
    return Transcript(coaching_bot(services), clock, RecordingNotifier())


@pytest.fixture
def t(transcript: Transcript) -> Transcript:
    """Short name for transcripts, which read better with it."""
    return transcript
