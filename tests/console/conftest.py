"""A sample pool on a database shared by several console terminals."""

from __future__ import annotations

import pytest

from bot.clock import SimulatedClock
from handlers.bootstrap import bootstrap
from handlers.pool.sample import load_sample_pool
from tests.console.terminals import Terminals
from tests.conversations.transcript import START


@pytest.fixture
def t(database_url: str) -> Terminals:
    clock = SimulatedClock(START)
    app = bootstrap(database_url=database_url, clock=clock, migrate=False)
    load_sample_pool(app.store, now=clock.now())
    app.store.close()
    return Terminals(database_url, clock)
