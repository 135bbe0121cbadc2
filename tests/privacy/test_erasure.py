"""Erasure that leaves nothing: a coachee and their coach with a full history, built in
Slack turns and dispatcher passes on the simulated clock, erased with `coachpool erase`;
then no table holds their names, emails, Slack ids or words, the hours still add up, and
the other coach was told without a name."""

from __future__ import annotations

import io
from datetime import timedelta
from functools import partial

import pytest

from bot.domain import EngagementState, SessionState
from handlers.bootstrap import bootstrap
from handlers.cli.main import main
from tests.privacy.privacy_rig import request_and_book, traces_left
from tests.slack import slack_payloads as payloads
from tests.slack.slack_harness import Harness, SlackUser, running_pool, words

SAM = "sam.patel@dudley.gov.uk"
FIRST_ASK = [
    "could I get coaching on leading my team through a restructure, "
    "Tuesday or Thursday afternoons, online please",
    "Keep my team motivated through the merger",
    "Two depots close in January",
    "skip",
]
SECOND_ASK = [
    "I'd like coaching on handling a quarrelsome board member, Wednesday mornings, online",
    "Chair meetings without dreading them",
    "The vice-chair interrupts me constantly",
    "skip",
]
COMMENT = "The mirror exercise unlocked my worries about the depots"
PAUSE_REASON = "sick leave until the spring"
# Words only they wrote (as whole phrases: single words would match the product's own).
THEIR_WORDS = [
    "leading my team through a restructure",
    "Keep my team motivated",
    "Two depots close",
    "quarrelsome board member",
    "Chair meetings without dreading",
    "vice-chair interrupts",
    COMMENT,
    PAUSE_REASON,
]


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def on_the_pool_clock(monkeypatch: pytest.MonkeyPatch, h: Harness) -> None:
    """The command line reads the harness's simulated clock instead of the wall's."""
    monkeypatch.setattr("handlers.cli.common.bootstrap", partial(bootstrap, clock=h.clock))


def _history(h: Harness) -> tuple[SlackUser, SlackUser, SlackUser, str]:
    """Sam's full history with his first coach (who set a meeting link, then paused), and
    a second engagement with another coach, a session still to come. Returns (Sam, the
    first coach, the second coach, the first coach's meeting link)."""
    store = h.application.store
    sam = h.user(SAM)
    # The first coach is whoever the matching puts first; they set their room beforehand.
    coach = request_and_book(h, sam, FIRST_ASK)
    coach_person = store.find_person_by_email(coach.me.email)
    assert coach_person is not None
    link = f"https://meet.example.org/{coach_person.name.lower().replace(' ', '.')}"
    assert "Your availability" in words(coach.say("availability"))
    coach.press("Set my online meeting link")
    assert "Saved" in words(coach.say(link))
    (session,) = store.list_sessions()

    # Reminders, attendance and themes, feedback with a comment: each from the dispatcher.
    for before_start in (timedelta(hours=24), timedelta(hours=1)):
        h.clock.set(session.window.start - before_start)
        h.deliver()
    h.clock.set(session.window.end + timedelta(minutes=15))
    h.deliver()
    coach.press("It was held")
    coach.press("Managing change")
    coach.press("Done")
    h.clock.set(session.window.end + timedelta(minutes=30))
    h.deliver()
    before = len(h.fake.calls)
    sam.press("Give feedback")
    (opened,) = [c for c in h.fake.calls[before:] if c.method == "views.open"]
    answers = {"usefulness": "5", "progress": "8", "comment": COMMENT, "consent": "yes"}
    submission = payloads.view_submission(
        team_id=sam.me.team_id, user=sam.me.user_id, view=opened.params["view"], values=answers
    )
    assert h.send_interaction(submission).status_code == 200
    h.wait_turns()

    # Sam ends that coaching ("ended by Sam Patel"); the coach pauses with a reason.
    sam.say("sessions")
    assert "coaching has ended" in words(sam.press(f"End coaching with {coach_person.name}"))
    coach.say("availability")
    coach.press("Pause (leave, supervision)")
    assert "Paused" in words(coach.say(PAUSE_REASON))

    # A second request: another coach (the first is paused) and a session still to come.
    other = request_and_book(h, sam, SECOND_ASK)
    assert other.me.email != coach.me.email
    h.deliver()
    return sam, coach, other, link


def test_erasing_a_coachee_and_their_coach_leaves_no_trace(
    database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with running_pool(database_url) as h:
        on_the_pool_clock(monkeypatch, h)
        store = h.application.store
        sam, coach, other, link = _history(h)
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
