"""The same pool gives the same digest, dashboard and chart in every process: no group is
listed in an order that comes from hashing (PYTHONHASHSEED differs from process to
process, and with it the order of a set of strings)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from digest_testkit import DigestPool, at

from bot.domain import RequestState, Role

ROOT = Path(__file__).resolve().parents[2]
# Prints what a coordinator and an organisation lead read, the groups the pool releases in
# their order, the dashboard's tables and the chart's SVG bytes, for the pool at `url`.
SCRIPT = """
import hashlib, sys
sys.path.insert(0, "tests/digest")
from dataclasses import replace
from digest_testkit import WEEK, DigestPool
from bot.digest.figures import build_digest
from bot.digest.release import release
from bot.digest.render import digest_text
from bot.digest.rules import RULES
from bot.digest.source import digest_source
from bot.digest.sources import gather
from handlers.web.figures import DataCache, chart_of
from handlers.web.settings import dashboard_settings
from storage.store import SqlStore

store = SqlStore.open(sys.argv[1], migrate=False, create=False)
services = DigestPool(store).services()
beta = next(o for o in store.list_organisations() if o.slug == "beta")
for organisation_id in (None, beta.id):
    print(digest_text(build_digest(services, week=WEEK, organisation_id=organisation_id)))
data = gather(digest_source(store), week=WEEK, as_of=services.clock.now(), rules=RULES)
pool = release(data, chart_weeks=RULES.chart_weeks, min_group=RULES.min_group)
print(list(pool.gaps), pool.gaps, pool.themes)
settings = dashboard_settings({
    "COACHPOOL_PUBLIC_URL": "https://coaching.example",
    "COACHPOOL_SECRET_KEY": "a-test-key-for-the-dashboard-0123456789abcdef",
    "COACHPOOL_SUBSCRIPTIONS": "beta=1000; alpha=5,000",
})
page = DataCache().page(services, settings, WEEK, 12, None)
print(page.headline, page.tables, page.coach_counts)
print(hashlib.sha256(chart_of(page)).hexdigest())
"""


def _printed(url: str, seed: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, url],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": seed},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_two_processes_list_the_same_figures_in_the_same_order(
    pool: DigestPool, database_url: str
) -> None:
    # A waiting request naming two topics no other names: the groups it opens come from a
    # set (under seeds 1 and 2, in opposite orders).
    pool.person("W6", "beta", "SECRET Wendy Wait6", Role.COACHEE)
    pool.request(
        "W6",
        "W6",
        state=RequestState.WAITLISTED,
        created=at(18),
        topic="SECRET confidence, and time management",
    )
    first = _printed(database_url, "1")
    assert "Waiting list by topic" in first
    assert _printed(database_url, "2") == first
