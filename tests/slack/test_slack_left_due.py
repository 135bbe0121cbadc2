"""`coachpool serve` and `coachpool digest --send` on a pool whose people are on Slack,
without Slack's settings and then with them.

Emma, on no platform, asks a coach who is on Slack from her terminal; the chat has no Slack
settings, so the request waits in the outbox. A `coachpool serve` started without Slack's
settings leaves it due: its dispatcher ticks but never claims it (no attempt counted, nothing
in the coach's console inbox), and one warning at start-up says how many wait and which
settings would send them. Started again with Slack's settings, it delivers it, once.

The pool runs at the wall clock's time: `serve` reads no other, and news lapses after a week.

`digest --send` likewise: a coordinator on Slack has their digest left due (one line says so,
their console inbox gets nothing) until a run with Slack's settings sends it."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.digest.kinds import DigestKind
from bot.domain import Person
from bot.domain.outbox import OutboxMessage, OutboxState
from handlers.cli.main import main
from handlers.console.inbox import ConsoleInbox
from handlers.pool.sample import DEMO_COORDINATOR_EMAIL as COORDINATOR
from handlers.wall_clock import WallClock
from tests.slack.slack_harness import Harness, running_pool, words
from tests.slack.test_slack_console_chat import (
    EMMA,
    OFFER,
    emma_asks_a_slack_coach,
    news_for,
    slack_settings,
)

WEEKLY = "Weekly digest for the coaching pool"
DIGEST_LEFT_DUE = (
    "1 message for people on Slack is left due: Slack is not configured here (SLACK_BOT_TOKEN"
)
REPO = Path(__file__).resolve().parents[2]
# Serve counts every message it leaves, the coach's later deadline among them.
LEFT_DUE = re.compile(
    r"\d+ messages? for people on Slack (is|are) left due: Slack is not configured here "
    r"\(SLACK_BOT_TOKEN"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _last_pass(port: int) -> float:
    """When the serve's dispatcher last finished a pass (0 before its first)."""
    try:
        text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=2).text
    except httpx.TransportError:
        return 0.0
    return next(
        s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
        if s.name == "coachpool_dispatcher_last_pass_timestamp_seconds"
    )


def serve_until(database_url: str, settings: dict[str, str], done: Callable[[], bool]) -> str:
    """Run `coachpool serve` (its dispatcher ticking every second) until `done()` holds
    after a dispatcher pass that began later than the server; its log."""
    port = _free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MICROSOFT_"))}
    environ |= {"DATABASE_URL": database_url, "COACHPOOL_DISPATCH_EVERY": "1", **settings}
    environ.pop("LOG_LEVEL", None)
    started = time.time()
    server = subprocess.Popen(
        [sys.executable, "-m", "handlers.cli.main", "serve", "--port", str(port)],
        env=environ,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and server.poll() is None:
            if _last_pass(port) > started + 1 and done():
                break
            time.sleep(0.3)
        else:
            raise AssertionError("coachpool serve never got there")
    finally:
        server.terminate()
        _, log = server.communicate(timeout=30)
    return log


def test_serve_without_slack_settings_leaves_a_slack_coach_their_request_due(
    database_url: str,
) -> None:
    with running_pool(database_url) as h:
        h.fake.users[:] = [u for u in h.fake.users if u.email != EMMA]
        h.clock.set(datetime.now(UTC))
        coach = emma_asks_a_slack_coach(h, database_url, {})[0]
        on_slack = h.user(coach.email)
        store = h.application.store

        log = serve_until(database_url, {}, lambda: True)
        assert len(LEFT_DUE.findall(log)) == 1, log
        (left,) = news_for(h, coach)
        assert left.state is OutboxState.PENDING
        assert left.attempts == 0 and left.claimed_by == ""
        assert ConsoleInbox(store.engine).waiting(coach.id) == []
        assert OFFER not in words(on_slack.messages())

        def offered() -> bool:
            return any(OFFER in words([m]) for m in on_slack.messages())

        log = serve_until(database_url, slack_settings(h), offered)
        assert not LEFT_DUE.search(log)
        assert sum(OFFER in words([m]) for m in on_slack.messages()) == 1
        (sent,) = news_for(h, coach)
        assert sent.state is OutboxState.SENT


def test_digest_send_without_slack_settings_leaves_a_slack_coordinator_their_digest_due(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with running_pool(database_url) as h:
        coordinator = h.application.store.find_person_by_email(COORDINATOR)
        assert coordinator is not None
        on_slack = h.user(COORDINATOR)
        assert words(on_slack.say("hello"))  # which links them on Slack
        monkeypatch.setattr(WallClock, "now", lambda self: h.clock.now())
        for name in [n for n in os.environ if n.startswith(("SLACK_", "MICROSOFT_"))]:
            monkeypatch.delenv(name)
        capsys.readouterr()

        assert main(["--database", database_url, "digest", "--send"]) == 0
        said = capsys.readouterr()
        assert DIGEST_LEFT_DUE in said.err and COORDINATOR not in said.out + said.err
        (digest,) = digests_for(h, coordinator)
        assert digest.state is OutboxState.PENDING and digest.attempts == 0
        assert ConsoleInbox(h.application.store.engine).waiting(coordinator.id) == []

        for name, value in slack_settings(h).items():
            monkeypatch.setenv(name, value)
        assert main(["--database", database_url, "digest", "--send"]) == 0
        assert DIGEST_LEFT_DUE not in capsys.readouterr().err
        assert sum(WEEKLY in words([m]) for m in on_slack.messages()) == 1
        (sent,) = digests_for(h, coordinator)
        assert sent.state is OutboxState.SENT


def digests_for(h: Harness, person: Person) -> list[OutboxMessage]:
    messages = h.application.store.list_outbox()
    return [m for m in messages if m.recipient_id == person.id and m.kind == DigestKind.DIGEST]
