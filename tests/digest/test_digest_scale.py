"""A year of a large pool (50 organisations, 2,000 coaches: `bench/bench_digest.py`'s
generator) still makes a chat digest that Slack and Teams accept: lists capped with "and N
more" and a pointer to the dashboard, organisations as a compact table, a bounded total."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from bot.clock import SimulatedClock
from bot.digest.figures import build_digest
from bot.digest.render import MAX_TEXT, MAX_TOTAL, digest_replies
from bot.replies import Card, Image, Text
from bot.services import Services
from storage.migrate import upgrade
from storage.store import SqlStore

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import bench_digest


@pytest.fixture(scope="module")
def year_store(tmp_path_factory: pytest.TempPathFactory) -> SqlStore:
    url = str(tmp_path_factory.mktemp("year") / "year.db")
    upgrade(url)
    store = SqlStore.open(url)
    bench_digest.load(store, random.Random(7))
    return store


def test_a_years_digest_fits_in_a_chat_message(year_store: SqlStore) -> None:
    services = Services(
        store=year_store, clock=SimulatedClock(bench_digest.AS_OF), settings=bench_digest.SETTINGS
    )
    digest = build_digest(services, week=bench_digest.WEEK)
    assert len(digest.capacity) > 100  # many coaches at a limit, 50 organisations
    replies = digest_replies(digest)
    card, *lists, chart = replies
    assert isinstance(card, Card) and isinstance(chart, Image)
    texts = [r.text for r in lists if isinstance(r, Text)]
    assert len(texts) == len(lists)
    assert all(len(t) <= MAX_TEXT for t in texts)
    total = sum(map(len, texts)) + len(chart.alt_text) + len(card.text)
    total += sum(len(f.label) + len(f.value) for f in card.facts)
    assert total <= MAX_TOTAL
    capacity = next(t for t in texts if t.startswith("Coaches at or over capacity"))
    more = len(digest.capacity) - 15
    assert capacity.splitlines()[-1] == (
        f"• and {more} more: say 'dashboard' for a link to the full table"
    )
    table = next(t for t in texts if t.startswith("Hours by organisation"))
    rows = table.splitlines()[1:]
    assert len(rows) <= 17  # 15 organisations, "and N more", those with no hours
    assert rows[0].startswith("• Council 00: week ") and " · year " in rows[0]
    assert "and 35 more: say 'dashboard'" in table
