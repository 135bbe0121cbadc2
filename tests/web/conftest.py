"""A dashboard over the digest tests' hand-built pool (2026-W47), on SQLite and PostgreSQL,
with a simulated clock: sign-in links come from the chat, as a coordinator gets them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from starlette.testclient import TestClient

from bot.app import CoachingBot
from bot.assembly import coaching_bot
from bot.clock import SimulatedClock
from bot.messages import Incoming
from bot.replies import Text
from bot.services import Services
from handlers.bootstrap import Application
from handlers.channel_names import CONSOLE
from handlers.server.app import create_app
from handlers.web.settings import dashboard_settings
from storage.store import SqlStore
from tests.digest.digest_testkit import AS_OF, SETTINGS, DigestPool, build_pool

PUBLIC_URL = "https://coaching.example"
ENVIRON = {
    "COACHPOOL_PUBLIC_URL": PUBLIC_URL,
    "COACHPOOL_SECRET_KEY": "a-test-key-for-the-dashboard-0123456789abcdef",
    "COACHPOOL_COACHING_RATE": "200",
    "COACHPOOL_SUBSCRIPTIONS": "beta=1000; alpha=5,000",
}
LINK = re.compile(re.escape(PUBLIC_URL) + r"(/dashboard/sign-in\?t=[A-Za-z0-9_.%-]+)")


@dataclass
class Rig:
    pool: DigestPool
    clock: SimulatedClock
    bot: CoachingBot
    client: TestClient

    def say(self, email: str, text: str) -> str:
        person = self.pool.store.find_person_by_email(email)
        assert person is not None
        outcome = self.bot.handle(Incoming(person.id, CONSOLE, text=text))
        return "\n".join(r.text for r in outcome.replies if isinstance(r, Text))

    def link(self, email: str) -> str:
        """The path and query of the sign-in link the bot gives this person in chat."""
        found = LINK.search(self.say(email, "dashboard"))
        assert found, f"no sign-in link for {email}"
        return found.group(1)

    def sign_in(self, email: str) -> str:
        """Follow the link and press its button; returns the token spent."""
        path = self.link(email)
        page = self.client.get(path)
        assert page.status_code == 200 and "Sign in" in page.text
        token = re.search(r'name="t" value="([^"]+)"', page.text)
        assert token
        answer = self.client.post("/dashboard/sign-in", data={"t": token.group(1)})
        assert answer.status_code == 303, answer.text
        return token.group(1)

    def later(self, minutes: float) -> None:
        self.clock.set(self.clock.now() + timedelta(minutes=minutes))


@pytest.fixture
def rig(store: SqlStore) -> Iterator[Rig]:
    pool = build_pool(store)
    clock = SimulatedClock(AS_OF)
    settings = dashboard_settings(ENVIRON)
    assert settings is not None
    services = Services(store=store, clock=clock, settings=SETTINGS, sign_in=settings.links())
    bot = coaching_bot(services)
    app = create_app(Application(store, services, bot, "test"), environ=ENVIRON)
    with TestClient(app, base_url=PUBLIC_URL, follow_redirects=False) as client:
        yield Rig(pool, clock, bot, client)
