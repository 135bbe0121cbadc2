"""Fewer platform calls: a person found by email is looked up once and their DM channel is
kept, however many messages follow."""

from __future__ import annotations

import pytest

from bot.domain.outbox import OutboxState
from bot.outbox.dispatcher import dispatch_due
from handlers.channel_names import SLACK
from handlers.delivery import ChannelNotifier
from tests.slack.slack_harness import SINGLE_TEAM, Harness, running_pool, words
from tests.slack.test_slack_sender import SAM, _queue, _sam, _sender


@pytest.fixture
def pool(sqlite_url: str) -> Harness:
    with running_pool(sqlite_url) as harness:
        yield harness  # type: ignore[misc]


def test_a_burst_to_someone_found_by_email_looks_them_up_once(pool: Harness) -> None:
    h = pool
    person, _ = _sam(h)
    user = h.fake.user(SAM)
    notifier = ChannelNotifier(h.application.services, {SLACK: _sender(h, [])})
    for text in ("first", "second", "third"):
        _queue(h, person, text)
    assert dispatch_due(h.application.services, notifier).sent == 3
    assert len(h.fake.calls_to("users.lookupByEmail", email=SAM)) == 1
    assert len(h.fake.calls_to("conversations.open", users=user.user_id)) == 1
    posts = h.fake.calls_to("chat.postMessage", channel=user.dm)
    assert [t in words(posts) for t in ("first", "second", "third")] == [True] * 3
    linked = h.application.store.find_identity(SLACK, SINGLE_TEAM, user.user_id)
    assert linked is not None and linked.conversation_ref == {"channel": user.dm}
    # A new dispatcher (a restart, another replica) finds the kept channel in the store.
    _queue(h, person, "fourth")
    fresh = ChannelNotifier(h.application.services, {SLACK: _sender(h, [])})
    assert dispatch_due(h.application.services, fresh).sent == 1
    assert len(h.fake.calls_to("users.lookupByEmail", email=SAM)) == 1
    assert len(h.fake.calls_to("conversations.open", users=user.user_id)) == 1
    assert all(m.state is OutboxState.SENT for m in h.application.store.list_outbox())
