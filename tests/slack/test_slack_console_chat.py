"""Issue 13: `coachpool chat` on a pool whose people are on Slack.

A coach is linked to Slack through signed HTTP into the served app; Emma, Sam and the
coordinator are on no platform (not in the fake Slack). Emma picks the Slack coach in her
terminal: with Slack's settings in the chat's environment the request reaches the coach's
Slack DM at once; without them it stays due in the outbox, untried, the chat says so in one
line, a `coachpool dispatch --once` without them leaves it due too (one line, no console
inbox), and one with Slack's settings delivers it, once. News for
the console-only coordinator (Sam's request waits) still reaches their console inbox."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from datetime import timedelta

import pytest

from bot.domain import Person
from bot.domain.outbox import OutboxMessage, OutboxState
from bot.notices import NoticeKind
from handlers.bootstrap import bootstrap
from handlers.cli.chat_cmd import chat_in_terminal
from handlers.cli.main import main
from handlers.console.inbox import ConsoleInbox
from handlers.pool.sample import DEMO_COACHEE_EMAIL, DEMO_COORDINATOR_EMAIL
from handlers.wall_clock import WallClock
from tests.conversations.transcript import squeeze
from tests.slack.slack_harness import SECRET, SINGLE_TEAM, Harness, running_pool, words

EMMA = "emma.roberts@coventry.gov.uk"
SAM = DEMO_COACHEE_EMAIL
COORDINATOR = DEMO_COORDINATOR_EMAIL
ASK = "coaching on leading my team through a restructure, Tuesday or Thursday afternoons, online"
OFFER = "Emma would like you as their coach"
WAITS = "left for `coachpool serve` to send on Slack"
LEFT_DUE = (
    "1 message for people on Slack is left due: Slack is not configured here (SLACK_BOT_TOKEN"
)


def slack_settings(h: Harness) -> dict[str, str]:
    return {
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_BOT_TOKEN": f"xoxb-{SINGLE_TEAM}",
        "SLACK_API_URL": h.fake.api_url,
    }


def chat(h: Harness, url: str, email: str, lines: Iterator[str], environ: dict[str, str]) -> str:
    """One `coachpool chat --as EMAIL` run with its own application on the pool's
    database, `environ` its environment."""
    app = bootstrap(database_url=url, clock=h.clock, migrate=False)
    try:
        person = app.store.find_person_by_email(email)
        assert person is not None
        out = io.StringIO()
        chat_in_terminal(app, person, lines=lines, out=out, interactive=False, environ=environ)
        return out.getvalue()
    finally:
        app.store.close()


def first_coach(h: Harness, coachee: str) -> Person:
    store = h.application.store
    person = store.find_person_by_email(coachee)
    assert person is not None
    (request,) = store.list_requests(coachee_id=person.id)
    coach = store.get_person(store.get_shortlist(request.id)[0].coach_id)
    assert coach is not None
    return coach


def news_for(h: Harness, person: Person) -> list[OutboxMessage]:
    """The person's news from others' turns (their later nudges and reminders aside)."""
    messages = h.application.store.list_outbox()
    return [m for m in messages if m.recipient_id == person.id and m.kind == NoticeKind.NOTICE]


def emma_asks_a_slack_coach(
    h: Harness, database_url: str, environ: dict[str, str]
) -> tuple[Person, str]:
    """Emma's terminal: she picks her shortlist's first coach, who says hello on Slack first
    (which links them there). The coach, and what her terminal showed."""
    picked: list[Person] = []

    def emma_types() -> Iterator[str]:
        yield from (ASK, "Keep my team motivated", "skip", "skip", "1", "1")
        coach = first_coach(h, EMMA)
        assert words(h.user(coach.email).say("hello"))
        picked.append(coach)
        yield "1"

    seen = squeeze(chat(h, database_url, EMMA, emma_types(), environ))
    (coach,) = picked
    assert f"I've asked {coach.name}" in seen
    return coach, seen


@pytest.mark.parametrize("configured", [True, False], ids=["with-slack", "without-slack"])
def test_a_console_chat_sends_a_slack_coach_their_request_on_slack_or_leaves_it_due(
    database_url: str,
    configured: bool,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with running_pool(database_url) as h:
        # Emma, Sam and the coordinator are on no platform: not in any Slack workspace.
        h.fake.users[:] = [u for u in h.fake.users if u.email not in {EMMA, SAM, COORDINATOR}]
        environ = slack_settings(h) if configured else {}
        coach, seen = emma_asks_a_slack_coach(h, database_url, environ)
        on_slack = h.user(coach.email)
        store = h.application.store
        (asked,) = news_for(h, coach)
        note = f"✉ for {coach.name} <{coach.email}>: {WAITS}"
        if configured:
            assert OFFER in words(on_slack.messages())
            assert asked.state is OutboxState.SENT
            assert WAITS not in seen
        else:
            assert OFFER not in words(on_slack.messages())
            # Left for the server: due, untried, unclaimed; said once, naming who and how.
            assert asked.state is OutboxState.PENDING
            assert asked.attempts == 0 and asked.claimed_by == ""
            assert seen.count(WAITS) == 1 and note in seen
            assert ConsoleInbox(store.engine).waiting(coach.id) == []

        # Sam's request waits (no coach at 6am on a Sunday): the console-only coordinator
        # is told in their console inbox, by either chat.
        coordinator = store.find_person_by_email(COORDINATOR)
        assert coordinator is not None
        sam_types = (ASK.replace("Tuesday or Thursday afternoons", "Sunday at 6am"),
                     "Keep my team motivated", "skip", "skip", "1", "1")  # fmt: skip
        said = squeeze(chat(h, database_url, SAM, iter(sam_types), environ))
        assert "I'll message you when a coach becomes available" in said
        waiting = ConsoleInbox(store.engine).waiting(coordinator.id)
        assert waiting and WAITS not in said

        if not configured:
            later = h.clock.now() + timedelta(minutes=5)
            monkeypatch.setattr(WallClock, "now", lambda self: later)
            # `coachpool dispatch --once` without Slack's settings leaves it due, untried,
            # and says so; the coach's console inbox gets nothing.
            for name in [n for n in os.environ if n.startswith(("SLACK_", "MICROSOFT_"))]:
                monkeypatch.delenv(name)
            capsys.readouterr()
            assert main(["--database", database_url, "dispatch", "--once"]) == 0
            said = capsys.readouterr()
            assert LEFT_DUE in said.err and coach.email not in said.out + said.err
            (left,) = news_for(h, coach)
            assert left.state is OutboxState.PENDING
            assert left.attempts == 0 and left.claimed_by == ""
            assert ConsoleInbox(store.engine).waiting(coach.id) == []
            # With Slack's settings it delivers it, once.
            for name, value in slack_settings(h).items():
                monkeypatch.setenv(name, value)
            assert main(["--database", database_url, "dispatch", "--once"]) == 0
            assert LEFT_DUE not in capsys.readouterr().err
            assert sum(OFFER in words([m]) for m in on_slack.messages()) == 1
            (sent,) = news_for(h, coach)
            assert sent.state is OutboxState.SENT
