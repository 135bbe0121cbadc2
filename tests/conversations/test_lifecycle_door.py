"""A move a lifecycle does not allow, asked for through the door by an old button, is
refused politely and the stored state stays as it was (bot/domain/lifecycles/)."""

from __future__ import annotations

from datetime import timedelta

from bot.app import SORRY
from bot.domain import RequestState, SessionState
from bot.domain.lifecycles.request import REQUEST
from bot.domain.lifecycles.session import SESSION
from tests.conversations.test_aftercare import SAM, booked, until
from tests.conversations.test_booking import chosen_coach_email, shortlisted
from tests.conversations.transcript import Transcript, squeeze


def test_a_held_session_is_never_cancelled_by_an_old_button(t: Transcript) -> None:
    coach = booked(t)
    (session,) = t.store.list_sessions()
    until(t, session.window.start - timedelta(hours=24))
    assert "Reminder" in t.inbox(SAM)
    cancel, token = t.find(t.person(SAM).id, "Cancel")  # the reminder's button, kept
    until(t, session.window.end + timedelta(minutes=15))
    assert "How did your session" in squeeze(t.inbox(coach))
    no_show, asked = t.find(t.person(coach).id, "no-show")
    t.press(coach, "It was held")
    assert not SESSION.may_move(SessionState.HELD, SessionState.CANCELLED)
    assert not SESSION.may_move(SessionState.HELD, SessionState.NO_SHOW)

    answer = squeeze(t.press_raw(SAM, cancel.value, token))
    assert "That session has changed since this message" in answer
    assert squeeze(SORRY) not in answer
    assert "already recorded as held" in t.press_raw(coach, no_show.value, asked)
    kept = t.store.get_session(session.id)
    assert kept is not None and kept.state is SessionState.HELD
    assert "has cancelled" not in t.inbox(coach)


def test_a_withdrawn_request_is_never_booked_by_the_coachs_old_button(t: Transcript) -> None:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    assert "Accept" in t.inbox(coach)
    accept, token = t.find(t.person(coach).id, "Accept")  # the coach's card, kept
    t.say(SAM, "my requests")
    t.press(SAM, "Withdraw")
    assert "your request is withdrawn" in t.press(SAM, "Yes, withdraw it")
    assert not REQUEST.may_move(RequestState.WITHDRAWN, RequestState.MATCHED)

    answer = squeeze(t.press_raw(coach, accept.value, token))
    assert "That request has moved on since this message" in answer
    assert squeeze(SORRY) not in answer
    (request,) = t.store.list_requests()
    assert request.state is RequestState.WITHDRAWN
    assert t.store.list_engagements() == [] and t.store.list_sessions() == []
    assert "booked" not in t.inbox(SAM)
