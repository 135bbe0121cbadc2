"""Destructive actions ask first: withdrawing a request, ending coaching and cancelling a
session each name what will happen and to whom, and 'No' changes nothing."""

from __future__ import annotations

from bot.domain import EngagementState, RequestState, SessionState
from handlers.pool.sample import DEMO_COACHEE_EMAIL
from tests.conversations.test_booking import chosen_coach_email, shortlisted
from tests.conversations.transcript import Transcript, squeeze

SAM = DEMO_COACHEE_EMAIL


def booked(t: Transcript) -> str:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    t.press(coach, "Accept Thursday 26 November")
    t.inbox(SAM)
    return coach


def test_withdrawing_a_request_names_the_coach_who_will_be_told(t: Transcript) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = t.person(chosen_coach_email(t))
    t.inbox(coach.email)
    t.say(SAM, "my requests")
    (request,) = t.store.list_requests()
    asked = squeeze(t.press(SAM, "Withdraw"))
    assert f"Withdraw your request {request.id} (coaching on leading my team" in asked
    assert f"{coach.name}, who has been asked to coach you, will be told" in asked
    assert "nothing has changed" in t.press(SAM, "No, keep it")
    assert t.store.list_requests()[0].state is RequestState.WAITING_COACH
    assert t.inbox(coach.email) == ""

    t.say(SAM, "my requests")
    t.press(SAM, "Withdraw")
    yes = t.find(t.person(SAM).id, "Yes, withdraw it")[0].value
    assert "your request is withdrawn" in t.press(SAM, "Yes, withdraw it")
    assert t.store.list_requests()[0].state is RequestState.WITHDRAWN
    assert "has withdrawn their coaching request" in t.inbox(coach.email)
    assert "isn't open any more" in t.press_raw(SAM, yes, "")  # a second press


def test_ending_coaching_says_who_is_told_and_what_is_cancelled(t: Transcript) -> None:
    coach = booked(t)
    coach_name = t.person(coach).name
    t.say(SAM, "sessions")
    asked = squeeze(t.press(SAM, "End coaching with"))
    assert f"End your coaching with {coach_name}? {coach_name} will be told it has ended" in asked
    assert "Your 1 booked session will be cancelled" in asked
    assert "nothing has changed" in t.press(SAM, "No, carry on")
    assert t.store.list_engagements()[0].state is EngagementState.ACTIVE
    assert t.store.list_sessions()[0].state is SessionState.CONFIRMED

    t.say(SAM, "sessions")
    t.press(SAM, "End coaching with")
    assert "the coaching has ended" in t.press(SAM, "Yes, end the coaching")
    assert t.store.list_engagements()[0].state is EngagementState.CLOSED
    assert t.store.list_sessions()[0].state is SessionState.CANCELLED
    assert "has closed" in t.inbox(coach)


def test_cancelling_a_session_names_the_other_person_and_the_time(t: Transcript) -> None:
    coach = booked(t)
    t.say(coach, "sessions")
    asked = squeeze(t.press(coach, "Cancel"))
    assert "Cancel your session with Sam Patel on Thursday 26 November" in asked
    assert "Sam Patel will be told and the calendar entry removed for you both" in asked
    assert "late cancellation" not in asked  # two days' notice
    assert "nothing has changed" in t.press(coach, "No, keep it")
    assert t.store.list_sessions()[0].state is SessionState.CONFIRMED
    assert t.inbox(SAM) == ""

    t.say(coach, "sessions")
    t.press(coach, "Cancel")
    assert "the session is cancelled" in t.press(coach, "Yes, cancel it")
    assert t.store.list_sessions()[0].state is SessionState.CANCELLED
    assert "has cancelled your coaching session" in t.inbox(SAM)
