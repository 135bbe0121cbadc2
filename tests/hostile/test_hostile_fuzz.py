"""Hostile strings (deterministic seed, bounded) through the console chat and the signed
Slack endpoint, at every kind of question: no traceback, no 500, no "something went
wrong", and no control character, NUL or bidi control ever stored.

More inputs: `python bench/bench_hostile.py --count 10000`."""

from __future__ import annotations

import io
import itertools
import logging
from collections.abc import Iterator

import pytest

from bot.app import SORRY
from bot.clock import SimulatedClock
from handlers.bootstrap import Application, bootstrap
from handlers.console.wiring import console_chat
from handlers.pool.sample import load_sample_pool
from handlers.slack.listeners import REQUEST_COACHING
from tests.conversations.transcript import START
from tests.hostile.hostile_inputs import hostile_inputs, stored_unsafe
from tests.slack import slack_payloads as payloads
from tests.slack.slack_harness import posted, running_pool, words

SAM = "sam.patel@dudley.gov.uk"
SEED = 20261124
# Where each round starts: the lines that lead to that kind of question.
INTAKE = ["I need a coach", "handling conflict in my team", "be calmer in meetings", "skip",
          "skip", "Regional Coaching Pool", "Online", "Tuesday afternoons"]  # fmt: skip
STAGES = {
    "no conversation": 0,
    "topic (free text)": 1,
    "goal (free text)": 2,
    "where things are (optional text)": 3,
    "programme (numbered choice)": 5,
    "meeting format (numbered choice)": 6,
    "times (a time phrase)": 7,
    "summary (numbered choice)": 8,
}
PER_ROUND = 4


def rounds(count: int, seed: int) -> Iterator[tuple[list[str], list[str]]]:
    """(lines leading to a question, hostile lines to say there), cycling the stages."""
    inputs = hostile_inputs(seed, count)
    for depth in itertools.cycle(STAGES.values()):
        batch = list(itertools.islice(inputs, PER_ROUND))
        if not batch:
            return
        yield INTAKE[:depth], batch


@pytest.fixture
def application(database_url: str) -> Iterator[Application]:
    clock = SimulatedClock(START)
    app = bootstrap(database_url=database_url, clock=clock)
    load_sample_pool(app.store, now=clock.now())
    yield app
    app.store.close()


def test_console_chat(
    application: Application, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    count = 1_600 if database_url.startswith("sqlite") else 240  # the NUL cases come first
    person = application.store.find_person_by_email(SAM)
    assert person is not None
    out = io.StringIO()
    chat = console_chat(application.bot, person, engine=application.store.engine, out=out)
    caplog.set_level(logging.ERROR)
    said = 0
    for lead, hostile in rounds(count, SEED):
        for line in ["cancel", "cancel", *lead]:
            chat.say(line)
        for line in hostile:
            out.seek(0)
            out.truncate()
            chat.say(line)
            answer = out.getvalue()
            assert answer.strip(), repr(line[:60])
            assert SORRY not in answer, repr(line[:60])
            said += 1
    assert said == count
    assert [r.getMessage() for r in caplog.records] == []
    assert stored_unsafe(application.store.engine) == {}


def test_signed_slack_dms(sqlite_url: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.ERROR)
    with running_pool(sqlite_url) as h:
        sam = h.user(SAM)
        said = 0
        for lead, hostile in rounds(240, SEED + 1):
            for line in ["cancel", *lead]:
                sam.say(line)
            for line in hostile:
                answer = words(posted(sam.say(line)))
                assert answer, repr(line[:60])
                assert SORRY not in answer, repr(line[:60])
                said += 1
        assert said == 240
        assert [r.getMessage() for r in caplog.records] == []
        assert stored_unsafe(h.application.store.engine) == {}


def test_signed_slack_intake_forms(sqlite_url: str, caplog: pytest.LogCaptureFixture) -> None:
    """Every field of the "Request coaching" modal, hostile, as Slack submits it."""
    caplog.set_level(logging.ERROR)
    with running_pool(sqlite_url) as h:
        sam = h.user(SAM)
        inputs = hostile_inputs(SEED + 2, 60)
        for topic, goal, when in zip(inputs, inputs, inputs, strict=False):
            before = len(h.fake.calls)
            shortcut = payloads.global_shortcut(
                team_id=sam.me.team_id, user=sam.me.user_id, callback_id=REQUEST_COACHING
            )
            assert h.send_interaction(shortcut).status_code == 200
            h.wait_turns()
            (opened,) = [c for c in h.fake.calls[before:] if c.method == "views.open"]
            values = {"topic": topic, "goal": goal, "when": when, "reality": goal}
            submission = payloads.view_submission(
                team_id=sam.me.team_id,
                user=sam.me.user_id,
                view=opened.params["view"],
                values=values,
            )
            before = len(h.fake.calls)
            assert h.send_interaction(submission).status_code == 200
            h.wait_turns()
            answer = words(posted(sam.since(before)))
            assert answer and SORRY not in answer, repr(topic[:40])
            sam.say("cancel")
        assert [r.getMessage() for r in caplog.records] == []
        assert stored_unsafe(h.application.store.engine) == {}
