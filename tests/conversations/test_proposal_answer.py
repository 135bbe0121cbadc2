"""A coach's proposal is their answer: the request waits on the coachee, whose turn it now is
(issue 11, Booking). Driven through chat turns and the dispatcher with the simulated clock."""

from __future__ import annotations

import json
from datetime import timedelta
from functools import partial

import pytest

from bot.domain import RequestState, SessionState
from handlers.bootstrap import bootstrap
from handlers.cli.main import main
from handlers.pool.sample import DEMO_COACHEE_EMAIL, DEMO_COORDINATOR_EMAIL
from tests.conversations.test_booking import chosen_coach_email, shortlisted
from tests.conversations.transcript import Transcript, squeeze

SAM = DEMO_COACHEE_EMAIL


def proposed(t: Transcript) -> str:
    """Sam chooses a coach, who looks at their pending offers and proposes other times."""
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    assert "Accept Thursday 26 November" in squeeze(t.say(coach, "pending"))
    assert "Which times could you offer instead" in t.press(coach, "Propose other times")
    # Said at 09:30 on Tuesday 24 November: "Tuesday at 10" is today, half an hour ahead.
    said = squeeze(t.say(coach, "Tuesday at 10 or Friday 11th at 2pm"))
    assert "I've offered Sam Tuesday 24 November, 10:00 GMT; Friday 11 December, 14:00 GMT" in said
    return coach


def requests_cli(database_url: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    capsys.readouterr()
    assert main(["--database", database_url, "requests", "--json"]) == 0
    listed: list[dict[str, str]] = json.loads(capsys.readouterr().out)
    return listed


def test_a_proposal_hands_the_request_to_the_coachee_and_stops_the_coachs_deadline(
    t: Transcript, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    coach = proposed(t)
    offer = squeeze(t.inbox(SAM))
    assert "has suggested these times" in offer
    assert "Please pick the one that suits you by Friday 27 November" in offer
    (request,) = t.store.list_requests()
    assert request.state is RequestState.WAITING_COACHEE
    assert [r["state"] for r in requests_cli(database_url, capsys)] == ["waiting_coachee"]

    t.clock.advance(timedelta(days=4))  # Saturday: past the coach's old deadline
    assert t.inbox(coach) == ""  # not nudged as if silent: they answered
    nudge = squeeze(t.inbox(SAM))
    assert "A gentle reminder: " in nudge and "is waiting for you to pick a time" in nudge
    assert "If you haven't chosen by Monday 30 November, I'll tell the pool coordinators" in nudge
    assert "Friday 11 December, 14:00 GMT" in nudge
    assert "Tuesday 24 November" not in nudge  # only times still to come are offered
    friday, token = t.find(t.person(SAM).id, "Friday 11 December")

    t.clock.advance(timedelta(days=2, hours=1))  # Monday 10:30
    told = squeeze(t.inbox(SAM))
    assert "I've let the pool coordinators know" in told
    assert "hasn't been able to answer in time" not in told
    for_coordinator = squeeze(t.inbox(DEMO_COORDINATOR_EMAIL))
    assert (
        f"Request {request.id} (Regional Coaching Pool, from Dudley Metropolitan Borough "
        "Council) is waiting for the coachee to choose one of the times their coach proposed"
        in for_coordinator
    )
    assert "Sam" not in for_coordinator  # the coordinators learn of a request, not a person
    assert t.inbox(coach) == ""
    (request,) = t.store.list_requests()
    assert request.state is RequestState.WAITING_COACHEE  # the proposal still stands

    booked = squeeze(t.press_raw(SAM, friday.value, token))  # from the nudge
    assert "Your session is booked" in booked
    assert "Your session is booked" in t.inbox(coach)
    (session,) = t.store.list_sessions()
    assert session.state is SessionState.CONFIRMED
    assert session.window.start.isoformat() == "2026-12-11T14:00:00+00:00"
    assert [r["state"] for r in requests_cli(database_url, capsys)] == ["matched"]


def test_picking_before_the_deadline_cancels_the_nudge_and_the_coordinators_note(
    t: Transcript,
) -> None:
    proposed(t)
    t.inbox(SAM)
    assert "Your session is booked" in t.press(SAM, "Friday 11 December")
    t.clock.advance(timedelta(days=6, hours=1))  # past both deadlines
    for_sam = squeeze(t.inbox(SAM))
    assert "gentle reminder" not in for_sam and "coordinators" not in for_sam
    assert "is waiting for the coachee" not in t.inbox(DEMO_COORDINATOR_EMAIL)


def test_a_proposed_time_that_has_passed_is_not_booked_and_live_ones_are_offered(
    t: Transcript,
) -> None:
    coach = proposed(t)
    t.inbox(SAM)
    t.clock.advance(timedelta(hours=1))  # 10:30: the 10:00 has gone
    answer = squeeze(t.press(SAM, "Tuesday 24 November"))
    assert "Sorry, that time has already passed. Here are times when you're both free:" in answer
    assert "Tuesday 24 November" not in answer
    assert "Friday 11 December, 14:00 GMT" in answer
    assert t.store.list_sessions() == []
    assert "Your session is booked" in t.press(SAM, "Friday 11 December")
    assert "Your session is booked" in t.inbox(coach)


def test_erasing_a_coach_whose_proposal_waits_on_the_coachee(
    t: Transcript,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The request goes back to choosing (waiting_coachee -> shortlisted, as the lifecycle
    draws it) and the coachee is offered the next coaches."""
    monkeypatch.setattr("handlers.cli.common.bootstrap", partial(bootstrap, clock=t.clock))
    coach = proposed(t)
    assert "has suggested these times" in squeeze(t.inbox(SAM))
    capsys.readouterr()
    assert main(["--database", database_url, "erase", coach, "--yes"]) == 0
    assert "Erased person" in capsys.readouterr().out
    told = squeeze(t.inbox(SAM))
    assert "The coach you chose is no longer in the pool" in told
    (request,) = t.store.list_requests()
    assert request.state in {RequestState.SHORTLISTED, RequestState.WAITLISTED}
    assert request.chosen_coach_id is None
