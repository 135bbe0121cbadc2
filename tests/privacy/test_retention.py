"""Retention: after the configured periods the scheduler's nightly job forgets free text,
abandoned conversations and the words of sent messages; the anonymous figures stay."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from bot.domain import RequestState
from bot.domain.outbox import OutboxState
from handlers.channel_names import SLACK
from handlers.jobs import Scheduler, retention_tick
from handlers.retention import retention_periods
from tests.privacy.privacy_rig import (
    COMMENT,
    PAUSE_REASON,
    SAM,
    cli,
    history,
    on_the_pool_clock,
)
from tests.slack.slack_harness import running_pool

NATALIE = "natalie.webb@solihull.gov.uk"


def test_free_text_conversations_and_sent_words_are_forgotten_on_time(
    database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with running_pool(database_url) as h:
        on_the_pool_clock(monkeypatch, h)
        store, services = h.application.store, h.application.services
        history(h)
        # Someone starts asking and never comes back.
        h.user(NATALIE).say("I need a coach")
        natalie = store.find_person_by_email(NATALIE)
        sam = store.find_person_by_email(SAM)
        assert natalie is not None and sam is not None
        assert store.load_conversation(natalie.id, SLACK) is not None
        (held,) = [s for s in store.list_sessions() if s.state.value == "held"]
        db = ("--database", database_url)
        digest = (*db, "digest", "--week", held.window.start.strftime("%G-W%V"), "--json")
        export = (*db, "export", "sessions", "--since", "2026-04-01", "--until", "2028-12-31")

        def figures() -> tuple[dict[str, object], str]:
            """The digest (less the moment it was made) and the export."""
            made = json.loads(cli(capsys, *digest)[1])
            made.pop("as_of")
            return made, cli(capsys, *export)[1]

        figures_before = figures()
        periods = retention_periods({})  # the documented defaults: 365, 30 and 90 days
        assert Scheduler(services, notifier=_NoNotifier(), retention=periods).job("retention")

        def first_request_topic() -> str:
            return store.list_requests(coachee_id=sam.id)[0].topic

        h.clock.advance(timedelta(days=31))
        retention_tick(services, periods)
        assert store.load_conversation(natalie.id, SLACK) is None
        assert "restructure" in first_request_topic()
        sent = store.list_outbox(states=[OutboxState.SENT])
        assert sent and all(m.payload for m in sent)

        h.clock.advance(timedelta(days=60))
        retention_tick(services, periods)
        assert all(m.payload == {} for m in store.list_outbox(states=[OutboxState.SENT]))
        assert [f.comment for f in store.list_feedback() if f.person_id == sam.id] == [COMMENT]

        h.clock.advance(timedelta(days=300))
        code, out, _ = cli(capsys, *db, "retention", "--run")
        assert code == 0 and "free text removed from 1 request(s), 1 engagement(s)" in out
        first, second = store.list_requests(coachee_id=sam.id)
        assert (first.state, first.topic, first.goal, first.reality) == (
            RequestState.CLOSED,
            "",
            "",
            "",
        )
        # The second coaching is still going: its words stay.
        assert second.state is RequestState.MATCHED and "board member" in second.topic
        assert {f.comment for f in store.list_feedback()} == {""}
        assert all(e.close_reason == "" for e in store.list_engagements() if e.closed_at)
        assert PAUSE_REASON not in str(store.list_audit())
        # Ratings, themes, states and hours are untouched: the figures are the same.
        assert figures() == figures_before
        assert [f.usefulness for f in store.list_feedback() if f.person_id == sam.id] == [5]

        # Nothing left to forget; and a bad setting is one line.
        code, out, _ = cli(capsys, *db, "retention", "--run")
        assert code == 0 and "from 0 request(s), 0 engagement(s)" in out
        monkeypatch.setenv("COACHPOOL_KEEP_FREE_TEXT_DAYS", "a year")
        code, _, err = cli(capsys, *db, "retention")
        assert code == 2
        assert err == (
            "coachpool: COACHPOOL_KEEP_FREE_TEXT_DAYS='a year' must be a whole number of "
            "days, 1 or more\n"
        )


class _NoNotifier:
    def send(self, *, person_id: int, replies: list[object]) -> None:
        raise AssertionError("nothing is sent in this test")
