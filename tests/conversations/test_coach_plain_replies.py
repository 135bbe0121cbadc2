"""A coach may answer a request card in plain words (issue 11, Booking)."""

from __future__ import annotations

from bot.domain import RequestState, SessionState
from handlers.pool.sample import DEMO_COACHEE_EMAIL
from tests.conversations.test_booking import chosen_coach_email, shortlisted
from tests.conversations.transcript import Transcript, squeeze

SAM = DEMO_COACHEE_EMAIL
JADE = "jade.morris@sandwell.gov.uk"


def asked(t: Transcript) -> str:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    return coach


def test_sorry_i_cant_take_this_on_declines_and_asks_why(t: Transcript) -> None:
    coach = asked(t)
    assert "If you'd like to say why" in t.say(coach, "sorry, I can't take this on at the moment")
    assert "Thank you." in t.say(coach, "Off on leave for a month")
    assert "isn't able to take this on just now" in squeeze(t.inbox(SAM))
    (request,) = t.store.list_requests()
    assert request.state is RequestState.SHORTLISTED
    assert t.person(coach).id in request.declined_coach_ids


def test_i_could_do_another_time_instead_proposes_it(t: Transcript) -> None:
    coach = asked(t)
    said = squeeze(t.say(coach, "I could do Thursday 10th at 2pm instead"))
    assert "I've offered Sam Thursday 10 December, 14:00 GMT" in said
    (request,) = t.store.list_requests()
    assert request.state is RequestState.WAITING_COACHEE
    assert "has suggested these times" in t.inbox(SAM)
    assert "Your session is booked" in t.press(SAM, "Thursday 10 December")
    (session,) = t.store.list_sessions()
    assert session.state is SessionState.CONFIRMED
    assert session.window.start.isoformat() == "2026-12-10T14:00:00+00:00"


def test_with_two_requests_waiting_words_change_nothing_and_point_to_the_buttons(
    t: Transcript,
) -> None:
    coach = asked(t)
    shortlisted(t, JADE)
    t.press(JADE, t.person(coach).name)
    reply = squeeze(t.say(coach, "sorry, I can't take this on at the moment"))
    assert "2 requests are waiting for your answer" in reply
    assert "say 'pending'" in reply
    states = {r.state for r in t.store.list_requests()}
    assert states == {RequestState.WAITING_COACH}


def test_the_same_words_from_someone_with_no_request_to_answer_are_not_an_answer(
    t: Transcript,
) -> None:
    coach = asked(t)
    t.say(coach, "sorry, I can't take this on at the moment")
    again = t.say(coach, "sorry, I can't take this on at the moment")
    assert "If you'd like to say why" not in again
    assert len([a for a in t.store.list_audit() if a.action == "request.coach_declined"]) == 1
