"""Erasure that leaves nothing: a coachee and their coach with a full history, built in
Slack turns and dispatcher passes on the simulated clock, erased with `coachpool erase`;
then no table holds their names, emails, Slack ids or words, the hours still add up, and
the other coach was told without a name."""

from __future__ import annotations

import io

import pytest

from bot.domain import EngagementState, SessionState
from handlers.cli.main import main
from tests.privacy.privacy_rig import (
    SAM,
    THEIR_WORDS,
    cli,
    history,
    on_the_pool_clock,
    traces_left,
)
from tests.slack.slack_harness import running_pool, words


def test_erasing_a_coachee_and_their_coach_leaves_no_trace(
    database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with running_pool(database_url) as h:
        on_the_pool_clock(monkeypatch, h)
        store = h.application.store
        sam, coach, other, link = history(h)
        sam_person = store.find_person_by_email(SAM)
        coach_person = store.find_person_by_email(coach.me.email)
        assert sam_person is not None and coach_person is not None
        (held,) = store.list_sessions(states=[SessionState.HELD])
        (upcoming,) = store.list_sessions(states=[SessionState.CONFIRMED])
        week = held.window.start.strftime("%G-W%V")
        figures = ("--database", database_url, "export", "sessions", "--since", "2026-04-01")
        digest = ("--database", database_url, "digest", "--week", week, "--json")
        export_before, digest_before = cli(capsys, *figures)[1], cli(capsys, *digest)[1]
        assert sam_person.organisation_id and "1.0" in export_before
        needles = [
            *(p.name for p in (sam_person, coach_person)),
            *(part for p in (sam_person, coach_person) for part in p.name.split()),
            sam_person.email,
            coach_person.email,
            sam.me.user_id,
            coach.me.user_id,
            sam.dm,
            coach.dm,
            link,
            *THEIR_WORDS,
        ]
        assert traces_left(store.engine, needles)  # the search finds what is there

        # The coachee first: without a terminal, `--yes` is needed.
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        code, out, err = cli(capsys, "--database", database_url, "erase", SAM)
        assert (code, out) == (2, "")
        assert err.strip().count("\n") == 0 and "--yes" in err
        code, out, _ = cli(capsys, "--database", database_url, "erase", SAM, "--yes")
        assert code == 0 and "1 engagement(s) ended, 1 future session(s) cancelled" in out

        # The other coach hears it in a sentence naming no one ...
        before = len(h.fake.calls)
        h.deliver()
        told = words(other.since(before))
        assert "Your coaching with a pool member has ended" in told
        assert "Sam" not in told and "Patel" not in told
        cancelled = store.get_session(upcoming.id)
        assert cancelled is not None and cancelled.state is SessionState.CANCELLED
        assert all(e.state is EngagementState.CLOSED for e in store.list_engagements())
        # ... a stale button for that session is refused politely ...
        stale = words(other.press("Cancel"))
        assert "That session has changed since this message" in stale
        # ... and nothing offers to book with a blank name.
        assert "Book a session with" not in words(other.say("sessions"))

        code, out, _ = cli(capsys, "--database", database_url, "erase", coach.me.email, "--yes")
        assert code == 0, out
        h.deliver()

        assert traces_left(store.engine, needles) == []
        # The anonymous hours stay: the export and the digest are unchanged.
        assert cli(capsys, *figures)[1] == export_before
        assert cli(capsys, *digest)[1] == digest_before
        [entry_sam] = [
            e
            for e in store.list_audit(subject_prefix=f"person:{sam_person.id}")
            if e.action == "person.erased"
        ]
        assert entry_sam.detail.startswith("command line")


def test_erase_at_a_terminal_asks_first(
    database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["--database", database_url, "seed", "--demo"]) == 0

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal("no\n"))
    code, out, _ = cli(capsys, "--database", database_url, "erase", SAM)
    assert code == 1 and out.startswith("Erase Sam Patel <sam.patel@dudley.gov.uk>?")
    assert out.endswith("Nothing was erased.\n")
    monkeypatch.setattr("sys.stdin", Terminal("erase\n"))
    code, out, _ = cli(capsys, "--database", database_url, "erase", SAM)
    assert code == 0 and "Erased person" in out
    code, _, err = cli(capsys, "--database", database_url, "erase", SAM, "--yes")
    assert code == 2 and "no one with the email" in err
