"""Correctly signed Slack requests with bodies Slack never sends: each gets a 400, or a 200
with a polite answer, never a 500, and no decoder raises behind the acknowledgement."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest

from bot.app import SORRY
from tests.slack import slack_payloads as payloads
from tests.slack.slack_harness import Harness, posted, running_pool, user_of, words

SAM = "sam.patel@dudley.gov.uk"
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"


def _payload(payload: Any) -> str:
    return urlencode({"payload": json.dumps(payload)})


def _action(**action: Any) -> dict[str, Any]:
    return {"action_id": "cp.choice.0", "text": {"type": "plain_text", "text": "x"}, **action}


def _bodies(user: str) -> list[tuple[str, str]]:
    team = {"id": "T0POOL"}
    who = {"id": user, "team_id": "T0POOL"}
    event = {"type": "message", "channel_type": "im", "user": user, "channel": f"D{user}"}
    view = {"type": "modal", "callback_id": "cp.form", "id": "V1"}
    return [
        (JSON, "{"),
        (JSON, "[]"),
        (JSON, "null"),
        (JSON, '"text"'),
        (JSON, "{}"),
        (JSON, '{"type": "event_callback"}'),
        (JSON, json.dumps({"type": "event_callback", "team_id": "T0POOL", "event": "x"})),
        (JSON, json.dumps({"type": "event_callback", "team_id": ["T0POOL"], "event": event})),
        (JSON, json.dumps({"type": "event_callback", "team_id": "T0POOL", "event": {}})),
        (JSON, json.dumps({"type": "event_callback", "team_id": "T0POOL",
                           "event": {**event, "user": ["x"]}})),
        (JSON, json.dumps({"type": "event_callback", "team_id": "T0POOL", "event_id": "E1",
                           "event": {**event, "text": {"a": 1}}})),
        (JSON, json.dumps({"type": "event_callback", "team_id": "T0POOL", "event_id": 7,
                           "event": {**event, "text": "hi"}})),
        (JSON, "\udcff".encode("utf-8", "surrogateescape").decode("latin-1")),
        (FORM, "payload=%7B"),
        (FORM, "payload=null"),
        (FORM, "payload=%5B%5D"),
        (FORM, _payload({"type": "block_actions"})),
        (FORM, _payload({"type": "block_actions", "actions": "x", "team": team, "user": who})),
        (FORM, _payload({"type": "block_actions", "actions": [1], "team": team, "user": who})),
        (FORM, _payload({"type": "block_actions", "team": team, "user": who,
                         "actions": [_action(value={"v": 1})]})),
        (FORM, _payload({"type": "block_actions", "team": team, "user": who,
                         "actions": [_action(value="{\"v\": [1], \"t\": {}}", text="x")]})),
        (FORM, _payload({"type": "block_actions", "team": team, "user": who, "state": "x",
                         "actions": [_action(action_id="cp.submit.1", value="")]})),
        (FORM, _payload({"type": "block_actions", "team": team, "user": who,
                         "actions": [_action(action_id="cp.submit.2", value="")],
                         "state": {"values": {"f.topic": "x", "f.goal": {"value": ["a"]},
                                              "f.when": {"value": {"selected_option": 3}}}}})),
        (FORM, _payload({"type": "block_actions", "team": 5, "user": who, "actions": []})),
        (FORM, _payload({"type": "block_actions", "team": {"id": 5}, "user": who,
                         "actions": [_action()]})),
        (FORM, _payload({"type": "view_submission", "team": team, "user": who, "view": "x"})),
        (FORM, _payload({"type": "view_submission", "team": team, "user": who,
                         "view": {"callback_id": "cp.form"}})),
        (FORM, _payload({"type": "view_submission", "team": team, "user": who,
                         "view": {**view, "state": "x"}})),
        (FORM, _payload({"type": "view_submission", "team": team, "user": who,
                         "view": {**view, "private_metadata": 5}})),
        (FORM, _payload({"type": "view_submission", "team": team, "user": who,
                         "view": {**view, "id": "V2", "private_metadata": "[1]",
                                  "state": {"values": {"f.topic": {"value": {"x": 1}},
                                                       "g": 1, "f.goal": []}}}})),
        (FORM, _payload({"type": "view_submission", "team": team, "user": who,
                         "view": {**view, "id": "V3", "private_metadata": '{"k": "intake"}',
                                  "state": {"values": {"f.topic": {"value": "x" * 5000}}}}})),
        (FORM, _payload({"type": "shortcut", "callback_id": "request_coaching", "team": team,
                         "user": who, "trigger_id": ["x"]})),
        (FORM, urlencode({"command": "/coaching", "team_id": "T0POOL", "user_id": user,
                          "text": "", "trigger_id": ""})),
        (FORM, urlencode({"command": "/coaching"})),
        (FORM, "command=/coaching&command=/other&team_id=T0POOL"),
        (FORM, "\x00\x01"),
        ("text/plain", "hello"),
        (JSON, json.dumps({"type": "event_callback", "team_id": "T0POOL", "event_id": "E2",
                           "event": {**event, "text": "x\u0000\u202e" * 3000}})),
        # Ids become keys in the store: PostgreSQL refuses a NUL in them.
        (JSON, json.dumps({"type": "event_callback", "team_id": "T0POOL", "event_id": "E\u0000",
                           "event": {**event, "text": "hi"}})),
        (JSON, json.dumps({"type": "event_callback", "team_id": "T0POOL", "event_id": "E3",
                           "event": {**event, "user": "U\u0000", "text": "hi"}})),
        (FORM, _payload({"type": "block_actions", "team": team, "user": who,
                         "actions": [_action(value="x", action_ts="1.\u0000")]})),
        (FORM, _payload({"type": "block_actions", "team": team,
                         "user": {"id": "U\u0000", "team_id": "T0POOL"}, "actions": [_action()]})),
        (FORM, _payload({"type": "shortcut", "callback_id": "request_coaching", "team": team,
                         "user": who, "trigger_id": "t\u0000"})),
        (FORM, urlencode({"command": "/coaching", "team_id": "T0POOL", "user_id": user,
                          "text": "sessions", "trigger_id": "t\x00", "channel_id": "C1"})),
    ]  # fmt: skip


@pytest.fixture
def pool(database_url: str) -> Iterator[Harness]:
    with running_pool(database_url) as harness:
        yield harness


def test_malformed_signed_bodies_get_400_or_a_polite_answer(
    pool: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    h = pool
    sam = h.application.store.find_person_by_email(SAM)
    assert sam is not None
    user = user_of(sam.id)
    h.user(SAM).say("hello")
    caplog.set_level(logging.WARNING)
    statuses = []
    for content_type, body in _bodies(user):
        response = h.post(body, content_type=content_type)
        statuses.append(response.status_code)
        assert response.status_code in {200, 400}, (response.status_code, body[:80])
    assert statuses.count(400) >= 25
    while h.finished.acquire(timeout=2.0):
        pass  # until every acknowledged turn has finished
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert failures == [], [r.getMessage() for r in failures]
    said = words(posted(h.fake.calls))
    assert SORRY not in said
    assert "longer than I can take in one message" in said


def test_a_response_url_that_isnt_slacks_is_never_called(pool: Harness) -> None:
    h = pool
    sam = h.user(SAM)
    sam.say("hello")
    # The fake Slack under another host name: it would record a call, were one made.
    elsewhere = h.fake.response_url("x").replace("127.0.0.1", "localhost")
    form = payloads.slash_command(
        team_id=sam.me.team_id,
        user=sam.me.user_id,
        text="sessions",
        channel="C0GENERAL",
        response_url=elsewhere,
    )
    before = len(h.fake.calls)
    assert h.send_command(form).status_code == 200
    h.wait_turns()
    assert posted(sam.since(before))  # answered in Sam's DM
    assert [c for c in h.fake.calls if c.method == "response_url"] == []
    # Slack's own (here: the fake Slack's) response URL still gets its note.
    sam.command("sessions", channel="C0GENERAL")
    assert [c for c in h.fake.calls if c.method == "response_url"]
