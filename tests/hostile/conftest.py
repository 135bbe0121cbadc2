"""A pool to talk to, as the transcript tests have it (the sample pool, a simulated clock),
and a private SQLite database for the Slack rig."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.assembly import coaching_bot
from bot.clock import SimulatedClock
from bot.services import Services
from handlers.pool.sample import load_sample_pool
from storage.store import SqlStore
from tests.conversations.transcript import START, RecordingNotifier, Transcript


@pytest.fixture
def t(store: SqlStore) -> Transcript:
    clock = SimulatedClock(START)
    load_sample_pool(store, now=clock.now())
    return Transcript(coaching_bot(Services(store=store, clock=clock)), clock, RecordingNotifier())


@pytest.fixture
def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
    """A private migrated SQLite database, for the Slack rig."""
    path = tmp_path / "slack.db"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"
