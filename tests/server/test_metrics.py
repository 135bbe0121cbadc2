"""`/metrics` over real HTTP, parsed with Prometheus' own parser: turns, refusals, the
outbox backlog and the dispatcher move as the pool is used through its real doors."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.domain import Role
from handlers.delivery import ChannelNotifier
from handlers.jobs import dispatch_tick, weekly_digest_tick
from tests.slack import slack_payloads as payloads
from tests.slack.slack_fake_api import FakeUser
from tests.slack.slack_harness import Harness, running_pool

SAM = "sam.patel@dudley.gov.uk"
STRANGER = FakeUser("T0ELSEWHERE", "U0STRANGER", "someone@elsewhere.example")
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def scrape(h: Harness, **headers: str) -> Samples:
    """Every sample on /metrics by (name, labels)."""
    answer = httpx.get(f"{h.url}/metrics", headers=headers, timeout=10)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/plain; version=")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_move_with_turns_refusals_and_dispatches(database_url: str) -> None:
    with running_pool(database_url, extra_users=(STRANGER,)) as h:
        before = scrape(h)
        assert value(before, "coachpool_store_up") == 1
        assert value(before, "coachpool_outbox_due") == 0

        h.user(SAM).say("hello")
        body = json.dumps(
            payloads.event_callback(
                "T0POOL", payloads.dm_event(user="U00001", channel="D1", text="hi")
            )
        )
        forged = payloads.signature_headers(body, secret="not-the-secret")
        assert (
            h.post(body, content_type="application/json", headers=forged, signed=False).status_code
            == 401
        )
        h.user(STRANGER).say("hello")  # a workspace of no member organisation

        # Last week's digests, queued by the Monday job; a minute later they are a backlog.
        weekly_digest_tick(h.application.services)
        h.clock.advance(timedelta(minutes=1))
        backlog = scrape(h)
        due = value(backlog, "coachpool_outbox_due")
        readers = h.application.store.list_people(Role.COORDINATOR)
        assert due >= len(readers) > 0
        assert value(backlog, "coachpool_outbox_oldest_due_age_seconds") >= 60

        notifier = ChannelNotifier(h.application.services, h.senders())
        dispatch_tick(h.application.services, notifier, h.metrics)
        after = scrape(h)

    moved = {
        key: value(after, key[0], **dict(key[1])) - value(before, key[0], **dict(key[1]))
        for key in after
    }
    turns = ("coachpool_turns_total", (("channel", "slack"), ("outcome", "answered")))
    assert moved[turns] == 2  # Sam's and the stranger's, both answered
    assert moved[("coachpool_turn_duration_seconds_count", (("channel", "slack"),))] == 2
    signature = ("coachpool_refusals_total", (("channel", "slack"), ("reason", "signature")))
    assert moved[signature] == 1
    assert moved[("coachpool_refusals_total", (("channel", "slack"), ("reason", "tenant")))] == 1
    assert moved[("coachpool_outbox_dispatched_total", (("outcome", "sent"),))] >= due
    assert moved[("coachpool_digests_sent_total", ())] >= 1
    assert value(after, "coachpool_dispatch_lag_seconds_count") >= due
    assert value(after, "coachpool_dispatch_lag_seconds_sum") >= 60 * due
    assert value(after, "coachpool_outbox_due") == 0
    assert value(after, "coachpool_outbox_oldest_due_age_seconds") == 0
    assert value(after, "coachpool_dispatcher_last_pass_timestamp_seconds") > 0


def test_with_a_token_metrics_need_it(
    tmp_path: Path, sqlite_template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copyfile(sqlite_template, tmp_path / "pool.db")
    monkeypatch.setenv("COACHPOOL_METRICS_TOKEN", "s3cret-token")
    with running_pool(f"sqlite:///{tmp_path / 'pool.db'}") as h:
        assert httpx.get(f"{h.url}/metrics", timeout=10).status_code == 401
        wrong = {"Authorization": "Bearer nope"}
        assert httpx.get(f"{h.url}/metrics", headers=wrong, timeout=10).status_code == 401
        samples = scrape(h, Authorization="Bearer s3cret-token")
        assert value(samples, "coachpool_store_up") == 1
