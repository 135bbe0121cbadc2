"""A pool to talk to: the sample pool in a fresh store and a simulated clock."""

from __future__ import annotations

import pytest

from bot.assembly import coaching_bot
from bot.clock import SimulatedClock
from bot.services import Services
from handlers.pool.sample import load_sample_pool
from storage.store import SqlStore
from tests.conversations.transcript import START, RecordingNotifier, Transcript


@pytest.fixture
def transcript(store: SqlStore) -> Transcript:
    clock = SimulatedClock(START)
    load_sample_pool(store, now=clock.now())
    services = Services(store=store, clock=clock)
    return Transcript(coaching_bot(services), clock, RecordingNotifier())


@pytest.fixture
def t(transcript: Transcript) -> Transcript:
    """Short name for transcripts, which read better with it."""
    return transcript
