"""Nothing in the past, nothing taken; nudges offer only live times; a coachee who never
chooses from a shortlist is nudged, then the coordinators are told (issue 11, Booking)."""

from __future__ import annotations

from datetime import timedelta

from handlers.pool.sample import DEMO_COACHEE_EMAIL, DEMO_COORDINATOR_EMAIL
from tests.conversations.test_booking import chosen_coach_email, shortlisted
from tests.conversations.transcript import Transcript, squeeze

SAM = DEMO_COACHEE_EMAIL


def test_an_old_accept_button_whose_time_has_passed_books_nothing_and_offers_live_times(
    t: Transcript,
) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    offer = squeeze(t.inbox(coach))
    assert "Please answer by Monday 30 November, 09:30 GMT" in offer
    t.clock.advance(timedelta(days=2, hours=6))  # Thursday 26 November 15:30
    late = squeeze(t.press(coach, "Accept Thursday 26 November"))
    # Said to the person who pressed, in the second person.
    assert "Sorry, that time has already passed. Here are the times still free for you both" in late
    assert "Accept Thursday 26 November" not in late
    assert "Accept Tuesday 1 December" in late
    assert t.store.list_sessions() == []
    assert "Your session is booked" in t.press(coach, "Accept Tuesday 1 December")
    (session,) = t.store.list_sessions()
    assert session.window.start > t.clock.now()
    assert "Your session is booked" in t.inbox(SAM)


def test_the_coachs_nudge_offers_only_times_still_to_come(t: Transcript) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    assert "Accept Thursday 26 November" in squeeze(t.inbox(coach))
    t.clock.advance(timedelta(days=4))  # Saturday: the nudge is due, Thursday has gone
    nudge = squeeze(t.inbox(coach))
    assert "A gentle reminder: Sam is waiting to hear" in nudge
    assert "Accept Thursday 26 November" not in nudge
    assert "Accept Tuesday 1 December" in nudge
    assert "Your session is booked" in t.press(coach, "Accept Tuesday 1 December")


def test_pending_offers_show_only_times_still_to_come(t: Transcript) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    t.clock.advance(timedelta(days=2, hours=6))  # Thursday 26 November 15:30
    pending = squeeze(t.say(coach, "pending"))
    assert "Accept Thursday 26 November" not in pending
    assert "Accept Tuesday 1 December" in pending


def test_a_next_session_time_that_passed_while_the_list_waited_is_not_booked(
    t: Transcript,
) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    t.press(coach, "Accept Thursday 26 November")
    t.say(SAM, "sessions")
    t.press(SAM, "Book a session with")
    assert "These times are free for you both" in t.say(SAM, "Thursday 3 December afternoon")
    t.clock.advance(timedelta(days=10))  # Friday 4 December: every listed time has gone
    again = squeeze(t.press(SAM, "Thursday 3 December"))
    assert "Sorry, that time has already passed. Let's look at other days." in again
    assert "When would suit you?" in again
    assert len(t.store.list_sessions()) == 1


def test_a_coachee_who_never_chooses_from_the_shortlist_is_nudged_then_coordinators_told(
    t: Transcript,
) -> None:
    offered = squeeze(shortlisted(t))
    assert "Choose one and I'll ask them for a time. Please choose by Friday 27 November." in (
        offered
    )
    t.clock.advance(timedelta(days=3, minutes=30))  # Friday 10:00
    nudge = squeeze(t.inbox(SAM))
    assert "A gentle reminder: your shortlist of coaches is waiting." in nudge
    assert "If you haven't chosen by Monday 30 November, I'll tell the pool coordinators" in nudge
    choose, token = t.find(t.person(SAM).id, ", ")
    assert t.inbox(DEMO_COORDINATOR_EMAIL) == ""

    t.clock.advance(timedelta(days=3))  # Monday 10:00
    assert "I've let the pool coordinators know" in squeeze(t.inbox(SAM))
    (request,) = t.store.list_requests()
    note = squeeze(t.inbox(DEMO_COORDINATOR_EMAIL))
    assert (
        f"Request {request.id} (Regional Coaching Pool, from Dudley Metropolitan Borough "
        "Council) is waiting for the coachee to choose a coach from their shortlist" in note
    )
    assert "Sam" not in note

    assert "I've asked" in t.press_raw(SAM, choose.value, token)  # from the nudge
    t.clock.advance(timedelta(days=14))
    assert "gentle reminder: your shortlist" not in t.inbox(SAM)  # nudged once only


def test_a_move_to_a_time_that_passed_while_the_list_waited_keeps_the_session_where_it_was(
    t: Transcript,
) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    t.press(coach, "Accept Tuesday 1 December")
    (booked,) = t.store.list_sessions()
    t.say(SAM, "sessions")
    assert "When would suit you?" in t.press(SAM, "Reschedule")
    assert "These times are free for you both" in t.say(SAM, "Thursday 26 November afternoon")
    t.clock.advance(timedelta(days=3))  # Friday 27 November: every listed time has gone
    again = squeeze(t.press(SAM, "Thursday 26 November"))
    assert "Sorry, that time has already passed. Let's look at other days." in again
    (session,) = t.store.list_sessions()
    assert session.window == booked.window
