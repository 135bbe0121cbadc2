"""SlackSender, the dispatcher's way to Slack: rate limits waited out, failures recorded
on the outbox row, people found by email when they've never written to the bot."""

from __future__ import annotations

import dataclasses

import pytest

from bot.domain import Identity, Person
from bot.domain.outbox import OutboxMessage, OutboxState
from bot.outbox.dispatcher import dispatch_due
from bot.ports.notifier import DeliveryError
from bot.replies import Attachment, Text
from bot.replies.codec import encode_replies
from handlers.channel_names import SLACK
from handlers.delivery import ChannelNotifier
from handlers.slack.desk import build_desk
from handlers.slack.sender import SlackSender
from handlers.slack.webapi import SlackApi
from handlers.slack.workspaces import OneWorkspace
from tests.slack.slack_fake_api import FakeUser
from tests.slack.slack_harness import SINGLE_TEAM, Harness, running_pool, words

SAM = "sam.patel@dudley.gov.uk"


@pytest.fixture
def pool(sqlite_url: str) -> Harness:
    with running_pool(sqlite_url) as harness:
        yield harness  # type: ignore[misc]


def _sender(h: Harness, waits: list[float]) -> SlackSender:
    api = SlackApi(base_url=h.fake.api_url, sleep=waits.append)
    token = f"xoxb-{SINGLE_TEAM}"
    return SlackSender(build_desk(h.application, api), OneWorkspace(token=token, api=api))


def _sam(h: Harness) -> tuple[Person, Identity]:
    person = h.application.store.find_person_by_email(SAM)
    assert person is not None
    user = h.fake.user(SAM)
    return person, Identity(person.id, SLACK, SINGLE_TEAM, user.user_id, {"channel": user.dm})


def test_a_rate_limit_is_waited_out_and_the_message_sent(pool: Harness) -> None:
    waits: list[float] = []
    person, identity = _sam(pool)
    pool.fake.rate_limit("chat.postMessage", retry_after=2)
    _sender(pool, waits).send(person=person, identity=identity, replies=[Text("Reminder")])
    tries = pool.fake.calls_to("chat.postMessage")
    assert len(tries) == 2
    assert waits == [2.0]
    assert "Reminder" in words(tries[-1:])


def test_a_rate_limit_that_persists_is_left_to_the_dispatcher(pool: Harness) -> None:
    waits: list[float] = []
    person, identity = _sam(pool)
    pool.fake.rate_limit("chat.postMessage", retry_after=1, times=5)
    with pytest.raises(DeliveryError) as raised:
        _sender(pool, waits).send(person=person, identity=identity, replies=[Text("x")])
    assert raised.value.retryable
    assert len(pool.fake.calls_to("chat.postMessage")) == 3  # bounded
    assert waits == [1.0, 1.0]


def test_a_very_long_retry_after_is_not_slept_in_a_worker(pool: Harness) -> None:
    waits: list[float] = []
    person, identity = _sam(pool)
    pool.fake.rate_limit("chat.postMessage", retry_after=900)
    with pytest.raises(DeliveryError) as raised:
        _sender(pool, waits).send(person=person, identity=identity, replies=[Text("x")])
    assert raised.value.retryable and waits == []


def _queue(h: Harness, person: Person, text: str) -> None:
    h.application.store.schedule(
        OutboxMessage(
            key=f"notice:test:{text}",
            recipient_id=person.id,
            kind="notice",
            due_at=h.clock.now(),
            payload={"replies": encode_replies([Text(text)])},
        )
    )


def test_failures_are_recorded_on_the_outbox_row(pool: Harness) -> None:
    h = pool
    person, identity = _sam(h)
    h.application.store.link_identity(identity)
    notifier = ChannelNotifier(h.application.services, {SLACK: _sender(h, [])})
    _queue(h, person, "first")
    h.fake.rate_limit("chat.postMessage", times=3)
    report = dispatch_due(h.application.services, notifier)
    assert report.retried == 1
    _queue(h, person, "second")
    h.fake.fail("chat.postMessage", "channel_not_found")
    report = dispatch_due(h.application.services, notifier)
    assert report.failed == 1
    rows = {m.key: m for m in h.application.store.list_outbox()}
    first, second = rows["notice:test:first"], rows["notice:test:second"]
    assert first.state is OutboxState.PENDING and "ratelimited" in first.last_error
    assert second.state is OutboxState.FAILED and "channel_not_found" in second.last_error


def test_someone_never_seen_on_slack_is_found_by_email_and_linked(pool: Harness) -> None:
    h = pool
    person, _ = _sam(h)
    invite = Attachment("session.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    _sender(h, []).send(person=person, identity=None, replies=[Text("Booked"), invite])
    user = h.fake.user(SAM)
    assert h.fake.calls_to("users.lookupByEmail", email=SAM)
    assert h.fake.calls_to("conversations.open", users=user.user_id)
    assert "Booked" in words(h.fake.calls_to("chat.postMessage", channel=user.dm))
    assert h.fake.calls_to("files.completeUploadExternal", channel_id=user.dm)
    linked = h.application.store.find_identity(SLACK, SINGLE_TEAM, user.user_id)
    assert linked is not None and linked.conversation_ref == {"channel": user.dm}


def test_someone_not_in_any_workspace_is_a_final_failure(pool: Harness) -> None:
    h = pool
    person, _ = _sam(h)
    nobody = dataclasses.replace(person, email="nobody@dudley.gov.uk")
    with pytest.raises(DeliveryError) as raised:
        _sender(h, []).send(person=nobody, identity=None, replies=[Text("x")])
    assert not raised.value.retryable
    assert "not found in any Slack workspace" in raised.value.reason


def test_a_reply_slack_cannot_take_now_goes_out_through_the_outbox(pool: Harness) -> None:
    h = pool
    h.fake.rate_limit("chat.postMessage", retry_after=0, times=3)
    answer = h.user(SAM).say("hello")
    tries = [c for c in answer if c.method == "chat.postMessage"]
    assert len(tries) == 4  # three refused in the turn, then the dispatcher's
    assert "Hello Sam" in words(tries[-1:])
    (row,) = [m for m in h.application.store.list_outbox() if "slack-retry" in m.key]
    assert row.state is OutboxState.SENT


def test_an_unconfirmed_email_in_slack_is_not_taken_for_the_person(sqlite_url: str) -> None:
    impostor = FakeUser(SINGLE_TEAM, "U0IMPOSTOR", "nobody@dudley.gov.uk", confirmed=False)
    with running_pool(sqlite_url, extra_users=(impostor,)) as h:
        person, _ = _sam(h)
        target = dataclasses.replace(person, email=impostor.email)
        with pytest.raises(DeliveryError):
            _sender(h, []).send(person=target, identity=None, replies=[Text("x")])
        assert h.fake.calls_to("chat.postMessage") == []
