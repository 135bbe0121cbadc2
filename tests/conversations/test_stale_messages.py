"""A message that has lost its meaning is not sent late: after a dispatcher outage, or in a
chat opened months later, each kind's messages past their time are skipped with the reason
(visible in `coachpool outbox`), and nothing stale reaches anyone."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest

from bot.digest.kinds import DigestKind
from bot.digest.schedule import queue_previous_week
from bot.domain import RequestState
from bot.domain.outbox import OutboxMessage, OutboxState
from handlers.cli.main import main
from handlers.console.wiring import console_chat
from handlers.pool.sample import DEMO_COORDINATOR_EMAIL
from tests.conversations.test_aftercare import SAM, booked, until
from tests.conversations.test_booking import chosen_coach_email, shortlisted
from tests.conversations.transcript import Transcript, squeeze


def _session_messages(t: Transcript) -> dict[str, OutboxMessage]:
    (session,) = t.store.list_sessions()
    prefix = f"session:{session.id}:"
    mine = [m for m in t.store.list_outbox() if m.key.startswith(prefix)]
    return {m.key.removeprefix(prefix): m for m in mine}


def test_after_an_outage_past_the_start_no_reminder_is_sent(
    t: Transcript, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    coach = booked(t)
    (session,) = t.store.list_sessions()
    # The dispatcher was down from before the day-before reminder until after the start.
    until(t, session.window.start + timedelta(minutes=5))
    assert "Reminder" not in t.inbox(SAM)
    assert "Reminder" not in t.inbox(coach)
    messages = _session_messages(t)
    sam, start = t.person(SAM).id, session.window.start
    hour_before = messages[f"reminder:1h:person:{sam}"]
    assert hour_before.state is OutboxState.SKIPPED
    assert hour_before.skip_reason == f"the session started at {start:%Y-%m-%d %H:%M} UTC"
    day_before = messages[f"reminder:24h:person:{sam}"]
    assert day_before.state is OutboxState.SKIPPED
    took_over = start - timedelta(hours=1)
    assert day_before.skip_reason == (
        f"the 1-hour reminder took over at {took_over:%Y-%m-%d %H:%M} UTC"
    )
    # What an operator sees.
    capsys.readouterr()
    assert main(["--database", database_url, "outbox", "--state", "skipped", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 4  # two reminders each for the coach and Sam
    assert {row["state"] for row in listed} == {"skipped"}
    assert f"the session started at {start:%Y-%m-%d %H:%M} UTC" in [
        row["skip_reason"] for row in listed
    ]
    assert main(["--database", database_url, "outbox", "--state", "skipped"]) == 0
    table = capsys.readouterr().out
    assert "WHY" in table.splitlines()[0]
    assert "the session started at" in table


def test_an_outage_that_ends_before_the_session_sends_only_the_reminder_still_true(
    t: Transcript,
) -> None:
    booked(t)
    (session,) = t.store.list_sessions()
    until(t, session.window.start - timedelta(minutes=50))
    said = squeeze(t.inbox(SAM))
    assert "Reminder: your coaching session is in an hour" in said
    assert "tomorrow" not in said
    messages = _session_messages(t)
    sam = t.person(SAM).id
    assert messages[f"reminder:24h:person:{sam}"].state is OutboxState.SKIPPED
    assert messages[f"reminder:1h:person:{sam}"].state is OutboxState.SENT


def test_the_attendance_check_and_feedback_are_asked_late_only_while_they_make_sense(
    t: Transcript,
) -> None:
    coach = booked(t)
    (session,) = t.store.list_sessions()
    # Down for three days after the session: the first asks gave way to their follow-ups.
    until(t, session.window.end + timedelta(days=3))
    check = squeeze(t.inbox(coach))
    assert check.count("How did your session with Sam go") == 1
    assert "A gentle reminder" in check
    assert squeeze(t.inbox(SAM)).count("How was your session with") == 1
    messages = _session_messages(t)
    skipped = {key for key, m in messages.items() if m.state is OutboxState.SKIPPED}
    assert {key.split(":")[0] for key in skipped} == {"reminder", "attendance", "feedback_prompt"}
    assert all(
        m.skip_reason.startswith("the follow-up took over at")
        for key, m in messages.items()
        if key.startswith(("attendance:", "feedback_prompt:"))
    )


@pytest.mark.database(reason="the console chat's inbox is SqlStore's own table (an Engine)")
def test_a_chat_opened_months_later_delivers_nothing_stale(t: Transcript) -> None:
    booked(t)
    (session,) = t.store.list_sessions()
    until(t, session.window.end + timedelta(days=110))  # March: the dispatcher never ran
    out = io.StringIO()
    chat = console_chat(t.bot, t.person(SAM), engine=t.store.engine, out=out)
    chat.run([], interactive=False)
    shown = squeeze(out.getvalue())
    assert shown == "Chatting as Sam Patel <sam.patel@dudley.gov.uk>. Type 'help' for what " + (
        "you can say; press Enter to look for new messages; Ctrl-D to leave."
    )
    states = {m.state for m in _session_messages(t).values()}
    assert states == {OutboxState.SKIPPED}


def test_a_nudge_past_the_answer_time_is_skipped_but_the_request_still_moves_on(
    t: Transcript,
) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    until(t, t.clock.now() + timedelta(days=10))
    assert "gentle reminder" not in t.inbox(coach)
    assert "hasn't been able to answer in time" in t.inbox(SAM)
    (request,) = t.store.list_requests()
    assert request.state is RequestState.SHORTLISTED
    (nudge,) = [m for m in t.store.list_outbox() if m.kind == "coach_nudge"]
    assert nudge.state is OutboxState.SKIPPED
    assert nudge.skip_reason.startswith("the coach's answer time ran out at")


def test_a_digest_a_week_late_is_skipped_as_next_mondays_replaces_it(t: Transcript) -> None:
    services = t.bot.services
    assert queue_previous_week(services) > 0
    until(t, t.clock.now() + timedelta(days=7))
    assert "Weekly digest" not in t.inbox(DEMO_COORDINATOR_EMAIL)
    digests = [m for m in t.store.list_outbox() if m.kind == DigestKind.DIGEST]
    assert {m.state for m in digests} == {OutboxState.SKIPPED}
    assert digests[0].skip_reason.startswith("a weekly digest more than 6 days late (due ")
    # Next Monday's is on time and goes out.
    assert queue_previous_week(services) > 0
    assert "Weekly digest" in t.inbox(DEMO_COORDINATOR_EMAIL)
