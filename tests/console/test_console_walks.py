"""Issue 11's walk-through, continued across terminals: the waiting list and the sponsor.

Sam waits because no coach is free when he is, or because the one who is has no place left;
in another terminal a coach saves new weekly times, or a coachee ends their coaching, and
Sam's next chat has the news with a shortlist he picks from. With sponsor
approval switched on from the command line, Sam's line manager finds the approval waiting in
her terminal, has concerns (which reach the coordinator's terminal), then approves (which
reaches Sam's and the coach's). The coach's request card names the moment the request moves
on, and the request moves on then, not before.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import EngagementState, RequestState
from handlers.bootstrap import bootstrap
from handlers.cli.main import main
from handlers.pool.sample import DEMO_COACHEE_EMAIL, DEMO_COORDINATOR_EMAIL
from tests.console.terminals import Terminals
from tests.conversations.transcript import squeeze

SAM = DEMO_COACHEE_EMAIL
COORDINATOR = DEMO_COORDINATOR_EMAIL
KAREN = "karen.lloyd@dudley.gov.uk"  # Sam's line manager
CATHERINE = "catherine.ellis@shropshire.gov.uk"  # 2 coaching places
EMMA = "emma.roberts@coventry.gov.uk"
JADE = "jade.morris@sandwell.gov.uk"
ASK = "coaching on leading my team through a restructure, online"
OFFER = "Sam would like you as their coach"


def test_a_coach_with_new_times_opens_a_place_for_sam_in_his_next_chat(t: Terminals) -> None:
    asked = squeeze(
        t.chat(SAM, ASK, "Keep my team motivated", "skip", "skip", "Regional Coaching Pool",
               "Sunday at 6am", "Yes, find me a coach")
    )  # fmt: skip
    assert "I'll message you when a coach becomes available" in asked
    assert _request_state(t) is RequestState.WAITLISTED

    # The coordinator, in theirs, was told and sees why the request waits.
    seen = squeeze(t.chat(COORDINATOR, "waiting"))
    assert "1 request waiting" in seen
    assert "Request 1 (Regional Coaching Pool, from Dudley" in seen
    assert "on the waiting list (no suitable coach: No coach with room is free at the times" in seen

    # Catherine, in hers, saves Sunday-morning times: nothing of Sam's shows there.
    saved = squeeze(
        t.chat(CATHERINE, "availability", "Change my weekly times", "Sun 06:00-09:00", "Save")
    )
    assert "Saved." in saved and "a place has opened" not in saved
    assert OFFER not in saved

    # Sam's next chat has the news and the shortlist; he picks in a later run.
    news = squeeze(t.chat(SAM))
    assert "1 new message for you" in news
    assert "Good news: a place has opened for your coaching request (reference 1)" in news
    assert "1. Catherine Ellis, Shropshire Council" in news
    assert _request_state(t) is RequestState.SHORTLISTED
    assert "I've asked Catherine Ellis" in squeeze(t.chat(SAM, "1"))
    assert _request_state(t) is RequestState.WAITING_COACH

    # Catherine's next chat has the request, with a Sunday-morning time to accept.
    offer = squeeze(t.chat(CATHERINE, "1"))
    assert OFFER in offer and "1. Accept Sunday 29 November, 06:00 GMT" in offer
    assert "Your session is booked" in offer
    assert "Your session is booked" in squeeze(t.chat(SAM))
    assert "No requests are waiting" in squeeze(t.chat(COORDINATOR, "waiting"))


def test_the_sponsor_has_concerns_then_approves_across_four_terminals(
    t: Terminals, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--database", t.database_url, "programme", "set", "regional-pool"]
    assert main([*argv, "--sponsor-approval", "yes"]) == 0
    assert "sponsor approval yes" in capsys.readouterr().out

    picked = squeeze(
        t.chat(SAM, f"{ASK}, Tuesday or Thursday afternoons", "Keep my team motivated", "skip",
               "skip", "Regional Coaching Pool", "Yes, find me a coach", "1")
    )  # fmt: skip
    assert "I've asked" in picked
    coach = _chosen_coach_email(t)
    accepted = squeeze(t.chat(coach, "1"))
    assert OFFER in accepted and "Your session is booked" in accepted
    assert "Karen Lloyd, Sam's line manager, is asked to approve the coaching" in accepted
    assert _engagement_state(t) is EngagementState.AWAITING_SPONSOR
    booked = squeeze(t.chat(SAM))
    assert "Your session is booked" in booked
    assert "Karen Lloyd, your line manager, is asked to approve the coaching" in booked

    # Karen's terminal: the ask waited for her; later she opens her approvals.
    ask = squeeze(t.chat(KAREN))
    assert "Sam Patel has been matched with a coach in Regional Coaching Pool" in ask
    assert "do you support this coaching?" in ask
    assert "restructure" not in ask  # the sponsor never sees what the coaching is about
    concerned = squeeze(t.chat(KAREN, "approvals", "I have concerns"))
    assert "Coaching for Sam Patel" in concerned
    assert "I've let the pool coordinators know" in concerned
    assert _engagement_state(t) is EngagementState.AWAITING_SPONSOR

    # The coordinator's terminal has the concern (and nobody else's does).
    note = squeeze(t.chat(COORDINATOR))
    assert f"Karen Lloyd ({KAREN}, Dudley" in note
    assert "has concerns about engagement 1 in Regional Coaching Pool" in note
    assert "Sam" not in note and "restructure" not in note
    assert "concerns" not in squeeze(t.chat(SAM)) and "concerns" not in squeeze(t.chat(coach))

    # Karen approves in a later run; Sam and the coach each read it in their own.
    approved = squeeze(t.chat(KAREN, "approvals", "Approve"))
    assert "You've told the coordinators of your concerns" in approved
    assert "Thank you: approved." in approved
    assert _engagement_state(t) is EngagementState.ACTIVE
    for email in (SAM, coach):
        assert "Karen Lloyd has approved the coaching" in squeeze(t.chat(email))
    assert "Nothing is waiting for your approval" in squeeze(t.chat(KAREN, "approvals"))
    assert len(t.chat(COORDINATOR).splitlines()) == 1  # the greeting only: told once


def asks_for_sunday_mornings(t: Terminals, email: str) -> str:
    return squeeze(
        t.chat(email, ASK, "Keep my team motivated", "skip", "skip", "Regional Coaching Pool",
               "Sunday mornings", "Yes, find me a coach")
    )  # fmt: skip


def test_coaching_that_ends_in_one_terminal_opens_a_place_in_anothers(t: Terminals) -> None:
    t.chat(CATHERINE, "availability", "Change my weekly times", "Sun 06:00-12:00", "Save")
    for coachee in (EMMA, JADE):  # Catherine, alone on Sunday mornings, takes both
        assert "1. Catherine Ellis" in asks_for_sunday_mornings(t, coachee)
        assert "I've asked Catherine Ellis" in squeeze(t.chat(coachee, "1"))
        assert "Your session is booked" in squeeze(t.chat(CATHERINE, "1"))
    waits = asks_for_sunday_mornings(t, SAM)
    assert "I'll message you when a coach becomes available" in waits
    seen = squeeze(t.chat(COORDINATOR, "waiting"))
    assert "on the waiting list (no place left: every suitable coach is full or paused)" in seen

    ended = squeeze(
        t.chat(EMMA, "sessions", "End coaching with Catherine Ellis", "Yes, end the coaching")
    )
    assert "the coaching has ended" in ended and "a place has opened" not in ended
    news = squeeze(t.chat(SAM))
    assert "Good news: a place has opened for your coaching request (reference 3)" in news
    assert "1. Catherine Ellis, Shropshire Council" in news
    assert "Has capacity: 1 of 2 coaching places in use" in news
    assert "I've asked Catherine Ellis" in squeeze(t.chat(SAM, "1"))
    assert OFFER in squeeze(t.chat(CATHERINE))


# Asked on Tuesday 24 November at 09:30: 3 working days to Friday's nudge, one more to move on.
MOVES_ON = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)


def test_the_card_names_the_moment_the_request_moves_on_and_keeps_to_it(t: Terminals) -> None:
    t.chat(SAM, f"{ASK}, Tuesday or Thursday afternoons", "Keep my team motivated", "skip",
           "skip", "Regional Coaching Pool", "Yes, find me a coach", "1")  # fmt: skip
    coach = _chosen_coach_email(t)
    card = squeeze(t.chat(coach))
    assert "Please answer by Monday 30 November, 09:30 GMT" in card
    # Times after the answer time are offered: they say when the session would be.
    assert "Accept Tuesday 1 December, 13:30 GMT" in card
    t.clock.set(MOVES_ON - timedelta(minutes=1))
    nudged = squeeze(t.chat(coach))
    assert "If I haven't heard by Monday 30 November, 09:30 GMT" in nudged
    assert "1. Accept Tuesday 1 December, 13:30 GMT" in nudged  # Thursday's has passed
    assert "Your session is booked" in squeeze(t.chat(coach, "1"))
    t.clock.set(MOVES_ON + timedelta(hours=1))
    told = squeeze(t.chat(SAM))
    assert "Your session is booked" in told and "answer in time" not in told


def test_at_the_moment_the_card_names_the_request_moves_on(t: Terminals) -> None:
    t.chat(SAM, f"{ASK}, Tuesday or Thursday afternoons", "Keep my team motivated", "skip",
           "skip", "Regional Coaching Pool", "Yes, find me a coach", "1")  # fmt: skip
    coach = _chosen_coach_email(t)
    assert "Please answer by Monday 30 November, 09:30 GMT" in squeeze(t.chat(coach))
    t.clock.set(MOVES_ON - timedelta(minutes=1))
    assert "hasn't been able to answer in time" not in squeeze(t.chat(SAM))
    t.clock.set(MOVES_ON)
    assert "hasn't been able to answer in time" in squeeze(t.chat(SAM))
    late = squeeze(t.chat(coach, "2"))  # a time on the last card the coach was shown
    assert "That request has moved on" in late and "Your session is booked" not in late


def _request_state(t: Terminals) -> RequestState:
    app = bootstrap(database_url=t.database_url, clock=t.clock, migrate=False)
    try:
        (request,) = app.store.list_requests()
        return request.state
    finally:
        app.store.close()


def _chosen_coach_email(t: Terminals) -> str:
    app = bootstrap(database_url=t.database_url, clock=t.clock, migrate=False)
    try:
        (request,) = app.store.list_requests()
        coach = app.store.get_person(request.chosen_coach_id or 0)
        assert coach is not None
        return coach.email
    finally:
        app.store.close()


def _engagement_state(t: Terminals) -> EngagementState:
    app = bootstrap(database_url=t.database_url, clock=t.clock, migrate=False)
    try:
        (engagement,) = app.store.list_engagements()
        return engagement.state
    finally:
        app.store.close()
