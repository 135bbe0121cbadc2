"""What reaches the listeners: only signed, fresh requests, each event once."""

from __future__ import annotations

import json
import threading
import time

import pytest

from handlers.channel_names import SLACK
from tests.slack import slack_payloads as payloads
from tests.slack.slack_harness import SECRET, Harness, posted, running_pool, words

SAM = "sam.patel@dudley.gov.uk"


@pytest.fixture
def pool(sqlite_url: str) -> Harness:
    with running_pool(sqlite_url) as harness:
        yield harness  # type: ignore[misc]


def _dm(h: Harness, text: str = "hello", *, event_id: str = "") -> tuple[str, str]:
    sam = h.user(SAM)
    event = payloads.dm_event(user=sam.me.user_id, channel=sam.dm, text=text)
    body = json.dumps(payloads.event_callback(sam.me.team_id, event, event_id=event_id))
    return body, sam.me.user_id


@pytest.mark.parametrize(
    "forgery",
    ["unsigned", "wrong secret", "stale timestamp", "future timestamp", "body changed"],
)
def test_unsigned_stale_or_forged_requests_get_401_and_touch_nothing(
    pool: Harness, forgery: str
) -> None:
    h = pool
    body, user_id = _dm(h, event_id="Ev0FORGED")
    headers = payloads.signature_headers(body, secret=SECRET)
    sent = body
    if forgery == "unsigned":
        headers = {}
    elif forgery == "wrong secret":
        headers = payloads.signature_headers(body, secret="not-the-secret")
    elif forgery == "stale timestamp":
        headers = payloads.signature_headers(body, secret=SECRET, timestamp=int(time.time()) - 360)
    elif forgery == "future timestamp":
        headers = payloads.signature_headers(body, secret=SECRET, timestamp=int(time.time()) + 360)
    else:
        sent = body.replace("hello", "HELLO")
    response = h.post(sent, content_type="application/json", headers=headers, signed=False)
    assert response.status_code == 401
    # Bolt answers 401 from its verification middleware, before any listener is matched.
    assert h.fake.calls == []
    store = h.application.store
    assert store.find_identity(SLACK, "T0POOL", user_id) is None
    # The event id was not consumed: the genuine delivery is still handled.
    assert h.post(body, content_type="application/json").status_code == 200
    h.wait_turns()
    assert "Hello Sam" in words(posted(h.fake.calls))


def test_forged_interaction_and_command_are_refused(pool: Harness) -> None:
    h = pool
    sam = h.user(SAM)
    command = payloads.slash_command(
        team_id=sam.me.team_id,
        user=sam.me.user_id,
        text="sessions",
        channel=sam.dm,
        response_url=h.fake.response_url(),
    )
    assert h.send_command(command, signed=False).status_code == 401
    button = {
        "action_id": "cp.choice.0",
        "text": {"type": "plain_text", "text": "Withdraw"},
        "value": '{"v":"act:withdraw:1","t":""}',
    }
    press = payloads.block_actions(
        team_id=sam.me.team_id, user=sam.me.user_id, button=button, channel=sam.dm
    )
    headers = payloads.signature_headers("something else", secret=SECRET)
    assert h.send_interaction(press, signed=False, headers=headers).status_code == 401
    assert h.fake.calls == []


def test_url_verification_is_answered_only_when_signed(pool: Harness) -> None:
    body = json.dumps(
        {
            "token": "t",
            "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            "type": "url_verification",
        }
    )
    answered = pool.post(body, content_type="application/json")
    assert answered.status_code == 200
    assert answered.json()["challenge"].startswith("3eZbrw1a")
    assert pool.post(body, content_type="application/json", signed=False).status_code == 401


def test_a_retried_event_is_handled_once(pool: Harness) -> None:
    h = pool
    body, _ = _dm(h, event_id="Ev0RETRIED")
    assert h.post(body, content_type="application/json").status_code == 200
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    again = h.post(body, content_type="application/json", headers=retry)
    assert again.status_code == 200
    h.wait_turns(2)  # both deliveries ran their listener; only one was a turn
    assert len(posted(h.fake.calls)) == 1


def test_duplicates_racing_in_parallel_make_one_turn(pool: Harness) -> None:
    h = pool
    body, _ = _dm(h, "coaching please", event_id="Ev0RACE")
    statuses: list[int] = []

    def deliver() -> None:
        statuses.append(h.post(body, content_type="application/json").status_code)

    threads = [threading.Thread(target=deliver) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 5
    h.wait_turns(5)
    assert len(posted(h.fake.calls)) == 1


def test_edits_bot_messages_and_channel_messages_are_ignored(pool: Harness) -> None:
    h = pool
    sam = h.user(SAM)
    events = [
        payloads.dm_event(user=sam.me.user_id, channel=sam.dm, text="x", subtype="message_changed"),
        payloads.dm_event(user=sam.me.user_id, channel=sam.dm, text="x", bot_id="B0OTHER"),
        {
            **payloads.dm_event(user=sam.me.user_id, channel="C0GENERAL", text="x"),
            "channel_type": "channel",
        },
    ]
    for event in events:
        assert h.send_event(sam.me.team_id, event).status_code == 200
    # The ignored ones return at once on the event loop; a real DM after them is the
    # only thing answered.
    assert len(posted(sam.say("hello"))) == 1
    assert len(posted(h.fake.calls)) == 1
