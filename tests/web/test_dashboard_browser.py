"""The dashboard in a real headless Chromium over HTTP: a year of a pool's figures, signed in
through a link from the chat; leads kept to their organisation; expired and reused links
refused; axe-core finds no serious accessibility violation.

The year comes from `bench/bench_digest.py`'s generator at a tenth of its size (5
organisations, 200 coaches), in a SQLite file."""

from __future__ import annotations

import os
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from bot.app import CoachingBot
from bot.assembly import coaching_bot
from bot.clock import SimulatedClock
from bot.domain import Role
from bot.messages import Incoming
from bot.replies import Text
from bot.services import Services
from handlers.bootstrap import Application
from handlers.server.app import create_app
from handlers.web.settings import dashboard_settings
from storage.migrate import upgrade
from storage.store import SqlStore
from tests.server.test_server_health import served
from tests.web.browser import axe_script, axe_violations, chromium, heading, missing, press
from tests.web.browser import sign_in_in_browser as open_and_press

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import bench_digest

from handlers.channel_names import CONSOLE

pytestmark = pytest.mark.skipif(bool(missing()) and not os.environ.get("CI"), reason=missing())

PUBLIC_URL = "http://dashboard.invalid"


@dataclass
class Served:
    base: str
    bot: CoachingBot
    store: SqlStore
    clock: SimulatedClock

    def link(self, role: Role, index: int = 0) -> tuple[str, int]:
        """A sign-in link said in chat to the index-th person with the role, pointed at the
        test server; and that person's organisation id."""
        person = self.store.list_people(role)[index]
        outcome = self.bot.handle(Incoming(person.id, CONSOLE, text="dashboard"))
        said = " ".join(r.text for r in outcome.replies if isinstance(r, Text))
        found = re.search(re.escape(PUBLIC_URL) + r"(/dashboard/sign-in\?t=\S+)", said)
        assert found, said
        return self.base + found.group(1), person.organisation_id


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    scale = {"ORGANISATIONS": 5, "COACHES": 200, "COACHEES": 1_000}
    saved = {name: getattr(bench_digest, name) for name in scale}
    for name, value in scale.items():
        setattr(bench_digest, name, value)
    url = str(tmp_path_factory.mktemp("year") / "year.db")
    upgrade(url)
    store = SqlStore.open(url)
    try:
        bench_digest.load(store, random.Random(11))
    finally:
        for name, value in saved.items():
            setattr(bench_digest, name, value)
    environ = {
        "COACHPOOL_PUBLIC_URL": PUBLIC_URL,
        "COACHPOOL_SECRET_KEY": "browser-test-key-0123456789",
        "COACHPOOL_SUBSCRIPTIONS": "org-00=4000; org-01=2500",
    }
    settings = dashboard_settings(environ)
    assert settings is not None
    clock = SimulatedClock(bench_digest.AS_OF)
    services = Services(
        store=store, clock=clock, settings=bench_digest.SETTINGS, sign_in=settings.links()
    )
    bot = coaching_bot(services)
    app = create_app(Application(store, services, bot, url), environ=environ)
    with served(app) as base:
        yield Served(base, bot, store, clock)
    store.close()


def test_a_coordinator_sees_the_year_and_the_page_is_accessible(year: Served) -> None:
    link, _ = year.link(Role.COORDINATOR)
    with chromium() as driver:
        open_and_press(driver, link)
        assert heading(driver) == "the benchmark pool: 2026-W10"
        text = driver.find_element("tag name", "main").text
        assert "Hours given and received by organisation" in text
        assert "Value for money this year" in text and "£4,000" in text
        assert "Council 04" in text
        assert "Since 31 March 2025" in text
        chart = driver.find_element("css selector", "img.chart")
        assert chart.get_attribute("alt").startswith("Two charts. Hours of coaching held")
        assert driver.execute_script("return arguments[0].naturalWidth", chart) > 0
        script = axe_script()
        if script is None:
            if os.environ.get("CI"):
                pytest.fail("COACHPOOL_AXE_JS must name axe.min.js in CI (.ci/run installs it)")
            pytest.skip("no axe-core here: set COACHPOOL_AXE_JS to axe.min.js")
        for path in ("", "/dashboard/org/org-01"):
            if path:
                driver.get(year.base + path)
            violations = axe_violations(driver, script)
            assert not violations, [(v["id"], v["description"]) for v in violations]


def test_a_lead_cannot_reach_another_organisation(year: Served) -> None:
    link, organisation_id = year.link(Role.ORG_LEAD, 3)
    own = year.store.get_organisation(organisation_id)
    assert own is not None
    other = "org-00" if own.slug != "org-00" else "org-01"
    with chromium() as driver:
        open_and_press(driver, link)
        assert driver.current_url.startswith(f"{year.base}/dashboard/org/{own.slug}")
        assert heading(driver) == f"{own.name}: 2026-W10"
        driver.get(f"{year.base}/dashboard/org/{other}")
        assert heading(driver) == "Not yours to see"
        driver.get(f"{year.base}/dashboard/csv/value.csv?org={other}")
        assert "Not yours to see" in driver.page_source


def test_used_and_expired_links_are_refused(year: Served) -> None:
    link, _ = year.link(Role.COORDINATOR, 1)
    with chromium() as driver:
        open_and_press(driver, link)
        assert heading(driver) == "the benchmark pool: 2026-W10"
        press(driver, driver.find_element("xpath", "//button[text()='Sign out']"))
        assert heading(driver) == "Signed out"
        driver.get(f"{year.base}/dashboard")
        assert heading(driver) == "You are not signed in"
        open_and_press(driver, link)  # the same link again
        assert heading(driver) == "You are not signed in"
        assert "already been used" in driver.find_element("tag name", "main").text
        late, _ = year.link(Role.COORDINATOR, 2)
        # The simulated clock only moves forward: this is the module's last test.
        year.clock.set(year.clock.now() + timedelta(minutes=16))
        driver.get(late)
        assert "expired" in driver.find_element("tag name", "main").text


def test_the_accessibility_check_can_fail() -> None:
    script = axe_script()
    if script is None:
        pytest.skip("no axe-core here: set COACHPOOL_AXE_JS to axe.min.js")
    with chromium() as driver:
        driver.get("data:text/html,<html><body><img src='x.png'><input></body></html>")
        found = {v["id"] for v in axe_violations(driver, script)}
    assert {"image-alt", "label"} <= found
