"""Transcript tests from a chosen coach to a confirmed session, and what can go wrong."""

from __future__ import annotations

from datetime import timedelta

from bot.domain import EngagementState, RequestState, SessionKind, SessionState
from bot.replies import Attachment, Choices
from handlers.pool.sample import DEMO_COACHEE_EMAIL
from tests.conversations.transcript import Transcript, squeeze

SAM = DEMO_COACHEE_EMAIL
ONE_LINER = (
    "could I get coaching on leading my team through a restructure, "
    "Tuesday or Thursday afternoons, online please"
)


def shortlisted(t: Transcript, email: str = SAM) -> str:
    t.say(email, ONE_LINER)
    t.say(email, "Keep my team motivated through the changes")
    t.say(email, "skip")
    t.say(email, "skip")
    t.press(email, "Regional Coaching Pool")
    return t.press(email, "Yes, find me a coach")


def chosen_coach_email(t: Transcript) -> str:
    request = t.store.list_requests()[-1]
    assert request.chosen_coach_id is not None
    coach = t.store.get_person(request.chosen_coach_id)
    assert coach is not None
    return coach.email


def test_choose_accept_and_both_get_a_confirmation_with_an_invite(t: Transcript) -> None:
    shortlisted(t)
    told = squeeze(t.press(SAM, ", "))
    assert "I've asked" in told
    assert "if they haven't by Monday 30 November, I'll offer you the next coach" in told
    coach = chosen_coach_email(t)
    offer = squeeze(t.inbox(coach))
    assert "Sam would like you as their coach" in offer
    assert "Coaching on leading my team through a restructure" in offer
    assert "Accept Thursday 26 November" in offer
    confirmation = squeeze(t.press(coach, "Accept Thursday 26 November"))
    assert "Your session is booked" in confirmation
    assert "With Sam Patel" in confirmation
    (session,) = t.store.list_sessions()
    start = session.window.start
    assert start.date().isoformat() == "2026-11-26"
    assert f"Thursday 26 November, {start:%H:%M}–" in confirmation
    assert any(
        isinstance(r, Attachment) and r.filename.endswith(".ics")
        for r in t.last[t.person(coach).id]
    )
    for_sam = squeeze(t.inbox(SAM))
    assert "Your session is booked" in for_sam
    invite = next(r for r in t.last[t.person(SAM).id] if isinstance(r, Attachment))
    assert b"BEGIN:VEVENT" in invite.content
    assert f"DTSTART:{start:%Y%m%dT%H%M%S}Z".encode() in invite.content
    assert session.state is SessionState.CONFIRMED
    assert session.kind is SessionKind.CHEMISTRY
    (request,) = t.store.list_requests()
    assert request.state is RequestState.MATCHED
    (engagement,) = t.store.list_engagements()
    assert engagement.state is EngagementState.ACTIVE
    assert engagement.sessions_allowed == 6


def test_pressing_accept_twice_books_once(t: Transcript) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    accept, token = t.find(t.person(coach).id, "Accept Thursday 26 November")
    t.press(coach, "Accept Thursday 26 November")
    again = t.press_raw(coach, accept.value, token)
    # The truth, in the coach's zone with the zone named.
    assert "already booked for Thursday 26 November, 13:30 GMT (Europe/London time)" in squeeze(
        again
    )
    assert len(t.store.list_sessions()) == 1


def test_choosing_twice_asks_only_the_first_coach(t: Transcript) -> None:
    shortlisted(t)
    choose, token = t.find(t.person(SAM).id, ", ")
    t.press(SAM, ", ")
    again = t.press_raw(SAM, choose.value, token)
    assert "moved on" in again


def test_someone_elses_button_changes_nothing(t: Transcript) -> None:
    shortlisted(t)
    choice, token = t.find(t.person(SAM).id, ", ")
    reply = t.press_raw("jade.morris@sandwell.gov.uk", choice.value, token)
    assert "can't find that request" in reply
    assert t.store.list_requests()[0].state is RequestState.SHORTLISTED


def test_decline_offers_the_coachee_the_others_and_asks_the_coach_why(t: Transcript) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    assert "If you'd like to say why" in t.press(coach, "Decline")
    assert "Thank you." in t.say(coach, "I'm at capacity this month")
    news = squeeze(t.inbox(SAM))
    assert "isn't able to take this on just now" in news
    assert t.person(coach).name not in news.split("looked again for you.")[1]
    (request,) = t.store.list_requests()
    assert request.state is RequestState.SHORTLISTED
    assert t.person(coach).id in request.declined_coach_ids
    reasons = [a for a in t.store.list_audit() if a.action == "request.decline_reason"]
    assert reasons[0].detail == "I'm at capacity this month"


def test_coach_proposes_other_times_and_the_coachee_picks_one(t: Transcript) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    assert "Which times could you offer instead" in t.press(coach, "Propose other times")
    proposed = squeeze(t.say(coach, "Monday 30 November 10am or Wednesday 2 December 3pm"))
    assert (
        "I've offered Sam Monday 30 November, 10:00 GMT; Wednesday 2 December, 15:00 GMT"
        in proposed
    )
    offer = squeeze(t.inbox(SAM))
    assert "has suggested these times" in offer
    booked = squeeze(t.press(SAM, "Wednesday 2 December"))
    assert "Your session is booked" in booked
    (session,) = t.store.list_sessions()
    assert session.window.start.isoformat() == "2026-12-02T15:00:00+00:00"


def test_no_answer_by_the_deadline_nudges_once_then_offers_the_next_coach(
    t: Transcript,
) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    t.clock.advance(timedelta(days=2))
    assert t.inbox(coach) == ""
    t.clock.advance(timedelta(days=2))  # Saturday: the 3 working days ran out on Friday
    nudge = squeeze(t.inbox(coach))
    assert "A gentle reminder: Sam is waiting to hear" in nudge
    assert "If I haven't heard by Monday 30 November, 09:30 GMT, I'll offer" in nudge
    assert "Accept" in nudge
    assert t.inbox(SAM) == ""
    t.clock.advance(timedelta(days=2, hours=1))  # Monday 10:30
    news = squeeze(t.inbox(SAM))
    assert "hasn't been able to answer in time" in news
    assert "Choose one and I'll ask them" in news
    assert "gone to another coach" in t.inbox(coach)
    (request,) = t.store.list_requests()
    assert request.state is RequestState.SHORTLISTED
    assert t.person(coach).id in request.declined_coach_ids
    t.clock.advance(timedelta(days=7))
    assert t.inbox(coach) == ""  # nudged once only


def test_two_coachees_racing_for_one_slot_end_with_one_booking(t: Transcript) -> None:
    """The coach is offered the same hour by two requests and accepts both."""
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    other = "jade.morris@sandwell.gov.uk"
    shortlisted(t, other)
    t.press(other, t.person(coach).name)
    t.inbox(coach)
    offers = [r for r in t.store.list_requests() if r.chosen_coach_id == t.person(coach).id]
    assert len(offers) == 2
    # Both cards offer the hour; the coach presses one, then the other card's old button.
    offered = [
        (choice, reply.token)
        for reply in t.last[t.person(coach).id]
        if isinstance(reply, Choices)
        for choice in reply.options
        if "Accept Thursday 26 November" in choice.label
    ]
    (earlier, token), _later = offered
    first = t.press(coach, "Accept Thursday 26 November")
    assert "Your session is booked" in first
    second = squeeze(t.press_raw(coach, earlier.value, token))
    assert "that time has just gone" in second
    assert "Here are the times still free for you both" in second
    pending = squeeze(t.say(coach, "pending"))
    assert "Accept Thursday 26 November" not in pending  # only times still free are offered
    booked = [s for s in t.store.list_sessions() if s.state is SessionState.CONFIRMED]
    assert len(booked) == 1


def test_cancelling_late_is_recorded_and_the_other_party_told(t: Transcript) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    t.press(coach, "Accept Thursday 26 November")
    t.inbox(SAM)
    t.clock.advance(timedelta(days=1, hours=20))  # Thursday 05:30, 8.5 hours before
    t.say(SAM, "sessions")
    asked = squeeze(t.press(SAM, "Cancel"))
    assert "it will be recorded as a late cancellation" in asked
    reply = squeeze(t.press(SAM, "Yes, cancel it"))
    assert "late cancellation" in reply
    (session,) = t.store.list_sessions()
    assert session.state is SessionState.CANCELLED
    assert session.late_cancellation
    assert session.cancelled_by == t.person(SAM).id
    assert "has cancelled your coaching session" in t.inbox(coach)


def test_next_session_then_attendance_then_the_engagement_closes(t: Transcript) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    t.press(coach, "Accept Thursday 26 November")
    t.say(SAM, "sessions")
    assert "When would suit you?" in t.press(SAM, "Book a session with")
    assert "These times are free for you both" in t.say(SAM, "Thursday 3 December afternoon")
    booked = squeeze(t.press(SAM, "Thursday 3 December"))
    assert "Your next session is booked" in booked
    assert "booked a coaching session with you" in t.inbox(coach)
    t.clock.advance(timedelta(days=10))
    listing = squeeze(t.say(coach, "sessions"))
    assert "Thursday 26 November: held" in listing
    held = t.press(coach, "Thursday 26 November: held")
    assert "Thanks, recorded as held" in held
    assert "Which themes came up?" in held
    assert "✓ Managing change" in t.press(coach, "Managing change")
    assert "Thanks, themes saved" in t.press(coach, "Done")
    (themes,) = t.store.list_feedback()
    assert themes.person_id == t.person(coach).id
    assert themes.themes == ("managing change",)
    assert themes.comment == ""
    t.say(coach, "sessions")
    assert "recorded as a no-show" in t.press(coach, "Thursday 3 December: no-show")
    states = sorted(s.state.value for s in t.store.list_sessions())
    assert states == ["held", "no_show"]
    (engagement,) = t.store.list_engagements()
    assert engagement.state is EngagementState.ACTIVE  # the chemistry session doesn't count


def test_a_proposed_time_worth_checking_is_asked_back_yes_or_no(t: Transcript) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    t.press(coach, "Propose other times")
    check = squeeze(t.say(coach, "next Wednesday 11am"))  # said on a Tuesday
    assert 'By "next Wednesday" do you mean Wednesday 2 December' in check
    offered = squeeze(t.press(coach, "Yes, that's right"))
    assert "I've offered Sam Wednesday 2 December, 11:00 GMT" in offered
